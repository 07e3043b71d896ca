import Foundation
import TutorContent
import TutorSession
import TutorStore

/// Performs the session's storage effects: every checked answer is written the moment it is
/// checked, practice positions for resuming, quiz and drill results, and the SM-2 review
/// schedule. It also answers the stats screen's request. Storage failures never stop the tutor:
/// the first one is reported to the session as a notice and saving stops.
@MainActor
public final class ProgressRecorder {
    private let store: any ProgressStore
    private let exam: Exam
    private let settings: SessionSettings
    private let clock: @Sendable () -> Double
    /// (question, step, seed) already scheduled in this run: one SM-2 review per step per sitting,
    /// from its first check (or a reveal before any check), so a miss brings it back sooner.
    private var scheduled: Set<String> = []
    private var quizID: Int64?
    /// When a continued quiz first started (its report counts from the time it continued).
    private var resumedStart: Date?
    private var reported = false

    public init(store: any ProgressStore, exam: Exam, settings: SessionSettings, clock: @escaping @Sendable () -> Double) {
        self.store = store
        self.exam = exam
        self.settings = settings
        self.clock = clock
        topics = Dictionary(uniqueKeysWithValues: exam.questions.map { ($0.id, $0.topic) })
    }

    /// Topic per question id, stored with each attempt.
    private let topics: [String: String]

    private var now: Date { Date(timeIntervalSinceReferenceDate: clock()) }

    /// Runs `body`; the first storage failure becomes a message the screen shows.
    private func attempt(_ body: () throws(StoreError) -> Void) -> [Message] {
        do { try body() } catch {
            guard !reported else { return [] }
            reported = true
            return [.storageProblem(error.message)]
        }
        return []
    }

    public func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .record(let r):
            var out = attempt { () throws(StoreError) in
                if r.mode == "quiz", quizID == nil { quizID = try store.saveQuiz(openQuiz()) }
                try store.record(StoredAttempt(
                    time: now, mode: r.mode, questionID: r.questionID, stepID: r.stepID, seed: r.seed, input: r.input,
                    verdict: r.verdict, mistake: r.mistake, correct: r.correct, seconds: r.seconds,
                    topic: topics[r.questionID], quizID: r.mode == "quiz" ? quizID : nil))
            }
            out += schedule(r.questionID, r.stepID, r.seed, mode: r.mode, quality: SM2.quality(
                SM2.outcome(verdict: r.verdict, wrongTriesBefore: 0, revealed: false)))
            return out
        case .revealed(let q, let step, let seed, let mode, let automatic):
            var out = attempt { () throws(StoreError) in
                try store.recordReveal(StoredReveal(time: now, mode: mode, questionID: q, stepID: step, seed: seed,
                                                    reason: automatic ? "auto" : "key"))
            }
            out += schedule(q, step, seed, mode: mode, quality: SM2.quality(.revealed))
            return out
        case .saveQuizProgress(let snapshot):
            return attempt { () throws(StoreError) in
                if quizID == nil { quizID = try store.saveQuiz(openQuiz()) }
                guard let quizID else { return }
                let text = (try? JSONEncoder().encode(snapshot)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                try store.saveQuizCheckpoint(id: quizID, elapsed: snapshot.elapsed, checkpoint: text)
            }
        case .resumeQuiz(let id):
            quizID = id
            resumedStart = (try? store.quizzes())?.first { $0.id == id }?.startedAt
            return []
        case .abandonQuiz(let id):
            return attempt { () throws(StoreError) in try store.abandonQuiz(id: id) }
        case .savePosition(let q, let seed, let index):
            return attempt { () throws(StoreError) in
                try store.savePosition(PracticePosition(questionID: q, seed: seed, stepIndex: index, updatedAt: now))
            }
        case .finishQuiz(let report):
            return attempt { () throws(StoreError) in
                var record = openQuiz()
                // The quiz's own setup (a continued quiz keeps the one it started with).
                record.settings = TutorStore.QuizSettings(
                    minutes: report.minutes, questionIDs: report.questions.map(\.id), seed: report.seed,
                    feedback: report.feedback.rawValue)
                record.id = quizID
                record.startedAt = resumedStart ?? Date(timeIntervalSinceReferenceDate: report.startedAt)
                record.endedAt = Date(timeIntervalSinceReferenceDate: report.endedAt)
                record.score = report.points
                record.maxScore = report.maxPoints
                record.status = .finished
                record.steps = report.questions.flatMap { q in
                    q.steps.map { QuizStepResult(questionID: q.id, stepID: $0.id, verdict: $0.verdict?.shortName,
                                                 score: $0.points, maxScore: $0.maxPoints) }
                }
                quizID = try store.saveQuiz(record) ?? quizID
            }
        case .finishDrill(let topic, let score, let tried):
            return attempt { () throws(StoreError) in
                try store.saveDrill(DrillRecord(startedAt: now, topic: topic, minutes: settings.drill.minutes, score: score, tried: tried))
            }
        case .requestStats:
            return [.showStats(stats())]
        case .tourSeen:
            return attempt { () throws(StoreError) in try store.setMeta("tour_seen", "1") }
        case .quit:
            return []
        }
    }

    /// In review, the session is told the interval chosen ("next review in 6 days").
    private func schedule(_ q: String, _ step: String, _ seed: UInt64?, mode: String, quality: Int) -> [Message] {
        let key = "\(q)|\(step)|\(seed.map(String.init) ?? "-")"
        guard !scheduled.contains(key) else { return [] }
        scheduled.insert(key)
        var item: ReviewItem?
        let problems = attempt { () throws(StoreError) in item = try store.recordReview(question: q, step: step, quality: quality, at: now) }
        guard mode == "review", let item, store.isSaving else { return problems }
        return problems + [.reviewScheduled(questionID: q, stepID: step, days: item.intervalDays)]
    }

    private func openQuiz() -> QuizRecord {
        let s = settings.quiz
        let ids = s.questionIDs.isEmpty ? exam.questions.map(\.id) : s.questionIDs
        return QuizRecord(startedAt: now, settings: TutorStore.QuizSettings(
            minutes: s.minutes, questionIDs: ids, seed: settings.seed, feedback: s.feedback.rawValue),
            score: 0, maxScore: 0, steps: [])
    }

    /// The latest unfinished quiz in `store` that this exam can show, to offer to continue it.
    public nonisolated static func quizOffer(store: any ProgressStore) -> QuizResumeOffer? {
        guard let open = try? store.unfinishedQuiz(), let id = open.quiz.id,
              let snapshot = try? JSONDecoder().decode(QuizSnapshot.self, from: Data(open.checkpoint.utf8)) else { return nil }
        return QuizResumeOffer(id: id, snapshot: snapshot)
    }

    /// Everything the stats screen and `dltutor stats` show.
    public func stats() -> StatsReport {
        StatsBuilder.report(store: store, exam: exam, at: now)
    }
}
