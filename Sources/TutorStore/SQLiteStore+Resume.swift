import Foundation
import GRDB

/// A worked step shown to the student (schema v3). Stored so a revealed step is still revealed
/// after a restart: replaying the checked answers alone would turn it into ✓.
public struct StoredReveal: Sendable, Equatable {
    public var time: Date
    public var mode: String
    public var questionID: String
    public var stepID: String
    /// nil is the original exam.
    public var seed: UInt64?
    /// "key" (F3), "auto" (after N wrong tries).
    public var reason: String
    /// On reading: how many attempts of the same question, seed and mode were stored before this
    /// reveal, so the reveal is replayed at the right place among the checks. Ignored on writing.
    public var checksBefore: Int

    public init(
        time: Date, mode: String, questionID: String, stepID: String, seed: UInt64?, reason: String,
        checksBefore: Int = 0
    ) {
        self.time = time
        self.mode = mode
        self.questionID = questionID
        self.stepID = stepID
        self.seed = seed
        self.reason = reason
        self.checksBefore = checksBefore
    }
}

/// Where a quiz stands: running (it can be continued), finished (it has a score), or abandoned
/// (the student declined to continue it or started another; it has no score).
public enum QuizStatus: String, Sendable, Equatable {
    case running, finished, abandoned
}

/// A quiz that was running when its tutor stopped (quit, killed, or a terminal that closed).
public struct UnfinishedQuiz: Sendable, Equatable {
    public var quiz: QuizRecord
    /// Seconds of quiz time used so far.
    public var elapsed: Double
    /// The session's checkpoint, as the app wrote it (JSON).
    public var checkpoint: String

    public init(quiz: QuizRecord, elapsed: Double, checkpoint: String) {
        self.quiz = quiz
        self.elapsed = elapsed
        self.checkpoint = checkpoint
    }
}

/// Reveals and quiz checkpoints (schema v3).
extension SQLiteStore {
    public func recordReveal(_ r: StoredReveal) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO reveal (time, mode, question_id, step_id, seed, reason, after_attempt)
                    VALUES (?, ?, ?, ?, ?, ?, (SELECT IFNULL(MAX(id), 0) FROM attempt))
                    """,
                arguments: [
                    r.time.timeIntervalSince1970, r.mode, r.questionID, r.stepID,
                    r.seed.map(Self.encode), r.reason
                ])
        }
    }

    public func reveals(questionID: String, seed: UInt64?, mode: String?) throws(StoreError) -> [StoredReveal] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, (SELECT COUNT(*) FROM attempt a WHERE a.question_id = r.question_id AND a.seed IS r.seed
                                 AND a.mode = r.mode AND a.id <= r.after_attempt) AS checks_before
                    FROM reveal r WHERE r.question_id = ? AND r.seed IS ? AND (? IS NULL OR r.mode = ?)
                    ORDER BY r.id
                    """, arguments: [questionID, seed.map(Self.encode), mode, mode]
            ).map {
                StoredReveal(
                    time: Self.date($0["time"]), mode: $0["mode"], questionID: $0["question_id"],
                    stepID: $0["step_id"], seed: ($0["seed"] as Int64?).map(Self.decode),
                    reason: $0["reason"], checksBefore: $0["checks_before"])
            }
        }
    }

    public func saveQuizCheckpoint(id: Int64, elapsed: Double, checkpoint: String) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "UPDATE quiz SET elapsed = ?, checkpoint = ? WHERE id = ? AND status = 'running'",
                arguments: [elapsed, checkpoint, id])
        }
    }

    public func abandonQuiz(id: Int64) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE quiz SET status = 'abandoned' WHERE id = ? AND status = 'running'", arguments: [id])
        }
    }

    public func unfinishedQuiz() throws(StoreError) -> UnfinishedQuiz? {
        let row = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT id, elapsed, checkpoint FROM quiz WHERE status = 'running' AND checkpoint IS NOT NULL
                    ORDER BY started_at DESC, id DESC LIMIT 1
                    """)
        }
        guard let row, let quiz = try quizzes().first(where: { $0.id == row["id"] }) else { return nil }
        return UnfinishedQuiz(quiz: quiz, elapsed: row["elapsed"] ?? 0, checkpoint: row["checkpoint"])
    }
}
