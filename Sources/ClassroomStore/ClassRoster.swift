import PostgresNIO

/// One student of the class: an id (what they log in as), the name the instructor sees, and how
/// they log in (an SSH public key for the class server, and/or their own database role for
/// joining from their own machine with a connection string).
public struct RosterEntry: Sendable, Equatable {
    public var id: String
    public var name: String
    public var sshKey: String
    public var dbRole: String?

    public init(id: String, name: String, sshKey: String = "", dbRole: String? = nil) {
        self.id = id
        self.name = name
        self.sshKey = sshKey
        self.dbRole = dbRole
    }

    /// The `authorized_keys` line for the class account: the key alone identifies the student
    /// (`environment=` is read by sshd only with `PermitUserEnvironment DLTUTOR_STUDENT`), and
    /// `restrict,pty` forbids forwarding of every kind while allowing the tutor's terminal.
    public var authorizedKeysLine: String? {
        guard !sshKey.isEmpty else { return nil }
        return "restrict,pty,environment=\"DLTUTOR_STUDENT=\(id)\" \(sshKey)"
    }
}

/// `dltutor class roster add|list|remove`, on the instructor's connection.
public enum ClassRoster {
    /// Adds (or updates) a student. With `dbPassword`, their login role (`roleName`) is created in
    /// the class's student group, so row-level security binds it to this student. A role name
    /// that another student of the class already has (`j.doe` and `j_doe`, `Ada` and `ada`), or a
    /// role that exists but is not this student's, is refused: no password but the student's own
    /// is ever changed. Everything happens in one transaction.
    public static func add(_ db: ClassDatabase, _ s: RosterEntry, dbPassword: String? = nil) async throws(ClassError) {
        var steps: [PostgresQuery] = []
        var role = s.dbRole
        if let dbPassword {
            let name = try roleName(database: db.url.database, student: s.id)
            role = name
            steps += loginSteps(role: name, student: s.id, password: dbPassword)
        }
        steps.append(
            """
            INSERT INTO student (id, name, ssh_key, db_role) VALUES (\(s.id), \(s.name), \(s.sshKey), \(role))
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, ssh_key = EXCLUDED.ssh_key,
              db_role = coalesce(EXCLUDED.db_role, student.db_role), removed_at = NULL
            """)
        try await db.transaction(steps, doing: "add \(s.id) to the roster")
    }

    /// The statements that create (or keep) a student's login role and set its password, refusing
    /// a name that belongs to someone else.
    static func loginSteps(role name: String, student id: String, password: String) -> [PostgresQuery] {
        let (r, i) = (literal(name), literal(id))
        return [
            PostgresQuery(
                unsafeSQL: """
                    DO $$ BEGIN
                      IF EXISTS (SELECT 1 FROM student WHERE db_role = \(r) AND id <> \(i)) THEN
                        RAISE EXCEPTION 'the database login % belongs to student ''%''; give % another id', \(r),
                          (SELECT id FROM student WHERE db_role = \(r) AND id <> \(i) LIMIT 1), \(i) USING ERRCODE = '42710';
                      END IF;
                      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(r)) THEN
                        IF NOT EXISTS (SELECT 1 FROM student WHERE db_role = \(r) AND id = \(i)) THEN
                          RAISE EXCEPTION 'a database role % exists and is not %''s; nothing was changed', \(r), \(i)
                            USING ERRCODE = '42710';
                        END IF;
                      ELSE
                        CREATE ROLE \(identifier(name)) LOGIN;
                      END IF;
                      EXECUTE format('GRANT %I TO %I', dltutor_group('students'), \(r));
                    END $$
                    """),
            PostgresQuery(
                unsafeSQL: "ALTER ROLE \(identifier(name)) LOGIN CONNECTION LIMIT 3 PASSWORD \(literal(password))")
        ]
    }

    /// The roster, removed students left out.
    public static func list(_ db: ClassDatabase) async throws(ClassError) -> [RosterEntry] {
        let rows = try await db.query(
            "SELECT id, name, ssh_key, db_role FROM student WHERE removed_at IS NULL ORDER BY id", doing: "read the roster")
        return rows.compactMap { row in
            guard let (id, name, key, role) = try? row.decode((String, String, String, String?).self) else { return nil }
            return RosterEntry(id: id, name: name, sshKey: key, dbRole: role)
        }
    }

    /// Removes a student in one transaction: their login role is dropped, their SSH key leaves
    /// `authorized-keys`, and their answers stay for the gradebook; with `purge`, the student and
    /// every answer of theirs are deleted. Returns false when the id is not on the roster.
    public static func remove(_ db: ClassDatabase, id: String, purge: Bool = false) async throws(ClassError) -> Bool {
        let rows = try await db.query(
            "SELECT db_role FROM student WHERE id = \(id) AND (removed_at IS NULL OR \(purge))", doing: "find \(id)")
        guard let row = rows.first else { return false }
        var steps: [PostgresQuery] = []
        if let role = try? row.decode(String?.self) {
            let database = identifier(db.url.database)
            steps += [
                PostgresQuery(
                    unsafeSQL: """
                        DO $$ BEGIN
                          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(literal(role))) THEN
                            EXECUTE 'REVOKE CONNECT ON DATABASE \(database.replacingOccurrences(of: "'", with: "''")) FROM \(identifier(role).replacingOccurrences(of: "'", with: "''"))';
                            EXECUTE 'DROP ROLE \(identifier(role).replacingOccurrences(of: "'", with: "''"))';
                          END IF;
                        END $$
                        """)
            ]
        }
        steps.append(
            purge
                ? "DELETE FROM student WHERE id = \(id)"
                : "UPDATE student SET removed_at = clock_timestamp(), ssh_key = '', db_role = NULL WHERE id = \(id)")
        try await db.transaction(steps, doing: "remove \(id)")
        return true
    }

    /// A student's login role: `dltutor_<database>_<id>`, lower case, every other character `_`.
    /// Two ids that map to the same name are refused by `add`; a name over PostgreSQL's 63 bytes
    /// (which it would cut silently, so two could meet) is refused here.
    public static func roleName(database: String, student: String) throws(ClassError) -> String {
        let name = "dltutor_\(database)_\(student)".lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
            .reduce("") { $0 + String($1) }
        guard name.utf8.count <= 63 else {
            throw ClassError(
                "the database login for '\(student)' would be \(name.utf8.count) bytes (at most 63); use a shorter id.")
        }
        return name
    }

    /// SQL quoting for the few statements that cannot take bind parameters (roles, passwords).
    static func literal(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
    static func identifier(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
