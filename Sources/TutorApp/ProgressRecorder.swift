import Foundation
import TutorContent
import TutorSession
import TutorStore

/// Performs the session's storage effects: every checked answer is written the moment it is
/// checked, practice positions for resuming, quiz and drill results, and the SM-2 review
/// schedule. It also answers the stats screen's request. Storage failures never stop the tutor:
/// writes go through a `WriteQueue`, so a database locked by another program keeps them queued
/// (the screen says "waiting", then "saved"), and a failure that stops saving (full disk,
/// read-only file) is reported to the session once.
@MainActor
public final class ProgressRecorder {
    private let store: any ProgressStore
    private let exam: Exam
    private let settings: SessionSettings
    private let clock: @Sendable () -> Double
    /// (question, step, seed) already scheduled in this run: one SM-2 review per step per sitting,
    /// from its first check (or a reveal before any check), so a miss brings it back sooner.
    private var scheduled: Set<String> = []
    /// When a continued quiz first started (its report counts from the time it continued).
    private var resumedStart: Date?
    private var reported = false
    /// Every write, in order; the quiz id lives in its context (a queued quiz row comes first).
    public nonisolated let writes: WriteQueue
    /// Answers queued in the current wait (nil: not waiting), for the "saved" line.
    private var waitingAnswers: Int?

    public init(store: any ProgressStore, exam: Exam, settings: SessionSettings, clock: @escaping @Sendable () -> Double) {
        self.store = store
        self.exam = exam
        self.settings = settings
        self.clock = clock
        writes = WriteQueue(store: store)
        topics = Dictionary(uniqueKeysWithValues: exam.questions.map { ($0.id, $0.topic) })
    }

    /// Topic per question id, stored with each attempt.
    private let topics: [String: String]

    private var now: Date { Date(timeIntervalSinceReferenceDate: clock()) }

    /// Queues `job` (written at once unless the database is locked) and says what changed.
    private func attempt(isAnswer: Bool = false, _ job: @escaping WriteQueue.Job) -> [Message] {
        writes.submit(isAnswer: isAnswer, job)
        return poll()
    }

    /// What the screen should now say about storage: saving stopped (once), answers waiting
    /// for a locked database, or the waiting answers written. Called after every write and on
    /// every tick of the run loop.
    public func poll() -> [Message] {
        let status = writes.status
        if let stopped = status.stopped {
            guard !reported else { return [] }
            reported = true
            waitingAnswers = nil
            return [.storageProblem(stopped.message)]
        }
        let path = store.location ?? "(memory)"
        if status.pending > 0 {
            let before = waitingAnswers
            waitingAnswers = max(before ?? 0, status.answers)
            return before == nil || status.answers != before
                ? [.storageWaiting(StorageWait(answers: status.answers, isWaiting: true, path: path))] : []
        }
        guard let waited = waitingAnswers else { return [] }
        waitingAnswers = nil
        return [.storageWaiting(StorageWait(answers: waited, isWaiting: false, path: path))]
    }

    /// At exit: waits for queued writes (nil: as long as it takes), returning how many answers
    /// are still not written when it gives up.
    public nonisolated func finish(timeout: Double?) -> Int {
        writes.waitUntilWritten(timeout: timeout) ? 0 : writes.status.answers
    }

    public func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .record(let r):
            let fresh = openQuiz(), time = now, topic = topics[r.questionID]
            var out = attempt(isAnswer: true) { store, ctx throws(StoreError) in
                if r.mode == "quiz", ctx.quizID == nil { ctx.quizID = try store.saveQuiz(fresh) }
                try store.record(
                    StoredAttempt(
                        time: time, mode: r.mode, questionID: r.questionID, stepID: r.stepID, seed: r.seed, input: r.input,
                        verdict: r.verdict.rawValue, mistake: r.mistake, correct: r.correct, seconds: r.seconds,
                        topic: topic, quizID: r.mode == "quiz" ? ctx.quizID : nil))
            }
            out += schedule(
                r.questionID, r.stepID, r.seed, mode: r.mode,
                quality: SM2.quality(
                    SM2.Outcome(verdict: r.verdict, wrongTriesBefore: 0, revealed: false, helped: r.helped)))
            return out
        case .hintTaken(let q, let step, let seed, let mode):
            // Kept beside the reveals (reason `hint`), so a restart charges the same hints.
            let hint = StoredReveal(time: now, mode: mode, questionID: q, stepID: step, seed: seed, reason: "hint")
            return attempt(isAnswer: true) { store, _ throws(StoreError) in try store.recordReveal(hint) }
        case .revealed(let q, let step, let seed, let mode, let automatic):
            let reveal = StoredReveal(
                time: now, mode: mode, questionID: q, stepID: step, seed: seed, reason: automatic ? "auto" : "key")
            var out = attempt(isAnswer: true) { store, _ throws(StoreError) in try store.recordReveal(reveal) }
            out += schedule(q, step, seed, mode: mode, quality: SM2.quality(.revealed))
            return out
        case .saveQuizProgress(let snapshot):
            let fresh = openQuiz()
            let text = (try? JSONEncoder().encode(snapshot)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            let elapsed = snapshot.elapsed
            return attempt { store, ctx throws(StoreError) in
                if ctx.quizID == nil { ctx.quizID = try store.saveQuiz(fresh) }
                guard let quizID = ctx.quizID else { return }
                try store.saveQuizCheckpoint(id: quizID, elapsed: elapsed, checkpoint: text)
            }
        case .resumeQuiz(let id):
            resumedStart = (try? store.quizzes())?.first { $0.id == id }?.startedAt
            return attempt { _, ctx throws(StoreError) in ctx.quizID = id }
        case .abandonQuiz(let id):
            return attempt { store, _ throws(StoreError) in try store.abandonQuiz(id: id) }
        case .savePosition(let q, let seed, let index):
            let position = PracticePosition(questionID: q, seed: seed, stepIndex: index, updatedAt: now)
            return attempt { store, _ throws(StoreError) in try store.savePosition(position) }
        case .finishQuiz(let report):
            var record = openQuiz()
            // The quiz's own setup (a continued quiz keeps the one it started with).
            record.settings = StoredQuizSettings(
                minutes: report.minutes, questionIDs: report.questions.map(\.id), seed: report.seed,
                feedback: report.feedback.rawValue)
            record.startedAt = resumedStart ?? Date(timeIntervalSinceReferenceDate: report.startedAt)
            record.endedAt = Date(timeIntervalSinceReferenceDate: report.endedAt)
            record.score = report.points
            record.maxScore = report.maxPoints
            record.status = .finished
            record.steps = report.questions.flatMap { q in
                q.steps.map {
                    QuizStepResult(
                        questionID: q.id, stepID: $0.id, verdict: $0.verdict?.shortName,
                        score: $0.points, maxScore: $0.maxPoints)
                }
            }
            let finished = record
            return attempt { store, ctx throws(StoreError) in
                var record = finished
                record.id = ctx.quizID
                ctx.quizID = try store.saveQuiz(record) ?? ctx.quizID
            }
        case .finishDrill(let topic, let score, let tried):
            let drill = DrillRecord(startedAt: now, topic: topic, minutes: settings.drill.minutes, score: score, tried: tried)
            return attempt { store, _ throws(StoreError) in try store.saveDrill(drill) }
        case .requestStats:
            return [.showStats(stats())]
        case .demoCue:
            return [] // a live class demo's cue: the classroom layer sends it (onEffect)
        case .tourSeen:
            return attempt { store, _ throws(StoreError) in try store.setMeta("tour_seen", "1") }
        case .quit:
            return []
        }
    }

    /// In review, the session is told the interval chosen ("next review in 6 days").
    private func schedule(_ q: String, _ step: String, _ seed: UInt64?, mode: String, quality: Int) -> [Message] {
        let key = "\(q)|\(step)|\(seed.map(String.init) ?? "-")"
        guard !scheduled.contains(key) else { return [] }
        scheduled.insert(key)
        let time = now
        // Written at once unless the database is locked; then the interval is not known yet and
        // the review screen simply does not say it.
        let chosen = ReviewIntervalBox()
        let problems = attempt { store, _ throws(StoreError) in
            chosen.set(try store.recordReview(question: q, step: step, quality: quality, at: time))
        }
        guard mode == "review", let item = chosen.get(), store.isSaving else { return problems }
        return problems + [.reviewScheduled(questionID: q, stepID: step, days: item.intervalDays)]
    }

    private func openQuiz() -> QuizRecord {
        let s = settings.quiz
        let ids = s.questionIDs.isEmpty ? exam.questions.map(\.id) : s.questionIDs
        return QuizRecord(
            startedAt: now,
            settings: StoredQuizSettings(
                minutes: s.minutes, questionIDs: ids, seed: settings.seed, feedback: s.feedback.rawValue),
            score: 0, maxScore: 0, steps: [])
    }

    /// The latest unfinished quiz in `store` that this exam can show, to offer to continue it.
    public nonisolated static func quizOffer(store: any ProgressStore) -> QuizResumeOffer? {
        guard let open = try? store.unfinishedQuiz(), let id = open.quiz.id,
            let snapshot = try? JSONDecoder().decode(QuizSnapshot.self, from: Data(open.checkpoint.utf8))
        else { return nil }
        return QuizResumeOffer(id: id, snapshot: snapshot)
    }

    /// Everything the stats screen and `dltutor stats` show.
    public func stats() -> StatsReport {
        StatsBuilder.report(store: store, exam: exam, at: now)
    }
}

/// The review item a queued write produced, read back by the recorder right after submitting it
/// (the write may run on the queue's retry thread instead, so access is locked).
private final class ReviewIntervalBox: @unchecked Sendable {
    private let lock = NSLock()
    private var item: ReviewItem?
    func set(_ value: ReviewItem) { lock.withLock { item = value } }
    func get() -> ReviewItem? { lock.withLock { item } }
}
