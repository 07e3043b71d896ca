import Foundation
import PostgresNIO

/// The SSH front end's own database login, `dltutor-<database>-frontend` (created by schema v3):
/// it may join, answer, save checkpoints and hand in for any student on the roster (through the
/// schema's functions) and read what a student may see, and nothing else: no schema, grade,
/// setting or role. Its connection limit keeps the class's SSH sessions from exhausting the
/// server's `max_connections`, so the instructor can always connect.
public enum ClassFrontend {
    /// Gives the front end's role a login with `password` (a fresh random one when nil) and a
    /// connection limit; returns the connection string the class server's sshd hands to
    /// `dltutor class join`.
    public static func enable(_ db: ClassDatabase, password: String?, connections: Int?) async throws(ClassError) -> ClassURL {
        let rows = try await db.query(
            "SELECT dltutor_group('frontend'), (SELECT count(*)::int8 FROM student WHERE removed_at IS NULL)",
            doing: "find the front end's role")
        guard let (role, students) = try? rows.first?.decode((String, Int64).self) else {
            throw ClassError("the class schema has no front-end role; run `dltutor class init` first.")
        }
        // Every student at once, a demo's second connection each, and a few for take-overs.
        let limit = connections ?? max(10, 2 * Int(students) + 4)
        let secret = password ?? randomPassword()
        try await db.query(
            PostgresQuery(
                unsafeSQL:
                    "ALTER ROLE \(ClassRoster.identifier(role)) LOGIN CONNECTION LIMIT \(limit) PASSWORD \(ClassRoster.literal(secret))"
            ), doing: "give the front end its login")
        return db.url.with(user: role, password: secret)
    }

    /// 32 characters from the system's random source, safe in a URL.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }
}
