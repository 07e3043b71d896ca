import Foundation
import TerminalUI
import Testing
import TutorContent

@testable import TutorApp
@testable import TutorSession
@testable import TutorStore

/// The recorder and the run loop against a real SQLite file in a temporary folder.
@MainActor
@Suite("Progress: recorder on a real SQLite file", .serialized)
struct ProgressRecorderTests {
    static let exam = RunLoopTests.exam

    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-app-\(UUID().uuidString)").path
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        var db: String { path + "/dltutor.sqlite" }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    func store(_ f: Folder) throws -> SQLiteStore {
        let (s, warning) = SQLiteStore.open(path: f.db)
        #expect(warning == nil)
        return try #require(s as? SQLiteStore)
    }

    /// Runs keys through the real run loop with the recorder writing to `store`.
    func run(
        _ keys: [Event], store: any ProgressStore, settings: SessionSettings = SessionSettings(), time: Double = 800_000_000,
        prepare: (inout Session) -> Void = { _ in }
    ) -> Session {
        let t = TestTerminal(events: keys)
        var session = Session(exam: Self.exam, settings: settings)
        prepare(&session)
        let clock: @Sendable () -> Double = { time }
        let recorder = ProgressRecorder(store: store, exam: Self.exam, settings: settings, clock: clock)
        let app = TutorApp(session: session, terminal: t, clock: clock, nextSeed: { 5 }, perform: { recorder.perform($0) })
        _ = app.run()
        return app.session
    }

    @Test func everyCheckedAnswerIsWrittenWithItsVerdictAndMistake() throws {
        let f = Folder()
        let s = try store(f)
        _ = run(
            TestTerminal.keys("3") + [.key(.tab), .key(.tab), .key(.tab)] + TestTerminal.keys("691") + [
                .key(.enter), .key(.ctrl("u"))
            ]
                + TestTerminal.keys("619") + [.key(.enter)], store: s)
        let attempts = try s.attempts(questionID: "q3", seed: nil, mode: "practice")
        #expect(attempts.map(\.input) == ["691", "619"])
        #expect(attempts.map(\.verdict) == ["named-mistake", "correct"])
        #expect(attempts[0].mistake?.contains("8 hidden layers") == true)
        #expect(attempts.allSatisfy { $0.topic == "params" })
        // Resume point and the SM-2 schedule from the first check (a named mistake: back tomorrow).
        #expect(try s.lastPractice(questionID: "q3")?.stepIndex == 3)
        let item = try #require(try s.reviewItem(question: "q3", step: "a.total"))
        #expect(item.lastQuality == 1)
        #expect(abs(item.due.timeIntervalSince(Date(timeIntervalSinceReferenceDate: 800_000_000)) - 86_400) < 1)
    }

    @Test func practiceResumesWhereTheStudentLeftOff() throws {
        let f = Folder()
        let s = try store(f)
        _ = run(
            TestTerminal.keys("3") + [.key(.tab), .key(.tab), .key(.tab)] + TestTerminal.keys("691") + [.key(.enter)]
                + [.key(.tab)] + TestTerminal.keys("29") + [.key(.tab)], store: s)
        // A new run: rebuild from storage, as `dltutor` does at startup.
        let reopened = try store(f)
        var settings = SessionSettings()
        settings.answersAreSaved = true
        var session = Session(exam: Self.exam, settings: settings)
        let pos = try #require(try reopened.latestPractice())
        let checks = try reopened.attempts(questionID: pos.questionID, seed: pos.seed, mode: "practice")
            .map { SavedPractice.Check(stepID: $0.stepID, input: $0.input, verdict: $0.verdict) }
        session.restore(
            [SavedPractice(questionID: pos.questionID, seed: pos.seed, stepIndex: pos.stepIndex, checks: checks)],
            reopen: pos.questionID)
        #expect(session.screen == .question)
        #expect(session.practice?.variant.id == "q3")
        #expect(session.practice?.step.id == "b.n_hidden" || session.practice?.step.id == "c.choice")
        #expect(session.practice?.records[3].status == .wrong)
        #expect(session.practice?.records[3].attempts.map(\.input) == ["691"])
    }

    @Test func quizAnswersAreWrittenWhenSubmittedAndTheQuizIsKept() throws {
        let f = Folder()
        let s = try store(f)
        let settings = SessionSettings(mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 5, questionIDs: ["q3"]))
        _ = run(
            // Enter submits and moves on to the next step.
            TestTerminal.keys("6") + [.key(.enter)] + TestTerminal.keys("[5, 7, 7, 7, 7, 7, 7, 10]") + [
                .key(.enter),
                .key(.function(10)), .key(.char("y"))
            ],
            store: s, settings: settings,
            prepare: { s in
                _ = s.handle(.tick(at: 800_000_000))
                _ = s.handle(.startQuiz)
                _ = s.handle(.submit)
            })
        let attempts = try s.attempts(questionID: "q3", seed: 4, mode: "quiz")
        #expect(attempts.map(\.input) == ["6", "[5, 7, 7, 7, 7, 7, 7, 10]"])
        let quizzes = try s.quizzes()
        #expect(quizzes.count == 1)
        #expect(quizzes[0].endedAt != nil)
        #expect(quizzes[0].score == 2)
        #expect(attempts.allSatisfy { $0.quizID == quizzes[0].id })
        #expect(quizzes[0].settings.seed == 4 && quizzes[0].settings.questionIDs == ["q3"])
    }

    @Test func reviewIsToldTheIntervalStorageChose() throws {
        let f = Folder()
        let s = try store(f)
        let recorder = ProgressRecorder(
            store: s, exam: Self.exam, settings: SessionSettings(mode: .review), clock: { 800_000_000 })
        func check(_ mode: String, seed: UInt64) -> [Message] {
            recorder.perform(
                .record(
                    CheckedAnswer(
                        mode: mode, questionID: "q3", stepID: "a.total", seed: seed, input: "1",
                        verdict: .correct, mistake: nil, correct: true, seconds: 3)))
        }
        #expect(check("practice", seed: 1).isEmpty, "practice is scheduled silently")
        #expect(
            check("review", seed: 2) == [.reviewScheduled(questionID: "q3", stepID: "a.total", days: 6)],
            "second right answer: 6 days")
        #expect(check("review", seed: 2).isEmpty, "one schedule per step and variant per sitting")
        #expect(try s.reviewItem(question: "q3", step: "a.total")?.intervalDays == 6)
    }

    @Test func drillBestIsKept() throws {
        let f = Folder()
        let s = try store(f)
        let settings = SessionSettings(mode: .drill, drill: DrillSettings(topic: "shapes", minutes: 1, seed: 2))
        let t = TestTerminal(events: [.key(.escape)])
        var session = Session(exam: Self.exam, settings: settings)
        _ = session.handle(.tick(at: 0))
        _ = session.handle(.startDrill)
        let recorder = ProgressRecorder(store: s, exam: Self.exam, settings: settings, clock: { 0 })
        _ = TutorApp(session: session, terminal: t, clock: { 0 }, nextSeed: { 1 }, perform: { recorder.perform($0) }).run()
        #expect(try s.bestDrillScores() == ["shapes": 0])
    }

    @Test func statsScreenIsFilledFromStorage() throws {
        let f = Folder()
        let s = try store(f)
        let end = run(
            TestTerminal.keys("3") + [.key(.tab), .key(.tab), .key(.tab)] + TestTerminal.keys("691") + [
                .key(.enter), .key(.escape),
                .key(.char("s"))
            ], store: s)
        #expect(end.screen == .stats)
        let report = try #require(end.stats)
        #expect(report.byQuestion == [StatsReport.Rate(label: "Q3", attempts: 1, correct: 0)])
        #expect(report.mistakes.first?.label.contains("8 hidden layers") == true)
    }

    @Test func aStorageFailureIsShownOnceAndTheTutorGoesOn() throws {
        let f = Folder()
        // A real "disk full" from SQLite: cap the file at 64 pages and fill them before the run.
        let s = try #require(SQLiteStore.open(path: f.db, options: .init(maxPageCount: 64)).store as? SQLiteStore)
        #expect(s.isSaving)
        // Fill the attempt table itself, so the next checked answer needs a page there is no room for.
        // Big rows first, then smaller ones, until not even a tiny row fits.
        var full = false
        for size in [1500, 200, 20, 1] {
            full = false
            for _ in 0..<400 where !full {
                do {
                    try s.db.write {
                        try $0.execute(
                            sql: """
                                INSERT INTO attempt (time, mode, question_id, step_id, input, verdict, correct)
                                VALUES (0, 'practice', 'q9', 'x', hex(zeroblob(\(size))), 'correct', 1)
                                """)
                    }
                } catch { full = true }
            }
        }
        #expect(full)
        let end = run(
            TestTerminal.keys("3") + [.key(.tab), .key(.tab), .key(.tab)] + TestTerminal.keys("619") + [.key(.enter)], store: s)
        #expect(end.storageWarning?.contains("full") == true)
        #expect(end.practice?.notice?.hasPrefix("Not saving from now on:") == true, "said where the student is looking")
        #expect(end.practice?.records[3].status == .correct, "checking goes on without saving")
    }
}
