import Foundation
import GRDB

/// The store's reads: resume points, quizzes, the review schedule, statistics and export, and
/// the row decoding they share. (Writing and opening are in `SQLiteStore.swift`.)
extension SQLiteStore {
    // MARK: Resume

    public func lastPractice(questionID: String) throws(StoreError) -> PracticePosition? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM practice_position WHERE question_id = ?",
                arguments: [questionID]
            ).map(Self.position)
        }
    }

    public func latestPractice() throws(StoreError) -> PracticePosition? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM practice_position ORDER BY updated_at DESC, rowid DESC LIMIT 1")
                .map(Self.position)
        }
    }

    public func attempts(questionID: String, seed: UInt64?, mode: String?) throws(StoreError) -> [StoredAttempt] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM attempt WHERE question_id = ? AND seed IS ? AND (? IS NULL OR mode = ?)
                    ORDER BY time, id
                    """, arguments: [questionID, seed.map(Self.encode), mode, mode]
            ).map(Self.attempt)
        }
    }

    /// Every attempt, oldest first (export, tests).
    public func allAttempts(since: Date? = nil) throws(StoreError) -> [StoredAttempt] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM attempt WHERE time >= ? ORDER BY time, id",
                arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude]
            )
            .map(Self.attempt)
        }
    }

    // MARK: Quizzes

    public func quizzes() throws(StoreError) -> [QuizRecord] {
        try quizzes(since: nil)
    }

    func quizzes(since: Date?) throws(StoreError) -> [QuizRecord] {
        try read { db in
            let steps = Dictionary(
                grouping: try Row.fetchAll(db, sql: "SELECT * FROM quiz_step ORDER BY quiz_id, position"),
                by: { $0["quiz_id"] as Int64 })
            return try Row.fetchAll(
                db, sql: "SELECT * FROM quiz WHERE started_at >= ? ORDER BY started_at, id",
                arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude]
            ).map { r in
                let id: Int64 = r["id"]
                let ids: String = r["question_ids"]
                return QuizRecord(
                    id: id, startedAt: Self.date(r["started_at"]), endedAt: (r["ended_at"] as Double?).map(Self.date),
                    settings: StoredQuizSettings(
                        minutes: r["minutes"], questionIDs: ids.split(separator: " ").map(String.init),
                        seed: (r["seed"] as Int64?).map(Self.decode), feedback: r["feedback"]),
                    score: r["score"], maxScore: r["max_score"],
                    steps: (steps[id] ?? []).map { s in
                        QuizStepResult(
                            questionID: s["question_id"], stepID: s["step_id"], verdict: s["verdict"],
                            score: s["score"], maxScore: s["max_score"])
                    },
                    status: QuizStatus(rawValue: r["status"]) ?? .abandoned)
            }
        }
    }

    public func quizHistory() throws(StoreError) -> [QuizSummary] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, started_at, ended_at, score, max_score, status FROM quiz ORDER BY started_at, id"
            ).map {
                QuizSummary(
                    id: $0["id"], startedAt: Self.date($0["started_at"]),
                    endedAt: ($0["ended_at"] as Double?).map(Self.date), score: $0["score"], maxScore: $0["max_score"],
                    status: QuizStatus(rawValue: $0["status"]) ?? .abandoned)
            }
        }
    }

    // MARK: Review

    public func reviewItem(question: String, step: String) throws(StoreError) -> ReviewItem? {
        try read { try Self.reviewItem($0, question: question, step: step) }
    }

    public func dueItems(at time: Date) throws(StoreError) -> [ReviewItem] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM review_item WHERE due <= ? ORDER BY due, question_id, step_id",
                arguments: [time.timeIntervalSince1970]
            ).map(Self.reviewItem)
        }
    }

    public func dueCount(at time: Date) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM review_item WHERE due <= ?",
                arguments: [time.timeIntervalSince1970]) ?? 0
        }
    }

    // MARK: Statistics

    /// Leaves out the answers of a quiz still running: their verdicts would tell anyone with the
    /// file (another terminal's `stats` or `export`) which answers are right before it ends.
    static let notInRunningQuiz = "(quiz_id IS NULL OR quiz_id NOT IN (SELECT id FROM quiz WHERE status = 'running'))"

    /// Free-text quiz steps are kept as `submitted` (no verdict until someone grades them): they
    /// are neither right nor wrong, so accuracy leaves them out.
    public func accuracyByQuestion(mode: String?) throws(StoreError) -> [Accuracy] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT question_id, COUNT(*) AS n, SUM(correct) AS c FROM attempt
                    WHERE (? IS NULL OR mode = ?) AND verdict != 'submitted' AND \(Self.notInRunningQuiz)
                    GROUP BY question_id ORDER BY question_id
                    """, arguments: [mode, mode]
            ).map { Accuracy(key: $0["question_id"], attempts: $0["n"], correct: $0["c"]) }
        }
    }

    public func accuracyByTopic(topics: [String: String], mode: String?) throws(StoreError) -> [Accuracy] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT question_id, topic, COUNT(*) AS n, SUM(correct) AS c FROM attempt
                    WHERE (? IS NULL OR mode = ?) AND verdict != 'submitted' AND \(Self.notInRunningQuiz)
                    GROUP BY question_id, topic
                    """, arguments: [mode, mode])
        }
        var byTopic: [String: Accuracy] = [:]
        for r in rows {
            let q: String = r["question_id"]
            let key = topics[q] ?? (r["topic"] as String?) ?? "(no topic)"
            var a = byTopic[key] ?? Accuracy(key: key, attempts: 0, correct: 0)
            a.attempts += r["n"]
            a.correct += r["c"]
            byTopic[key] = a
        }
        return byTopic.values.sorted { $0.key < $1.key }
    }

    public func frequentMistakes(limit: Int) throws(StoreError) -> [MistakeCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT question_id, step_id, mistake, COUNT(*) AS n FROM attempt
                    WHERE mistake IS NOT NULL AND \(Self.notInRunningQuiz)
                    GROUP BY question_id, step_id, mistake ORDER BY n DESC, question_id, step_id, mistake LIMIT ?
                    """, arguments: [limit]
            ).map {
                MistakeCount(questionID: $0["question_id"], stepID: $0["step_id"], mistake: $0["mistake"], count: $0["n"])
            }
        }
    }

    public func stepTimes() throws(StoreError) -> [TimeSummary] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT question_id, step_id, seconds FROM attempt WHERE seconds IS NOT NULL AND \(Self.notInRunningQuiz)
                    ORDER BY question_id, step_id
                    """
            ).map { (q: $0["question_id"] as String, s: $0["step_id"] as String, t: $0["seconds"] as Double) }
        }
        guard !rows.isEmpty else { return [] }
        var result = [Self.summary("*", "*", rows.map(\.t))]
        var start = 0
        for i in 1...rows.count where i == rows.count || rows[i].q != rows[start].q || rows[i].s != rows[start].s {
            result.append(Self.summary(rows[start].q, rows[start].s, rows[start..<i].map(\.t)))
            start = i
        }
        return result
    }

    // MARK: Export

    public func export(_ format: ExportFormat, since: Date?) throws(StoreError) -> String {
        let running = Set(try quizzes(since: nil).filter { $0.status == .running }.compactMap(\.id))
        let rows = ExportRow.rows(
            attempts: try allAttempts(since: since), quizzes: try quizzes(since: since),
            history: since == nil ? nil : try allAttempts(since: nil), runningQuizzes: running)
        return switch format {
        case .csv: ExportRow.csv(rows)
        case .json: ExportRow.json(rows)
        }
    }

    // MARK: Rows

    static func encode(_ seed: UInt64) -> Int64 { Int64(bitPattern: seed) }
    static func decode(_ seed: Int64) -> UInt64 { UInt64(bitPattern: seed) }
    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static func attempt(_ r: Row) -> StoredAttempt {
        StoredAttempt(
            time: date(r["time"]), mode: r["mode"], questionID: r["question_id"], stepID: r["step_id"],
            seed: (r["seed"] as Int64?).map(decode), input: r["input"], verdict: r["verdict"],
            mistake: r["mistake"], correct: r["correct"], seconds: r["seconds"], topic: r["topic"],
            quizID: r["quiz_id"])
    }

    static func position(_ r: Row) -> PracticePosition {
        PracticePosition(
            questionID: r["question_id"], seed: (r["seed"] as Int64?).map(decode),
            stepIndex: r["step_index"], updatedAt: date(r["updated_at"]))
    }

    static func reviewItem(_ db: Database, question: String, step: String) throws -> ReviewItem? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM review_item WHERE question_id = ? AND step_id = ?",
            arguments: [question, step]
        ).map(reviewItem)
    }

    static func reviewItem(_ r: Row) -> ReviewItem {
        ReviewItem(
            questionID: r["question_id"], stepID: r["step_id"], easiness: r["easiness"],
            repetitions: r["repetitions"], intervalDays: r["interval_days"], due: date(r["due"]),
            lastReviewed: date(r["last_reviewed"]), lastQuality: r["last_quality"])
    }

    static func summary(_ q: String, _ s: String, _ times: [Double]) -> TimeSummary {
        let sorted = times.sorted()
        let n = sorted.count
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        return TimeSummary(questionID: q, stepID: s, count: n, mean: sorted.reduce(0, +) / Double(n), median: median)
    }
}
