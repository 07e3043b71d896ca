import Foundation
import PostgresNIO

/// A class quiz or demo as the server keeps it: the instructor's settings, which students may
/// read and never change.
public struct ClassActivity: Sendable, Equatable {
    public enum Kind: String, Sendable { case quiz, demo }
    public var name: String
    public var kind: Kind
    public var exam: String
    public var questions: [String]
    public var minutes: Double
    public var sameVariant: Bool
    public var seed: UInt64?
    public var startedAt: Date
    public var deadline: Date?
    public var closedAt: Date?

    public init(
        name: String, kind: Kind, exam: String, questions: [String] = [], minutes: Double = 0,
        sameVariant: Bool = false, seed: UInt64? = nil, startedAt: Date = Date(), deadline: Date? = nil, closedAt: Date? = nil
    ) {
        self.name = name
        self.kind = kind
        self.exam = exam
        self.questions = questions
        self.minutes = minutes
        self.sameVariant = sameVariant
        self.seed = seed
        self.startedAt = startedAt
        self.deadline = deadline
        self.closedAt = closedAt
    }
}

/// A student's place in an activity: their variant (chosen by the server), their checkpoint.
public struct Enrolment: Sendable, Equatable {
    public var activity: String
    public var student: String
    public var seed: UInt64?
    public var checkpoint: String?
    public var finished: Bool
}

/// One checked answer, as it goes to the server the moment it is checked.
public struct ClassAnswer: Sendable, Equatable {
    public var student: String
    public var question: String
    public var step: String
    public var seed: UInt64?
    public var input: String
    public var verdict: String
    public var mistake: String?
    public var correct: Bool
    public var seconds: Double

    public init(
        student: String, question: String, step: String, seed: UInt64?, input: String, verdict: String,
        mistake: String?, correct: Bool, seconds: Double
    ) {
        self.student = student
        self.question = question
        self.step = step
        self.seed = seed
        self.input = input
        self.verdict = verdict
        self.mistake = mistake
        self.correct = correct
        self.seconds = seconds
    }
}

/// Activities: starting (instructor), joining, answers and checkpoints (student).
public enum ClassActivities {
    static let columns =
        "name, kind, exam, questions, minutes, same_variant, seed, extract(epoch FROM started_at)::float8, extract(epoch FROM deadline)::float8, extract(epoch FROM closed_at)::float8"

    /// Starts a quiz or demo; the deadline is `minutes` after the server's clock now.
    public static func start(_ db: ClassDatabase, _ a: ClassActivity) async throws(ClassError) -> ClassActivity {
        let seed = a.seed.map { Int64($0) }
        let questions = a.questions.joined(separator: ",")
        let deadlineSQL = a.kind == .quiz ? "clock_timestamp() + make_interval(secs => $5)" : "NULL"
        var binds = PostgresBindings()
        binds.append(a.name); binds.append(a.kind.rawValue); binds.append(a.exam); binds.append(questions)
        binds.append(a.minutes * 60); binds.append(a.sameVariant); binds.append(seed)
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO activity (name, kind, exam, questions, minutes, same_variant, seed, deadline)
                    VALUES ($1, $2, $3, $4, $5 / 60.0, $6, $7, \(deadlineSQL)) RETURNING \(columns)
                    """, binds: binds), doing: "start \(a.kind.rawValue) \(a.name)")
        guard let row = rows.first, let out = decode(row) else {
            throw ClassError("the server did not return the new \(a.kind.rawValue).")
        }
        return out
    }

    public static func find(_ db: ClassDatabase, name: String) async throws(ClassError) -> ClassActivity? {
        let rows = try await db.query(
            PostgresQuery(unsafeSQL: "SELECT \(columns) FROM activity WHERE name = $1", binds: binds(name)),
            doing: "read \(name)")
        return rows.first.flatMap(decode)
    }

    /// The newest activity still open (what `class join` without a name joins).
    public static func latestOpen(_ db: ClassDatabase) async throws(ClassError) -> ClassActivity? {
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(columns) FROM activity WHERE closed_at IS NULL AND (deadline IS NULL OR deadline > clock_timestamp())
                    ORDER BY started_at DESC LIMIT 1
                    """), doing: "find the class's open quiz or demo")
        return rows.first.flatMap(decode)
    }

    public static func close(_ db: ClassDatabase, name: String) async throws(ClassError) {
        try await db.query(
            "UPDATE activity SET closed_at = clock_timestamp() WHERE name = \(name) AND closed_at IS NULL", doing: "close \(name)"
        )
    }

    /// Joins (or rejoins) an activity: the server picks the variant on the first join; a rejoin
    /// gets the same row back, checkpoint included.
    public static func join(_ db: ClassDatabase, activity: String, student: String) async throws(ClassError) -> Enrolment {
        try await db.query(
            """
            INSERT INTO enrolment (activity, student) VALUES (\(activity), \(student)) ON CONFLICT DO NOTHING
            """, doing: "join \(activity)")
        try await db.query(
            "UPDATE enrolment SET last_seen = clock_timestamp() WHERE activity = \(activity) AND student = \(student)",
            doing: "join \(activity)")
        let rows = try await db.query(
            """
            SELECT seed, checkpoint, finished_at IS NOT NULL FROM enrolment WHERE activity = \(activity) AND student = \(student)
            """, doing: "join \(activity)")
        guard let row = rows.first, let (seed, checkpoint, finished) = try? row.decode((Int64?, String?, Bool).self) else {
            throw ClassError("'\(student)' could not join \(activity): not on the roster, or not allowed.")
        }
        return Enrolment(
            activity: activity, student: student, seed: seed.map { UInt64($0) }, checkpoint: checkpoint, finished: finished)
    }

    /// Writes one checked answer; it is committed when this returns.
    public static func record(_ db: ClassDatabase, activity: String, _ a: ClassAnswer) async throws(ClassError) {
        let seed = a.seed.map { Int64($0) }
        try await db.query(
            """
            INSERT INTO answer (activity, student, question, step, seed, input, verdict, mistake, correct, seconds)
            VALUES (\(activity), \(a.student), \(a.question), \(a.step), \(seed), \(a.input), \(a.verdict), \(a.mistake), \(a.correct), \(a.seconds))
            """, doing: "save the answer")
    }

    public static func saveCheckpoint(_ db: ClassDatabase, activity: String, student: String, checkpoint: String)
        async throws(ClassError)
    {
        try await db.query(
            """
            UPDATE enrolment SET checkpoint = \(checkpoint), last_seen = clock_timestamp()
            WHERE activity = \(activity) AND student = \(student)
            """, doing: "save the quiz checkpoint")
    }

    public static func finish(
        _ db: ClassDatabase, activity: String, student: String, score: Double, maxScore: Double, result: String
    ) async throws(ClassError) {
        try await db.query(
            """
            UPDATE enrolment SET finished_at = clock_timestamp(), last_seen = clock_timestamp(), score = \(score), max_score = \(maxScore), result = \(result)
            WHERE activity = \(activity) AND student = \(student)
            """, doing: "save the quiz result")
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var b = PostgresBindings()
        for v in values { b.append(v) }
        return b
    }

    static func decode(_ row: PostgresRow) -> ClassActivity? {
        guard
            let (name, kind, exam, questions, minutes, same, seed, started, deadline, closed) =
                try? row.decode((String, String, String, String, Double, Bool, Int64?, Double, Double?, Double?).self),
            let k = ClassActivity.Kind(rawValue: kind)
        else { return nil }
        return ClassActivity(
            name: name, kind: k, exam: exam, questions: questions.split(separator: ",").map(String.init),
            minutes: minutes, sameVariant: same, seed: seed.map { UInt64($0) },
            startedAt: Date(timeIntervalSince1970: started), deadline: deadline.map { Date(timeIntervalSince1970: $0) },
            closedAt: closed.map { Date(timeIntervalSince1970: $0) })
    }
}
