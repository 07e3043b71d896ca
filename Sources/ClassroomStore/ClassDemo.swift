import PostgresNIO
import TutorSession

/// The live class demo on the server: `demo_state` holds where the instructor is (one row per
/// demo, written only by the instructor; students may read it, never change it, by the grants
/// in `ClassSchema`), and its trigger sends `step` on the demo's channel on every change.
/// Students' predictions are ordinary rows in `answer`, whose trigger sends `answer`.
public enum ClassDemo {
    /// The class's predictions for one step: each student's latest answer counts once.
    public struct Tally: Sendable, Equatable {
        public var joined: Int
        public var answered: Int
        public var correct: Int
        /// Named mistakes of wrong answers (nil: none named) with their counts, most first.
        public var mistakes: [(mistake: String?, count: Int)]

        public static func == (a: Tally, b: Tally) -> Bool {
            a.joined == b.joined && a.answered == b.answered && a.correct == b.correct
                && a.mistakes.map(\.mistake) == b.mistakes.map(\.mistake) && a.mistakes.map(\.count) == b.mistakes.map(\.count)
        }
    }

    /// The instructor moved: one upsert, which notifies every student listening.
    public static func setCue(_ db: ClassDatabase, activity: String, _ cue: DemoCue) async throws(ClassError) {
        let seed = cue.seed.map { Int64($0) }
        let revealed = cue.revealed.map { $0 ? "1" : "0" }.joined()
        let current = cue.revealed.indices.contains(cue.stepIndex) && cue.revealed[cue.stepIndex]
        try await db.query(
            """
            INSERT INTO demo_state (activity, question, step, revealed, seed, step_index, revealed_steps)
            VALUES (\(activity), \(cue.questionID), \(cue.stepID), \(current), \(seed), \(cue.stepIndex), \(revealed))
            ON CONFLICT (activity) DO UPDATE SET question = EXCLUDED.question, step = EXCLUDED.step, revealed = EXCLUDED.revealed,
              seed = EXCLUDED.seed, step_index = EXCLUDED.step_index, revealed_steps = EXCLUDED.revealed_steps,
              opened_at = clock_timestamp()
            """, doing: "open the demo's step")
    }

    /// Where the instructor is now (nil before the first step opens).
    public static func cue(_ db: ClassDatabase, activity: String) async throws(ClassError) -> DemoCue? {
        let rows = try await db.query(
            """
            SELECT question, seed, step_index, step, revealed_steps FROM demo_state WHERE activity = \(activity)
            """, doing: "read the demo's step")
        guard let row = rows.first,
            let (q, seed, index, step, revealed) = try? row.decode((String, Int64?, Int, String, String).self)
        else {
            return nil
        }
        return DemoCue(
            questionID: q, seed: seed.map { UInt64($0) }, stepIndex: index, stepID: step, revealed: revealed.map { $0 == "1" })
    }

    /// The predictions for one step of the demo, with how many students have joined.
    public static func tally(_ db: ClassDatabase, activity: String, question: String, step: String) async throws(ClassError)
        -> Tally
    {
        let joinedRows = try await db.query(
            "SELECT count(*)::int FROM enrolment WHERE activity = \(activity)", doing: "count the class")
        let joined = (try? joinedRows.first?.decode(Int.self)) ?? 0
        let rows = try await db.query(
            """
            SELECT correct, mistake, count(*)::int FROM (
              SELECT DISTINCT ON (student) correct, mistake FROM answer
              WHERE activity = \(activity) AND question = \(question) AND step = \(step)
              ORDER BY student, id DESC) latest
            GROUP BY correct, mistake ORDER BY count(*) DESC, mistake
            """, doing: "count the predictions")
        var tally = Tally(joined: joined, answered: 0, correct: 0, mistakes: [])
        for row in rows {
            guard let (correct, mistake, n) = try? row.decode((Bool, String?, Int).self) else { continue }
            tally.answered += n
            if correct { tally.correct += n } else { tally.mistakes.append((mistake, n)) }
        }
        return tally
    }
}

extension ClassDemo {
    /// The payload sent on the demo's channel when the instructor quits the demo on purpose.
    public static let endedPayload = "ended"

    /// Tells every student listening that the instructor has ended the demo.
    public static func announceEnd(_ db: ClassDatabase, activity: String) async throws(ClassError) {
        let channel = ClassListener.channel(for: activity)
        try await db.query("SELECT pg_notify(\(channel), \(endedPayload))", doing: "tell the class the demo ended")
    }
}
