import Foundation
import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorApp
@testable import TutorStore

/// Reveals and quiz checkpoints through the real run loop and recorder, on a real SQLite file.
@MainActor
@Suite("Progress: reveals and quiz checkpoints on a real SQLite file", .serialized)
struct ResumeRecorderTests {
    static let exam = RunLoopTests.exam
    typealias Folder = ProgressRecorderTests.Folder

    func run(
        _ keys: [Event], store: any ProgressStore, settings: SessionSettings = SessionSettings(),
        prepare: (inout Session) -> Void = { _ in }
    ) -> (Session, Int32) {
        let t = TestTerminal(events: keys)
        var session = Session(exam: Self.exam, settings: settings)
        prepare(&session)
        let clock: @Sendable () -> Double = { 800_000_000 }
        let recorder = ProgressRecorder(store: store, exam: Self.exam, settings: settings, clock: clock)
        let app = TutorApp(session: session, terminal: t, clock: clock, nextSeed: { 5 }, perform: { recorder.perform($0) })
        let status = app.run()
        return (app.session, status)
    }

    @Test func revealsByKeyAndAfterThreeTriesAreStoredInTheirPlaces() throws {
        let f = Folder()
        let s = try ProgressRecorderTests().store(f)
        let wrong = ["1", "2", "3"].flatMap { TestTerminal.keys($0) + [.key(.enter), .key(.ctrl("u"))] }
        _ = run(TestTerminal.keys("3") + [.key(.function(3))] + [.key(.tab), .key(.tab), .key(.tab)] + wrong, store: s)
        let reveals = try s.reveals(questionID: "q3", seed: nil, mode: "practice")
        #expect(reveals.map(\.stepID) == ["a.hidden_layers", "a.total"])
        #expect(reveals.map(\.reason) == ["key", "auto"])
        #expect(reveals.map(\.checksBefore) == [0, 3], "the automatic reveal comes after the third try")
        #expect(try s.reviewItem(question: "q3", step: "a.hidden_layers")?.lastQuality == 0)
    }

    @Test func sigtermLeavesARunningQuizToContinueAndCtrlCAsks() throws {
        let f = Folder()
        let s = try ProgressRecorderTests().store(f)
        let settings = SessionSettings(mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 5, questionIDs: ["q3"]))
        let start: (inout Session) -> Void = { s in
            _ = s.handle(.tick(at: 800_000_000 - 30))
            _ = s.handle(.startQuiz)
            _ = s.handle(.submit)
        }
        // Ctrl-C (SIGINT) asks; n stays; then SIGTERM: a last checkpoint, exit 143.
        let (session, status) = run(
            TestTerminal.keys("6") + [.key(.enter)] + TestTerminal.keys("[5, 7")
                + [.signal(2), .key(.char("n")), .signal(15)], store: s, settings: settings, prepare: start)
        #expect(status == 143)
        #expect(!session.confirmingQuit && session.quiz?.phase == .running)
        let offer = try #require(ProgressRecorder.quizOffer(store: s))
        #expect(offer.snapshot.elapsed == 30 && offer.snapshot.secondsLeft == 270)
        #expect(offer.snapshot.questions[0].steps[0].inputs == ["6"] && offer.snapshot.questions[0].steps[1].draft == "[5, 7")
        #expect(try s.quizzes().map(\.status) == [.running])
        #expect(!(try s.export(.csv, since: nil)).contains(",0,0,5,"), "no 0 / 0 row")
        // The next quiz: declining the offer abandons it; the new quiz finishes with a score.
        var next = SessionSettings(mode: .quiz, quiz: QuizSettings(minutes: 5, questionIDs: ["q3"]))
        next.answersAreSaved = true
        let (_, done) = run(
            [.key(.char("n")), .key(.enter), .key(.function(10)), .key(.char("y")), .key(.escape), .key(.char("q"))],
            store: s, settings: next,
            prepare: {
                $0.offerQuiz(offer, ask: true)
                _ = $0.handle(.tick(at: 800_000_000))
            })
        #expect(done == 0)
        let quizzes = try s.quizzes()
        #expect(quizzes.map(\.status) == [.abandoned, .finished])
        #expect(ProgressRecorder.quizOffer(store: s) == nil)
    }

    @Test func continuingKeepsTheQuizItsOwnSetupAndStart() throws {
        let f = Folder()
        let s = try ProgressRecorderTests().store(f)
        let settings = SessionSettings(mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 5, questionIDs: ["q3"]))
        _ = run(
            TestTerminal.keys("6") + [.key(.enter), .signal(1)], store: s, settings: settings,
            prepare: { s in
                _ = s.handle(.tick(at: 800_000_000 - 60))
                _ = s.handle(.startQuiz)
                _ = s.handle(.submit)
            })
        let offer = try #require(ProgressRecorder.quizOffer(store: s))
        let started = try #require(try s.quizzes().first?.startedAt)
        // Continued from a run started with other options: the quiz keeps seed 4 and 5 minutes.
        let other = SessionSettings(mode: .quiz, quiz: QuizSettings(minutes: 30, questionIDs: ["q1"]))
        _ = run(
            [.key(.char("y")), .key(.function(10)), .key(.char("y")), .key(.escape), .key(.char("q"))], store: s,
            settings: other,
            prepare: {
                $0.offerQuiz(offer, ask: true)
                _ = $0.handle(.tick(at: 800_000_000))
            })
        let quiz = try #require(try s.quizzes().first)
        #expect(try s.quizzes().count == 1)
        #expect(
            quiz.status == .finished && quiz.settings.seed == 4 && quiz.settings.minutes == 5
                && quiz.settings.questionIDs == ["q3"])
        #expect(quiz.startedAt == started && quiz.score == 1)
    }
}
