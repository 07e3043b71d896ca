import ClassTestSupport
import ClassroomStore
import ContentLoading
import Foundation
import MathEngine
import PTYTestSupport
import PostgresNIO
import Testing
import TutorContent

/// Attacks a student could make with their own database login (the one `roster add
/// --db-password` gives them, as a student joining from their own machine connects), each tried
/// for real against a real PostgreSQL and the real binaries: every one is refused or decides
/// nothing, and `class results` still gives the grade the tutor's engine gives their inputs.
@Suite("Class authority: the server decides a class grade", .serialized)
struct ClassAuthorityTests {
    /// The bundled exam, loaded once: expected answers come from the engine, never typed in.
    static let exam: Exam = ExamLoader.load(directory: ClassFixture.content).exam

    /// A class with students amy and ben (both with database logins) and the quiz `mid` on q3,
    /// a variant per student; returns the teacher's connection, amy's URL and her connection.
    func classWithQuiz(_ extra: [String] = []) async throws -> (ClassURL, ClassDatabase, ClassURL) {
        let (_, url, db) = try await ClassFixture.freshClass()
        try await ClassRoster.add(db, RosterEntry(id: "amy", name: "Amy"), dbPassword: "amy-pw")
        try await ClassRoster.add(db, RosterEntry(id: "ben", name: "Ben"), dbPassword: "ben-pw")
        let (status, out) = try ClassFixture.cli(
            [
                "class", "quiz", "start", "mid", "--questions", "q3", "--minutes", "10", "--content", ClassFixture.content,
                "--db", url.string
            ]
                + extra)
        #expect(status == 0, "\(out)")
        let amy = url.with(user: try ClassRoster.roleName(database: url.database, student: "amy"), password: "amy-pw")
        return (url, db, amy)
    }

    /// The seed the server gave a student (the instructor may read it; a student may not).
    func seed(_ db: ClassDatabase, _ student: String) async throws -> UInt64? {
        let rows = try await db.query("SELECT seed FROM enrolment WHERE activity = 'mid' AND student = \(student)")
        return try rows.first?.decode(Int64?.self).map { UInt64($0) }
    }

    func results(_ url: ClassURL, _ extra: [String] = []) throws -> (Int32, String) {
        try ClassFixture.cli(["class", "results", "mid", "--db", url.string, "--content", ClassFixture.content] + extra)
    }

    /// Amy joins with her own login in the real binary (no seed on her screen), answers step 1
    /// right, hands in and the session ends. Then, with her login, she rewrites her grade, forges
    /// an answer row, and sends a wrong answer to step 2 claiming it is right: the first two are
    /// refused; the last is stored but `class results` regrades it wrong and says so.
    @Test func aStudentsOwnLoginJoinsButDecidesNoGrade() async throws {
        let (url, db, amyURL) = try await classWithQuiz()
        defer { Task { await db.close() } }
        let h = try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["class", "join", "--db", amyURL.string, "--content", ClassFixture.content], columns: 100, rows: 30)
        #expect(h.waitFor(text: "left", timeout: .seconds(20)), "\(h.lines.joined(separator: "\n"))")
        let amySeed = try #require(try await seed(db, "amy"))
        let variant = try #require(try Self.exam.question("q3")?.variant(seed: amySeed))
        let first = variant.steps[0], second = variant.steps[1]
        let screen = h.lines.joined(separator: "\n")
        #expect(!screen.contains("seed") && !screen.contains(String(amySeed)), "no seed on a student's screen: \(screen)")

        h.type(first.expected.display)
        h.press(.enter)
        #expect(h.waitFor(text: "Sent; verdicts come at the end.", timeout: .seconds(10)), "\(h.lines.joined(separator: "\n"))")
        h.press(.function(10))
        h.type("y")
        #expect(h.waitFor(text: "Quiz results", timeout: .seconds(10)), "\(h.lines.joined(separator: "\n"))")
        h.press(.escape)
        let exit = h.waitForExit(timeout: .seconds(10))
        #expect(exit != nil, "leaving the results ends a class session: \(h.lines.joined(separator: "\n"))")
        let stored = try await db.query("SELECT count(*)::int8 FROM answer WHERE student = 'amy'")
        #expect(try stored.first?.decode(Int64.self) == 1, "nothing but the quiz's answer was written")

        let amy = try await ClassDatabase.connect(amyURL)
        defer { Task { await amy.close() } }
        for attack in [
            "UPDATE enrolment SET score = 18.5, result = 'q3\ta.total\t18.5'",
            "UPDATE enrolment SET finished_at = NULL",
            "INSERT INTO answer (activity, student, question, step, input, verdict, correct) VALUES ('mid', 'amy', 'q3', 'b', '1', 'correct', true)",
            "DELETE FROM answer"
        ] {
            await #expect(throws: ClassError.self, "\(attack)") { try await amy.query(PostgresQuery(unsafeSQL: attack)) }
        }
        // After the hand-in even the function refuses her.
        await #expect(throws: ClassError.self) {
            try await ClassActivities.record(
                amy, activity: "mid",
                ClassAnswer(
                    student: "amy", question: "q3", step: second.id, seed: nil, input: "1", verdict: "correct", mistake: nil,
                    correct: true, seconds: 1))
        }
        // Reopened by the instructor's side (as if she had not handed in), a forged verdict is
        // stored as her claim and graded by the engine.
        try await db.query("UPDATE enrolment SET finished_at = NULL WHERE student = 'amy'")
        let wrong = Self.wrongAnswer(second)
        try await ClassActivities.record(
            amy, activity: "mid",
            ClassAnswer(
                student: "amy", question: "q3", step: second.id, seed: nil, input: wrong, verdict: "correct", mistake: nil,
                correct: true, seconds: 1))
        let given = variant.read(step: first.id, input: first.expected.display).map { [first.id: $0] } ?? [:]
        #expect(!variant.grade(step: second.id, input: wrong, given: given).isCorrect)

        let (status, csv) = try results(url)
        #expect(status == 0, "\(csv)")
        #expect(csv.contains("1 stored verdict disagreed with the regrade"), "\(csv)")
        let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("amy,") })
        let points = first.points == first.points.rounded() ? String(Int(first.points)) : String(format: "%.2f", first.points)
        #expect(row.hasPrefix("amy,Amy,\(points),\(points),"), "the grade is the regrade's: \(row)")
        #expect(row.hasSuffix(",1"), "one answer's stored verdict disagreed: \(row)")
    }

    /// Nothing a student's login can read reproduces their key or shows a classmate's: no seed
    /// column, no checkpoint, no secret, no other student's row, no other class's database; and a
    /// quiz started with --ssh-only refuses her own-machine join.
    @Test func aStudentCannotReadWhatReproducesAKey() async throws {
        let (url, db, amyURL) = try await classWithQuiz()
        defer { Task { await db.close() } }
        _ = try await ClassActivities.join(db, activity: "mid", student: "ben")
        let amy = try await ClassDatabase.connect(amyURL)
        defer { Task { await amy.close() } }
        _ = try await ClassActivities.join(amy, activity: "mid", student: "amy")
        for attack in [
            "SELECT seed FROM enrolment", "SELECT checkpoint FROM enrolment", "SELECT seed FROM activity",
            "SELECT seed FROM answer", "SELECT * FROM class_secret"
        ] {
            await #expect(throws: ClassError.self, "\(attack)") { try await amy.query(PostgresQuery(unsafeSQL: attack)) }
        }
        let visible = try await amy.query("SELECT student FROM enrolment")
        #expect(try visible.map { try $0.decode(String.self) } == ["amy"], "her own row only")
        #expect(try await amy.query("SELECT id FROM student").count == 1)

        let (_, otherURL, other) = try await ClassFixture.freshClass()
        defer { Task { await other.close() } }
        await #expect(throws: ClassError.self, "another class's database") {
            _ = try await ClassDatabase.connect(otherURL.with(user: amyURL.user, password: "amy-pw"))
        }

        let (started, out) = try ClassFixture.cli([
            "class", "quiz", "start", "final", "--questions", "q3", "--ssh-only", "--content", ClassFixture.content, "--db",
            url.string
        ])
        #expect(started == 0, "\(out)")
        let (status, refused) = try ClassFixture.cli([
            "class", "join", "final", "--db", amyURL.string, "--content", ClassFixture.content
        ])
        #expect(status == 1 && refused.contains("class server only"), "\(refused)")
        #expect(!refused.contains(ScratchPostgresPassword.teacher), "\(refused)")
    }

    /// After `quiz close` (or the deadline) the server takes no answer; closing an unknown quiz is
    /// an error.
    @Test func nothingIsAcceptedAfterCloseAndUnknownNamesAreErrors() async throws {
        let (url, db, amyURL) = try await classWithQuiz()
        defer { Task { await db.close() } }
        let amy = try await ClassDatabase.connect(amyURL)
        defer { Task { await amy.close() } }
        _ = try await ClassActivities.join(amy, activity: "mid", student: "amy")
        // Past the deadline (and its 30 s grace for the last automatic submit): refused.
        try await db.query("UPDATE activity SET deadline = clock_timestamp() - interval '31 seconds' WHERE name = 'mid'")
        await #expect(throws: ClassError.self) {
            try await ClassActivities.record(
                amy, activity: "mid",
                ClassAnswer(
                    student: "amy", question: "q3", step: "a.total", seed: nil, input: "1", verdict: "correct", mistake: nil,
                    correct: true, seconds: 1))
        }
        try await db.query("UPDATE activity SET deadline = clock_timestamp() + interval '5 minutes' WHERE name = 'mid'")
        let (closed, out) = try ClassFixture.cli(["class", "quiz", "close", "mid", "--db", url.string])
        #expect(closed == 0, "\(out)")
        await #expect(throws: ClassError.self) {
            try await ClassActivities.record(
                amy, activity: "mid",
                ClassAnswer(
                    student: "amy", question: "q3", step: "a.total", seed: nil, input: "1", verdict: "correct", mistake: nil,
                    correct: true, seconds: 1))
        }
        let (status, unknown) = try ClassFixture.cli(["class", "quiz", "close", "nosuch", "--db", url.string])
        #expect(status == 1 && unknown.contains("no quiz or demo called 'nosuch'"), "\(unknown)")
    }

    /// Escape sequences in text a student wrote (a forged mistake) or in the roster reach the
    /// instructor as visible text, and CSV cells are neutralised as `dltutor export` does.
    @Test func studentTextReachesTheInstructorAsText() async throws {
        let (url, db, amyURL) = try await classWithQuiz()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "eve", name: "=HYPERLINK(\"http://x\")\u{1B}]0;owned\u{07}"))
        let amy = try await ClassDatabase.connect(amyURL)
        defer { Task { await amy.close() } }
        _ = try await ClassActivities.join(amy, activity: "mid", student: "amy")
        _ = try await ClassActivities.join(db, activity: "mid", student: "eve")
        try await ClassActivities.record(
            amy, activity: "mid",
            ClassAnswer(
                student: "amy", question: "q3", step: "a.total", seed: nil, input: "1\u{1B}[2J",
                verdict: "incorrect", mistake: "\u{1B}[2J\u{1B}]0;pwned\u{07}\nfake line", correct: false, seconds: 1))
        let (ms, monitor) = try ClassFixture.cli([
            "class", "monitor", "mid", "--once", "--db", url.string, "--content", ClassFixture.content
        ])
        #expect(ms == 0, "\(monitor)")
        #expect(!monitor.contains("\u{1B}") && !monitor.contains("\u{07}"), "\(monitor)")
        #expect(monitor.contains("<U+001B>]0;owned"), "\(monitor)")
        #expect(!monitor.contains("fake line") && !monitor.contains("pwned"), "a forged mistake is not shown: \(monitor)")
        let (_, steps) = try results(url, ["--steps"])
        #expect(!steps.contains("\u{1B}") && !steps.contains("pwned"), "\(steps)")
        let (_, book) = try results(url)
        #expect(book.contains("\"'=HYPERLINK(\"\"http://x\"\")<U+001B>]0;owned<U+0007>\""), "\(book)")
    }

    /// A mistake text a student's tutor sent during a live demo reaches the instructor's demo
    /// screen as visible text, not as a terminal title or a cleared screen.
    @Test func aForgedMistakeInADemoIsShownAsText() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "ana", name: "Ana"))
        let teacher = try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["demo", "--class", "live", "q1", "--db", url.string, "--content", ClassFixture.content], columns: 120,
            rows: 40)
        defer { teacher.signal(SIGTERM) }
        #expect(teacher.waitFor(text: "Class: no predictions yet", timeout: .seconds(15)), "\(teacher.screen.text)")
        let cue = try await db.query("SELECT question, step FROM demo_state WHERE activity = 'live'")
        let (question, step) = try #require(try cue.first?.decode((String, String).self))
        _ = try await ClassActivities.join(db, activity: "live", student: "ana")
        try await ClassActivities.record(
            db, activity: "live",
            ClassAnswer(
                student: "ana", question: question, step: step, seed: nil, input: "1", verdict: "incorrect",
                mistake: "\u{1B}]0;pwned\u{07}\u{1B}[2Jforged", correct: false, seconds: 1))
        #expect(teacher.waitFor(text: "<U+001B>]0;pwned", timeout: .seconds(10)), "\(teacher.screen.text)")
    }

    /// Role names cannot collide (`j.doe`/`j_doe`, `Ada`/`ada`) and never change another
    /// student's password; `roster remove` keeps the answers unless --purge.
    @Test func rosterRolesAreUniqueAndRemoveKeepsAnswers() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        func cli(_ args: [String]) throws -> (Int32, String) {
            try ClassFixture.cli(["class", "roster"] + args + ["--db", url.string])
        }
        for (a, b) in [("j.doe", "j_doe"), ("Ada", "ada")] {
            #expect(try cli(["add", a, "--db-password", "first-pw"]).0 == 0)
            let (status, out) = try cli(["add", b, "--db-password", "second-pw"])
            #expect(status == 1 && out.contains("belongs to student '\(a)'"), "\(out)")
            let role = try ClassRoster.roleName(database: url.database, student: a)
            let own = try await ClassDatabase.connect(url.with(user: role, password: "first-pw"))
            await own.close()
            await #expect(throws: ClassError.self, "\(a)'s password is unchanged") {
                _ = try await ClassDatabase.connect(url.with(user: role, password: "second-pw"))
            }
        }
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "mid", kind: .quiz, exam: "x", questions: ["q3"], minutes: 10))
        _ = try await ClassActivities.join(db, activity: "mid", student: "j.doe")
        try await ClassActivities.record(
            db, activity: "mid",
            ClassAnswer(
                student: "j.doe", question: "q3", step: "a.total", seed: nil, input: "1", verdict: "incorrect", mistake: nil,
                correct: false, seconds: 1))
        #expect(try cli(["remove", "j.doe"]).0 == 0)
        let still = try await db.query("SELECT count(*)::int8 FROM answer WHERE student = 'j.doe'")
        #expect(try still.first?.decode(Int64.self) == 1, "remove keeps the answers")
        let login = try ClassRoster.roleName(database: url.database, student: "j.doe")
        let role = try await db.query("SELECT count(*)::int8 FROM pg_roles WHERE rolname = \(login)")
        #expect(try role.first?.decode(Int64.self) == 0, "the login is gone")
        let list = try cli(["list"]).1
        #expect(list.contains("Ada") && !list.contains("j.doe"), "\(list)")
        #expect(try cli(["remove", "j.doe", "--purge"]).0 == 0)
        let purged = try await db.query("SELECT count(*)::int8 FROM answer WHERE student = 'j.doe'")
        #expect(try purged.first?.decode(Int64.self) == 0, "--purge deletes them")
    }

    /// A server that cannot be reached is named in words, without the password.
    @Test func connectionFailuresAreWordsWithoutThePassword() throws {
        let port = try FreePort.find()
        let (status, out) = try ClassFixture.cli([
            "class", "monitor", "mid", "--db", "postgres://teacher:hunter2-secret@127.0.0.1:\(port)/class"
        ])
        #expect(status == 1)
        #expect(out.contains("cannot reach PostgreSQL at 127.0.0.1:\(port): connection refused"), "\(out)")
        #expect(!out.contains("hunter2-secret"), "\(out)")
    }

    /// A step's wrong answer for this variant: the expected value plus one (every q3 step is a
    /// number or a shape, so this is never the value the engine expects).
    static func wrongAnswer(_ step: VariantStep) -> String {
        if case .number(let x) = step.expected { return Formatting.display(.number(x + 1)) }
        return "999999"
    }
}

/// The scratch server's instructor password, which no student may ever read.
enum ScratchPostgresPassword {
    static var teacher: String { (try? ClassFixture.server.get().password) ?? "teacher-secret" }
}
