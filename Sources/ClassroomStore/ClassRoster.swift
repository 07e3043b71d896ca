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
    /// Adds (or updates) a student. With `dbPassword`, a login role `dltutor_<database>_<id>` is
    /// created in group `dltutor_student`, so row-level security binds it to this student.
    public static func add(_ db: ClassDatabase, _ s: RosterEntry, dbPassword: String? = nil) async throws(ClassError) {
        var role = s.dbRole
        if let dbPassword {
            let name = role ?? roleName(database: db.url.database, student: s.id)
            role = name
            try await db.query(
                PostgresQuery(
                    unsafeSQL: """
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(literal(name))) THEN
                            CREATE ROLE \(identifier(name)) LOGIN IN ROLE dltutor_student;
                          END IF;
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                        END $$
                        """), doing: "create the database role for \(s.id)")
            try await db.query(
                PostgresQuery(unsafeSQL: "ALTER ROLE \(identifier(name)) PASSWORD \(literal(dbPassword))"),
                doing: "set the password of \(name)")
            try await db.query(
                PostgresQuery(unsafeSQL: "GRANT CONNECT ON DATABASE \(identifier(db.url.database)) TO \(identifier(name))"),
                doing: "let \(name) connect")
        }
        try await db.query(
            """
            INSERT INTO student (id, name, ssh_key, db_role) VALUES (\(s.id), \(s.name), \(s.sshKey), \(role))
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, ssh_key = EXCLUDED.ssh_key,
              db_role = coalesce(EXCLUDED.db_role, student.db_role)
            """, doing: "add \(s.id) to the roster")
    }

    public static func list(_ db: ClassDatabase) async throws(ClassError) -> [RosterEntry] {
        let rows = try await db.query("SELECT id, name, ssh_key, db_role FROM student ORDER BY id", doing: "read the roster")
        return rows.compactMap { row in
            guard let (id, name, key, role) = try? row.decode((String, String, String, String?).self) else { return nil }
            return RosterEntry(id: id, name: name, sshKey: key, dbRole: role)
        }
    }

    /// Removes a student (and their answers, which belong to them); returns false when unknown.
    public static func remove(_ db: ClassDatabase, id: String) async throws(ClassError) -> Bool {
        let rows = try await db.query("DELETE FROM student WHERE id = \(id) RETURNING db_role", doing: "remove \(id)")
        guard let row = rows.first else { return false }
        if let role = try? row.decode(String?.self) {
            try await db.query(
                PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \(identifier(role))"), doing: "drop the role \(role)")
        }
        return true
    }

    public static func roleName(database: String, student: String) -> String {
        "dltutor_\(database)_\(student)".lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce("") { $0 + String($1) }
    }

    /// SQL quoting for the few statements that cannot take bind parameters (roles, passwords).
    static func literal(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
    static func identifier(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
