import Foundation

/// What the app needs from storage. Writes are synchronous: when one returns, the data is in its
/// own committed transaction on disk (a SIGKILL right after loses nothing). Time is always passed
/// in. When saving has stopped (`isSaving == false`) writes do nothing and do not throw; the one
/// write that fails throws the `StoreError` whose `message` the app shows.
public protocol ProgressStore: AnyObject, Sendable {
    /// The database file; nil for a store that keeps nothing on disk.
    var location: String? { get }
    /// False when progress is not being saved (opening failed, read-only, disk full, ...).
    var isSaving: Bool { get }
    /// Why saving stopped, if it did.
    var notSavingReason: StoreError? { get }

    // MARK: Writing
    func record(_ attempt: StoredAttempt) throws(StoreError)
    func savePosition(_ position: PracticePosition) throws(StoreError)
    /// Inserts a quiz (id nil; returns the new id) or replaces the quiz with this id and its steps.
    @discardableResult func saveQuiz(_ quiz: QuizRecord) throws(StoreError) -> Int64?
    /// Schedules the (question, step) by SM-2 with quality 0–5 (see `SM2.quality`).
    @discardableResult
    func recordReview(question: String, step: String, quality: Int, at time: Date) throws(StoreError) -> ReviewItem
    /// Deletes every attempt, position, quiz and review item.
    func resetAll() throws(StoreError)
    /// Deletes one question's attempts, review items and practice position (quizzes are kept).
    func reset(questionID: String) throws(StoreError)

    // MARK: Resume
    func lastPractice(questionID: String) throws(StoreError) -> PracticePosition?
    /// The most recently saved position of any question (to reopen the last question).
    func latestPractice() throws(StoreError) -> PracticePosition?
    /// Attempts at one question with exactly this seed (nil: the original exam); mode nil: any.
    /// Oldest first.
    func attempts(questionID: String, seed: UInt64?, mode: String?) throws(StoreError) -> [StoredAttempt]

    // MARK: Reveals (a revealed step stays revealed after a restart)
    func recordReveal(_ reveal: StoredReveal) throws(StoreError)
    /// Reveals of one question with exactly this seed; mode nil: any. Oldest first, each with
    /// the number of same-mode attempts stored before it.
    func reveals(questionID: String, seed: UInt64?, mode: String?) throws(StoreError) -> [StoredReveal]

    // MARK: Quizzes
    /// Keeps a running quiz's progress (quiz time used, and the app's checkpoint text).
    func saveQuizCheckpoint(id: Int64, elapsed: Double, checkpoint: String) throws(StoreError)
    /// The latest running quiz that has a checkpoint, to offer to continue it.
    func unfinishedQuiz() throws(StoreError) -> UnfinishedQuiz?
    /// Marks a running quiz abandoned: it keeps its answers but has no score.
    func abandonQuiz(id: Int64) throws(StoreError)
    func quizzes() throws(StoreError) -> [QuizRecord]
    /// Keeps a finished drill (topic, minutes, steps right, steps tried).
    func saveDrill(_ drill: DrillRecord) throws(StoreError)
    /// The best drill score per topic.
    func bestDrillScores() throws(StoreError) -> [String: Int]
    /// Finished and unfinished quizzes, oldest first (for the history chart).
    func quizHistory() throws(StoreError) -> [QuizSummary]

    // MARK: Review
    func reviewItem(question: String, step: String) throws(StoreError) -> ReviewItem?
    /// Items due at or before `time`, earliest due first.
    func dueItems(at time: Date) throws(StoreError) -> [ReviewItem]
    func dueCount(at time: Date) throws(StoreError) -> Int
    /// Distinct steps checked or revealed in review mode at or after `time` (the daily cap).
    func reviewedSteps(since time: Date) throws(StoreError) -> Int

    // MARK: Statistics (mode nil: all modes)
    func accuracyByQuestion(mode: String?) throws(StoreError) -> [Accuracy]
    /// Topic per question from `topics` if given there, else the topic recorded with the attempt.
    func accuracyByTopic(topics: [String: String], mode: String?) throws(StoreError) -> [Accuracy]
    /// Named mistakes by (question, step, explanation), most frequent first.
    func frequentMistakes(limit: Int) throws(StoreError) -> [MistakeCount]
    /// Seconds per checked answer: all steps together (questionID "*", stepID "*") first, then per step.
    func stepTimes() throws(StoreError) -> [TimeSummary]

    // MARK: Meta (facts that are not progress, e.g. "tour_seen")
    func meta(_ key: String) throws(StoreError) -> String?
    func setMeta(_ key: String, _ value: String) throws(StoreError)

    // MARK: Export
    func export(_ format: ExportFormat, since: Date?) throws(StoreError) -> String
}

public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
}
