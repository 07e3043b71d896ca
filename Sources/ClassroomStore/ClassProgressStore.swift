import Foundation
import TutorStore

/// A student's store during a class activity, behind the same `ProgressStore` boundary as
/// SQLite, so the run loop and `ProgressRecorder` are unchanged: every checked answer, quiz
/// checkpoint and final result goes to PostgreSQL, and everything else (resume, stats, review)
/// stays in an in-memory store for this run, since a class session is not the student's own
/// practice. Class writes never wait on the screen's thread: they go into an `outbox`, written
/// in order at once while the server is there and queued while it is not (a restart, an outage),
/// and the screen says so from the outbox's and the link's status.
public final class ClassProgressStore: ProgressStore, @unchecked Sendable {
    public let link: ClassLink
    /// The class writes not yet committed, in order.
    public let outbox: ClassOutbox<ClassDatabase>
    private let activity: String
    private let student: String
    private let local = InMemoryStore()

    public init(link: ClassLink, activity: String, student: String) {
        self.link = link
        self.activity = activity
        self.student = student
        outbox = ClassOutbox { write throws(ClassError) in try await link.run(write) }
    }

    /// A store on a connection already open (tests, and commands that connected first).
    public convenience init(db: ClassDatabase, activity: String, student: String) {
        self.init(link: ClassLink(adopting: db), activity: activity, student: student)
    }

    public var location: String? { link.url.redacted }
    public var isSaving: Bool { true }
    public var notSavingReason: StoreError? { nil }

    // MARK: Writes that go to the class database

    public func record(_ attempt: StoredAttempt) throws(StoreError) {
        let answer = ClassAnswer(
            student: student, question: attempt.questionID, step: attempt.stepID, seed: attempt.seed,
            input: attempt.input, verdict: attempt.verdict, mistake: attempt.mistake,
            correct: attempt.correct, seconds: attempt.seconds ?? 0)
        let activity = self.activity
        outbox.submit(isAnswer: true) { db throws(ClassError) in
            try await db.committed(doing: "save the answer") { db throws(ClassError) in
                try await ClassActivities.record(db, activity: activity, answer)
            }
        }
        try local.record(attempt)
    }

    @discardableResult public func saveQuiz(_ quiz: QuizRecord) throws(StoreError) -> Int64? {
        let id = try local.saveQuiz(quiz)
        if quiz.status == .finished {
            let result = quiz.steps.map { "\($0.questionID)\t\($0.stepID)\t\($0.score)\t\($0.maxScore)\t\($0.verdict ?? "")" }
                .joined(separator: "\n")
            let (activity, student) = (self.activity, self.student)
            outbox.submit { db throws(ClassError) in
                try await db.committed(doing: "hand in") { db throws(ClassError) in
                    try await ClassActivities.finish(
                        db, activity: activity, student: student, score: quiz.score, maxScore: quiz.maxScore, result: result)
                }
            }
        }
        return id
    }

    /// Only the newest checkpoint matters: a queued one not yet being written is replaced.
    public func saveQuizCheckpoint(id: Int64, elapsed: Double, checkpoint: String) throws(StoreError) {
        let (activity, student) = (self.activity, self.student)
        outbox.submit(replacing: "checkpoint") { db throws(ClassError) in
            try await db.committed(doing: "save the quiz checkpoint") { db throws(ClassError) in
                try await ClassActivities.saveCheckpoint(db, activity: activity, student: student, checkpoint: checkpoint)
            }
        }
        try local.saveQuizCheckpoint(id: id, elapsed: elapsed, checkpoint: checkpoint)
    }

    // MARK: Everything else: this run only

    public func savePosition(_ position: PracticePosition) throws(StoreError) { try local.savePosition(position) }
    @discardableResult
    public func recordReview(question: String, step: String, quality: Int, at time: Date) throws(StoreError) -> ReviewItem {
        try local.recordReview(question: question, step: step, quality: quality, at: time)
    }
    public func resetAll() throws(StoreError) { try local.resetAll() }
    public func reset(questionID: String) throws(StoreError) { try local.reset(questionID: questionID) }
    public func lastPractice(questionID: String) throws(StoreError) -> PracticePosition? {
        try local.lastPractice(questionID: questionID)
    }
    public func latestPractice() throws(StoreError) -> PracticePosition? { try local.latestPractice() }
    public func attempts(questionID: String, seed: UInt64?, mode: String?) throws(StoreError) -> [StoredAttempt] {
        try local.attempts(questionID: questionID, seed: seed, mode: mode)
    }
    public func recordReveal(_ reveal: StoredReveal) throws(StoreError) { try local.recordReveal(reveal) }
    public func reveals(questionID: String, seed: UInt64?, mode: String?) throws(StoreError) -> [StoredReveal] {
        try local.reveals(questionID: questionID, seed: seed, mode: mode)
    }
    public func unfinishedQuiz() throws(StoreError) -> UnfinishedQuiz? { try local.unfinishedQuiz() }
    public func abandonQuiz(id: Int64) throws(StoreError) { try local.abandonQuiz(id: id) }
    public func quizzes() throws(StoreError) -> [QuizRecord] { try local.quizzes() }
    public func saveDrill(_ drill: DrillRecord) throws(StoreError) { try local.saveDrill(drill) }
    public func bestDrillScores() throws(StoreError) -> [String: Int] { try local.bestDrillScores() }
    public func quizHistory() throws(StoreError) -> [QuizSummary] { try local.quizHistory() }
    public func reviewItem(question: String, step: String) throws(StoreError) -> ReviewItem? {
        try local.reviewItem(question: question, step: step)
    }
    public func dueItems(at time: Date) throws(StoreError) -> [ReviewItem] { try local.dueItems(at: time) }
    public func dueCount(at time: Date) throws(StoreError) -> Int { try local.dueCount(at: time) }
    public func reviewedSteps(since time: Date) throws(StoreError) -> Int { try local.reviewedSteps(since: time) }
    public func meta(_ key: String) throws(StoreError) -> String? { try local.meta(key) }
    public func setMeta(_ key: String, _ value: String) throws(StoreError) { try local.setMeta(key, value) }
    public func accuracyByQuestion(mode: String?) throws(StoreError) -> [Accuracy] { try local.accuracyByQuestion(mode: mode) }
    public func accuracyByTopic(topics: [String: String], mode: String?) throws(StoreError) -> [Accuracy] {
        try local.accuracyByTopic(topics: topics, mode: mode)
    }
    public func frequentMistakes(limit: Int) throws(StoreError) -> [MistakeCount] { try local.frequentMistakes(limit: limit) }
    public func stepTimes() throws(StoreError) -> [TimeSummary] { try local.stepTimes() }
    public func export(_ format: ExportFormat, since: Date?) throws(StoreError) -> String {
        try local.export(format, since: since)
    }
}
