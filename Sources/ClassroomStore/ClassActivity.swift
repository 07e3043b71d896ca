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
    /// Graded work taken on the class server only: a student's own database role may not join
    /// (their machine would hold everything that computes their variant's key).
    public var sshOnly: Bool
    /// The class seed; read by the instructor only (nil when read with a student's role).
    public var seed: UInt64?
    public var startedAt: Date
    public var deadline: Date?
    public var closedAt: Date?

    public init(
        name: String, kind: Kind, exam: String, questions: [String] = [], minutes: Double = 0,
        sameVariant: Bool = false, sshOnly: Bool = false, seed: UInt64? = nil, startedAt: Date = Date(), deadline: Date? = nil,
        closedAt: Date? = nil
    ) {
        self.name = name
        self.kind = kind
        self.exam = exam
        self.questions = questions
        self.minutes = minutes
        self.sameVariant = sameVariant
        self.sshOnly = sshOnly
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
    /// Whether this join took over a session that was still open (which no longer saves).
    public var tookOver: Bool = false
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
    /// The columns of an activity; `seed` only on the instructor's side (a student's role may
    /// not read it: it reproduces the variants).
    static func columns(withSeed: Bool) -> String {
        "name, kind, exam, questions, minutes, same_variant, ssh_only, " + (withSeed ? "seed" : "NULL::int8")
            + ", extract(epoch FROM started_at)::float8, extract(epoch FROM deadline)::float8, extract(epoch FROM closed_at)::float8"
    }

    /// Starts a quiz or demo; the deadline is `minutes` after the server's clock now.
    public static func start(_ db: ClassDatabase, _ a: ClassActivity) async throws(ClassError) -> ClassActivity {
        let seed = a.seed.map { Int64($0) }
        let questions = a.questions.joined(separator: ",")
        let deadlineSQL = a.kind == .quiz ? "clock_timestamp() + make_interval(secs => $5)" : "NULL"
        var binds = PostgresBindings()
        binds.append(a.name)
        binds.append(a.kind.rawValue)
        binds.append(a.exam)
        binds.append(questions)
        binds.append(a.minutes * 60)
        binds.append(a.sameVariant)
        binds.append(seed)
        binds.append(a.sshOnly)
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO activity (name, kind, exam, questions, minutes, same_variant, seed, ssh_only, deadline)
                    VALUES ($1, $2, $3, $4, $5 / 60.0, $6, $7, $8, \(deadlineSQL)) RETURNING \(columns(withSeed: true))
                    """, binds: binds), doing: "start \(a.kind.rawValue) \(a.name)")
        guard let row = rows.first, let out = decode(row) else {
            throw ClassError("the server did not return the new \(a.kind.rawValue).")
        }
        return out
    }

    /// The activity called `name`; `withSeed` on the instructor's side only.
    public static func find(_ db: ClassDatabase, name: String, withSeed: Bool = false) async throws(ClassError)
        -> ClassActivity?
    {
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(columns(withSeed: withSeed)) FROM activity WHERE name = $1", binds: binds(name)),
            doing: "read \(name)")
        return rows.first.flatMap(decode)
    }

    /// The newest activity still open (what `class join` without a name joins).
    public static func latestOpen(_ db: ClassDatabase) async throws(ClassError) -> ClassActivity? {
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(columns(withSeed: false)) FROM activity
                    WHERE closed_at IS NULL AND (deadline IS NULL OR deadline > clock_timestamp())
                    ORDER BY started_at DESC LIMIT 1
                    """), doing: "find the class's open quiz or demo")
        return rows.first.flatMap(decode)
    }

    /// Closes an activity; false when there is none of that name.
    @discardableResult
    public static func close(_ db: ClassDatabase, name: String) async throws(ClassError) -> Bool {
        let rows = try await db.query(
            """
            UPDATE activity SET closed_at = coalesce(closed_at, clock_timestamp()) WHERE name = \(name) RETURNING name
            """, doing: "close \(name)")
        return !rows.isEmpty
    }

    /// Joins (or rejoins) an activity through `dltutor_join`: the server picks the variant on the
    /// first join; a rejoin gets the same row back, checkpoint included. A session of the same
    /// student that is still open is taken over: the server refuses its writes from then on, and
    /// it ends itself when it next asks (`holdsSession`).
    public static func join(_ db: ClassDatabase, activity: String, student: String) async throws(ClassError) -> Enrolment {
        let rows = try await db.query(
            "SELECT * FROM dltutor_join(\(activity), \(student))", doing: "join \(activity)")
        guard let row = rows.first,
            let (seed, checkpoint, finished, previous) = try? row.decode((Int64?, String?, Bool, Int32?).self)
        else {
            throw ClassError("'\(student)' could not join \(activity): not on the roster, or not allowed.")
        }
        return Enrolment(
            activity: activity, student: student, seed: seed.map { UInt64($0) }, checkpoint: checkpoint, finished: finished,
            tookOver: previous != nil)
    }

    /// Whether this connection still holds the student's session; false once a newer join of the
    /// same student took over.
    public static func holdsSession(_ db: ClassDatabase, activity: String, student: String) async throws(ClassError) -> Bool {
        let rows = try await db.query(
            "SELECT dltutor_holds_session(\(activity), \(student))", doing: "check the session")
        return (try? rows.first?.decode(Bool.self)) ?? true
    }

    /// Writes one checked answer through `dltutor_submit`, which stamps the student, their
    /// variant and the server's time; it is committed when this returns. The verdict is the
    /// client's claim: `class results` regrades the input and reports a disagreement.
    public static func record(_ db: ClassDatabase, activity: String, _ a: ClassAnswer) async throws(ClassError) {
        try await db.query(
            """
            SELECT dltutor_submit(\(activity), \(a.student), \(a.question), \(a.step), \(a.input), \(a.verdict), \(a.mistake), \(a.correct), \(a.seconds))
            """, doing: "save the answer")
    }

    public static func saveCheckpoint(_ db: ClassDatabase, activity: String, student: String, checkpoint: String)
        async throws(ClassError)
    {
        try await db.query(
            "SELECT dltutor_checkpoint(\(activity), \(student), \(checkpoint))", doing: "save the quiz checkpoint")
    }

    /// Hands the quiz in (`dltutor_hand_in` stamps the server's time). The client's score is not
    /// stored: `class results` computes every grade from the stored inputs.
    public static func finish(
        _ db: ClassDatabase, activity: String, student: String, score: Double, maxScore: Double, result: String
    ) async throws(ClassError) {
        try await db.query("SELECT dltutor_hand_in(\(activity), \(student))", doing: "hand in the quiz")
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var b = PostgresBindings()
        for v in values { b.append(v) }
        return b
    }

    static func decode(_ row: PostgresRow) -> ClassActivity? {
        guard
            let (name, kind, exam, questions, minutes, same, sshOnly, seed, started, deadline, closed) =
                try? row.decode((String, String, String, String, Double, Bool, Bool, Int64?, Double, Double?, Double?).self),
            let k = ClassActivity.Kind(rawValue: kind)
        else { return nil }
        return ClassActivity(
            name: name, kind: k, exam: exam, questions: questions.split(separator: ",").map(String.init),
            minutes: minutes, sameVariant: same, sshOnly: sshOnly, seed: seed.map { UInt64($0) },
            startedAt: Date(timeIntervalSince1970: started), deadline: deadline.map { Date(timeIntervalSince1970: $0) },
            closedAt: closed.map { Date(timeIntervalSince1970: $0) })
    }
}
