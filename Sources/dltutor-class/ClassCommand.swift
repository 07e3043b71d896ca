import ArgumentParser
import ClassroomStore
import Foundation
import TutorCLI

/// `dltutor class ...`: a whole class on one quiz or demo, answers in PostgreSQL. Opt-in: the
/// local SQLite store stays the default for practice alone.
struct ClassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Run a class: one quiz or demo for everyone, answers in PostgreSQL, students over SSH.",
        discussion: """
            Every command takes --db postgres://user:password@host:port/database (or $DLTUTOR_CLASS_DB). \
            The instructor runs init, roster, quiz start, monitor and results; students run join (over SSH \
            the class server runs it for them; see scripts/class/).
            """,
        subcommands: [
            ClassInitCommand.self, ClassRosterCommand.self, ClassQuizCommand.self, ClassJoinCommand.self,
            ClassMonitorCommand.self, ClassResultsCommand.self, ClassKeysCommand.self, ClassFrontendCommand.self
        ]
    )
}

/// `--db URL`, or `$DLTUTOR_CLASS_DB`: where the class lives.
struct ClassDBOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The class database, postgres://user:password@host:port/database (default: $DLTUTOR_CLASS_DB).", valueName: "url"))
    var url: String?

    func parsed() throws -> ClassURL {
        guard let text = url ?? ProcessInfo.processInfo.environment["DLTUTOR_CLASS_DB"], !text.isEmpty else {
            throw ValidationError(
                "give the class database with --db postgres://user:password@host:port/database or $DLTUTOR_CLASS_DB.")
        }
        do { return try ClassURL(parsing: text) } catch { throw ValidationError(error.message) }
    }

    /// Connects and checks the schema (`checkSchema: false` for `class init`).
    func connect(checkSchema: Bool = true) async throws -> ClassDatabase {
        let url = try parsed()
        do {
            let db = try await ClassDatabase.connect(url)
            if checkSchema {
                do { try await ClassSchema.check(db) } catch {
                    await db.close()
                    throw error
                }
            }
            return db
        } catch let error as ClassError {
            throw ClassFailure(error.message)
        }
    }
}

/// A class command's failure: one line on stderr, exit status 1.
struct ClassFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Runs a class command's body with a connection, closes it, and turns failures into one line.
func withClassDatabase<T>(_ options: ClassDBOptions, checkSchema: Bool = true, _ body: (ClassDatabase) async throws -> T)
    async throws -> T
{
    let db = try await options.connect(checkSchema: checkSchema)
    do {
        let out = try await body(db)
        await db.close()
        return out
    } catch let error as ClassError {
        await db.close()
        printError("dltutor: " + error.message)
        throw ExitCode(1)
    } catch {
        await db.close()
        throw error
    }
}

/// `dltutor class init`: creates or migrates the class schema.
struct ClassInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create or upgrade the class schema (versioned; a newer schema is refused).")
    @OptionGroup var db: ClassDBOptions

    func run() async throws {
        let (from, to) = try await withClassDatabase(db, checkSchema: false) { try await ClassSchema.migrate($0) }
        print(
            from == to ? "The class schema is up to date (version \(to))." : "The class schema is at version \(to) (was \(from))."
        )
    }
}

/// `dltutor class roster add|list|remove`.
struct ClassRosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "The class's students: add, list, remove.",
        subcommands: [Add.self, List.self, Remove.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a student (or update one): id, display name, and how they log in.")
        @OptionGroup var db: ClassDBOptions
        @Argument(help: "The student's id (letters, digits, . _ -), e.g. their university login.")
        var id: String
        @Option(help: "The name the instructor sees.")
        var name: String?
        @Option(
            name: .customLong("ssh-key"), help: ArgumentHelp("Their SSH public key (for the class server).", valueName: "key"))
        var sshKey: String?
        @Option(
            name: .customLong("db-password"),
            help: ArgumentHelp(
                "Give them their own database login (to join from their own machine); row-level security limits it to their rows.",
                valueName: "password"))
        var dbPassword: String?

        func run() async throws {
            let entry = RosterEntry(id: id, name: name ?? id, sshKey: sshKey ?? "")
            try await withClassDatabase(db) { try await ClassRoster.add($0, entry, dbPassword: dbPassword) }
            print("Added \(id) (\(entry.name)).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the students.")
        @OptionGroup var db: ClassDBOptions

        func run() async throws {
            let all = try await withClassDatabase(db) { try await ClassRoster.list($0) }
            if all.isEmpty {
                print("The roster is empty; add students with `dltutor class roster add ID --name NAME`.")
                return
            }
            for s in all {
                let login = [s.sshKey.isEmpty ? nil : "ssh key", s.dbRole.map { "db role \($0)" }].compactMap { $0 }.joined(
                    separator: ", ")
                print("\(s.id.rightPadded(to: 16)) \(s.name.rightPadded(to: 24)) \(login.isEmpty ? "no login yet" : login)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a student: their login goes, their answers stay (--purge deletes them too).")
        @OptionGroup var db: ClassDBOptions
        @Argument var id: String
        @Flag(help: "Also delete every answer and enrolment of theirs.")
        var purge = false

        func run() async throws {
            let removed = try await withClassDatabase(db) { try await ClassRoster.remove($0, id: id, purge: purge) }
            guard removed else {
                printError("dltutor: no student '\(id)' on the roster.")
                throw ExitCode(1)
            }
            print(purge ? "Removed \(id) and their answers." : "Removed \(id); their answers are kept (--purge deletes them).")
        }
    }
}

/// `dltutor class authorized-keys`: the class account's `authorized_keys`, from the roster.
struct ClassKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "Print the class account's authorized_keys lines (one per student with an SSH key).")
    @OptionGroup var db: ClassDBOptions

    func run() async throws {
        let all = try await withClassDatabase(db) { try await ClassRoster.list($0) }
        for s in all { if let line = s.authorizedKeysLine { print(line) } }
    }
}

/// `dltutor class frontend`: the SSH front end's own login (least privilege), printed as the
/// connection string for the class server's `/etc/dltutor/class-db`.
struct ClassFrontendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontend",
        abstract: "Give the SSH front end its own database login and print its connection string.",
        discussion: """
            The front end may join, answer and hand in for students on the roster and read what a \
            student may see; it cannot change the schema, grades, settings or roles. Run again after \
            roster changes (the connection limit follows the roster) or to change the password.
            """)
    @OptionGroup var db: ClassDBOptions
    @Option(help: "The login's password (default: a new random one).")
    var password: String?
    @Option(help: "At most this many connections at once (default: 2 per student + 4, at least 10).")
    var connections: Int?

    func run() async throws {
        let url = try await withClassDatabase(db) {
            try await ClassFrontend.enable($0, password: password, connections: connections)
        }
        print(url.string)
    }
}
