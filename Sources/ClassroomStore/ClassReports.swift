import Foundation
import PostgresNIO

/// What the instructor sees: live progress (`class monitor`, the live demo) and the gradebook
/// (`class results`). Plain data; the CLI lays it out.
public enum ClassReports {
    public struct StudentProgress: Sendable, Equatable {
        public var id: String
        public var name: String
        public var joined: Bool
        /// Steps with at least one checked answer, and of those, steps whose latest answer is right.
        public var answered: Int
        public var correct: Int
        public var finished: Bool
        public var secondsSinceSeen: Double?
        /// The student's variant (the instructor's view only; it reproduces their key).
        public var seed: UInt64?
        public var joinedAt: Date?
        public var finishedAt: Date?
    }

    public struct MistakeCount: Sendable, Equatable {
        public var question: String
        public var step: String
        /// The named mistake, or nil for a wrong answer that matches none ("other").
        public var mistake: String?
        public var count: Int
    }

    /// The latest answer of each student at each step: what they typed, and the verdict their
    /// client claimed (which decides nothing: `class results` regrades the input).
    public struct Latest: Sendable, Equatable {
        public var student: String
        public var question: String
        public var step: String
        public var input: String
        public var verdict: String
        public var correct: Bool
        public var mistake: String?
    }

    public static func progress(_ db: ClassDatabase, activity: String) async throws(ClassError) -> [StudentProgress] {
        let rows = try await db.query(
            """
            SELECT s.id, s.name, e.student IS NOT NULL,
                   (SELECT count(DISTINCT (a.question, a.step)) FROM answer a WHERE a.activity = \(activity) AND a.student = s.id)::int8,
                   (SELECT count(*) FROM (SELECT DISTINCT ON (a.question, a.step) a.correct FROM answer a
                      WHERE a.activity = \(activity) AND a.student = s.id ORDER BY a.question, a.step, a.id DESC) l WHERE l.correct)::int8,
                   e.finished_at IS NOT NULL, extract(epoch FROM clock_timestamp() - e.last_seen)::float8, e.seed,
                   extract(epoch FROM e.joined_at)::float8, extract(epoch FROM e.finished_at)::float8
            FROM student s LEFT JOIN enrolment e ON e.student = s.id AND e.activity = \(activity)
            ORDER BY s.id
            """, doing: "read the class's progress")
        return rows.compactMap { row in
            guard
                let (id, name, joined, answered, correct, finished, seen, seed, joinedAt, finishedAt) =
                    try? row.decode((String, String, Bool, Int64, Int64, Bool, Double?, Int64?, Double?, Double?).self)
            else { return nil }
            return StudentProgress(
                id: id, name: name, joined: joined, answered: Int(answered), correct: Int(correct), finished: finished,
                secondsSinceSeen: seen, seed: seed.map { UInt64($0) },
                joinedAt: joinedAt.map { Date(timeIntervalSince1970: $0) },
                finishedAt: finishedAt.map { Date(timeIntervalSince1970: $0) })
        }
    }

    /// Wrong answers per step and mistake (nil = "other"), most frequent first. With `latestOnly`,
    /// each student's latest answer counts once (the live demo's view of the room).
    public static func mistakes(_ db: ClassDatabase, activity: String, latestOnly: Bool = false) async throws(ClassError)
        -> [MistakeCount]
    {
        let source =
            latestOnly
            ? "(SELECT DISTINCT ON (student, question, step) * FROM answer WHERE activity = $1 ORDER BY student, question, step, id DESC)"
            : "(SELECT * FROM answer WHERE activity = $1)"
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT question, step, mistake, count(*)::int8 FROM \(source) a WHERE NOT correct
                    GROUP BY question, step, mistake ORDER BY count(*) DESC, question, step, mistake NULLS LAST
                    """, binds: ClassActivities.binds(activity)), doing: "count the class's mistakes")
        return rows.compactMap { row in
            guard let (q, s, m, n) = try? row.decode((String, String, String?, Int64).self) else { return nil }
            return MistakeCount(question: q, step: s, mistake: m, count: Int(n))
        }
    }

    public static func latest(_ db: ClassDatabase, activity: String) async throws(ClassError) -> [Latest] {
        let rows = try await db.query(
            """
            SELECT DISTINCT ON (student, question, step) student, question, step, input, verdict, correct, mistake
            FROM answer WHERE activity = \(activity) ORDER BY student, question, step, id DESC
            """, doing: "read the latest answers")
        return rows.compactMap { row in
            guard let (st, q, s, i, v, c, m) = try? row.decode((String, String, String, String, String, Bool, String?).self)
            else { return nil }
            return Latest(student: st, question: q, step: s, input: i, verdict: v, correct: c, mistake: m)
        }
    }

    /// Number of answers stored for an activity (the benchmark's "answers written").
    public static func answerCount(_ db: ClassDatabase, activity: String) async throws(ClassError) -> Int {
        let rows = try await db.query("SELECT count(*)::int8 FROM answer WHERE activity = \(activity)", doing: "count answers")
        return Int((try? rows.first?.decode(Int64.self)) ?? 0)
    }
}
