import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// The SSH front end with its own login (`class frontend`), behind a real sshd: it joins and
/// records answers for the student whose key logged in, and can change no grade, setting,
/// schema or role; a second session from the same key takes over (the first one saves no more,
/// is told and ends), so one key holds one backend however many sessions it opens.
@Suite("Class front end: least privilege, one session per student", .serialized)
struct ClassFrontendTests {
    func frontend(_ url: ClassURL) throws -> ClassURL {
        let (status, out) = try ClassFixture.cli(["class", "frontend", "--db", url.string])
        #expect(status == 0, "\(out)")
        return try ClassURL(parsing: out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func theFrontEndCannotChangeGradesSettingsSchemaOrRoles() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "lab", kind: .quiz, exam: "aml5202-sessional1", questions: ["q3"], minutes: 5))
        let front = try frontend(url)
        #expect(front.user != url.user && !front.string.contains(server.password), "\(front.redacted)")
        let fe = try await ClassDatabase.connect(front)
        defer { Task { await fe.close() } }
        _ = try await ClassActivities.join(fe, activity: "lab", student: "kim")
        for attack in [
            "UPDATE enrolment SET score = 50", "SELECT seed FROM enrolment", "SELECT * FROM class_secret",
            "UPDATE activity SET deadline = NULL", "INSERT INTO activity (name, kind, exam) VALUES ('x', 'quiz', 'x')",
            "CREATE TABLE mine (id int)", "ALTER ROLE \"\(front.user)\" CONNECTION LIMIT -1", "CREATE ROLE intruder LOGIN",
            "DELETE FROM answer", "SELECT dltutor_submit('lab', 'nobody', 'q3', 'a.total', '1', 'correct', NULL, true, 1)"
        ] {
            await #expect(throws: ClassError.self, "\(attack)") { try await fe.query(PostgresQuery(unsafeSQL: attack)) }
        }
        let limit = try await db.query("SELECT rolconnlimit FROM pg_roles WHERE rolname = \(front.user)")
        #expect(try limit.first?.decode(Int32.self) == 10, "a connection limit: 2 per student + 4, at least 10")
    }

    @Test func aSecondSessionFromOneKeyTakesOver() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        _ = try await ClassActivities.start(
            db,
            ClassActivity(
                name: "lab", kind: .quiz, exam: "aml5202-sessional1", questions: ["q3"], minutes: 5, sameVariant: true))
        let front = try frontend(url)
        let sshd = try ScratchSSHD(
            snippet: ClassSSHTests.snippet, dltutor: ClassFixture.binary, classDB: front.string, student: "kim")
        defer { sshd.stop() }
        let first = try PTYHarness(executable: "/usr/bin/ssh", arguments: sshd.sshArguments(["-tt"]))
        defer { first.signal(SIGTERM) }
        #expect(first.waitFor(text: "left", timeout: .seconds(20)), "\(first.lines.joined(separator: "\n"))")
        var sessions: [PTYHarness] = []
        for _ in 0..<3 {
            let next = try PTYHarness(executable: "/usr/bin/ssh", arguments: sshd.sshArguments(["-tt"]))
            #expect(next.waitFor(text: "left", timeout: .seconds(20)), "\(next.lines.joined(separator: "\n"))")
            sessions.append(next)
        }
        defer { for s in sessions { s.signal(SIGTERM) } }
        let last = try #require(sessions.last)
        // One backend for the key, however many sessions it opened.
        var backends: Int64 = -1
        for _ in 0..<50 {
            let rows = try await db.query("SELECT count(*)::int8 FROM pg_stat_activity WHERE usename = \(front.user)")
            backends = try rows.first?.decode(Int64.self) ?? -1
            if backends == 1 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(backends == 1, "four sessions from one key hold \(backends) backends")
        #expect(
            first.waitFor(text: "opened in another session", timeout: .seconds(10)),
            "the first session is told: \(first.lines.joined(separator: "\n"))")
        #expect(first.waitForExit(timeout: .seconds(10)) != nil, "and it ends")
        print("class front end: 4 sessions from one key hold \(backends) backend(s)")
        last.type("7")
        last.press(.enter)
        #expect(
            last.waitFor(text: "Sent; verdicts come at the end.", timeout: .seconds(10)), "\(last.lines.joined(separator: "\n"))")
        try await Task.sleep(for: .seconds(1))
        let stored = try await db.query("SELECT input FROM answer WHERE student = 'kim'")
        #expect(try stored.map { try $0.decode(String.self) } == ["7"], "only the newest session saves")
    }

    /// The setup script checks the new sshd_config with `sshd -t` before it replaces the old one
    /// (kept as a backup), puts the global line before an existing Match block and its own Match
    /// block last, and stores the front end's connection string, not the instructor's.
    @Test func setupScriptValidatesTheConfigAndStoresTheFrontEndLogin() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        let dir = "/tmp/dltutor-setup-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", dir + "/host_key"])
        let original = "HostKey \(dir)/host_key\nPort 2222\nMatch User nobody\n    X11Forwarding no\n"
        let config = dir + "/sshd_config"
        try original.write(toFile: config, atomically: true, encoding: .utf8)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let user = String(cString: getpwuid(getuid()).pointee.pw_name)
        let bin = URL(fileURLWithPath: ClassFixture.binary).deletingLastPathComponent().path
        let env = ["PATH": "\(bin):/usr/sbin:/usr/bin:/sbin:/bin", "DLTUTOR_ETC": dir + "/etc"]
        let script = root + "/scripts/class/setup-class-server.sh"
        let (status, out) = try Shell.status("/bin/sh", [script, url.string, user, config], environment: env)
        #expect(status == 0, "\(out)")
        let written = try String(contentsOfFile: config, encoding: .utf8)
        let global = try #require(written.range(of: "PermitUserEnvironment DLTUTOR_STUDENT"))
        let theirs = try #require(written.range(of: "Match User nobody"))
        let ours = try #require(written.range(of: "Match User \(user)"))
        #expect(global.lowerBound < theirs.lowerBound && theirs.lowerBound < ours.lowerBound, "\(written)")
        #expect(try Shell.status("/usr/sbin/sshd", ["-t", "-f", config]).0 == 0)
        #expect(try String(contentsOfFile: config + ".dltutor-backup", encoding: .utf8) == original)
        let stored = try String(contentsOfFile: dir + "/etc/class-db", encoding: .utf8)
        #expect(!stored.contains(server.password) && stored.contains("-frontend:"), "\(stored)")

        // A configuration sshd refuses is left as it was.
        let broken = "HostKey \(dir)/host_key\nNoSuchDirective yes\n"
        try broken.write(toFile: config, atomically: true, encoding: .utf8)
        let (refused, why) = try Shell.status("/bin/sh", [script, url.string, user, config], environment: env)
        #expect(refused != 0 && why.contains("unchanged"), "\(why)")
        #expect(try String(contentsOfFile: config, encoding: .utf8) == broken)
    }

    /// A student over SSH whose class server cannot reach its database reads a message meant for
    /// them: no host, no role, no password.
    @Test func aStudentOverSSHIsToldInTheirOwnWords() async throws {
        let port = try FreePort.find()
        let unreachable = "postgres://dltutor-x-frontend:front-secret@127.0.0.1:\(port)/class"
        let sshd = try ScratchSSHD(
            snippet: ClassSSHTests.snippet, dltutor: ClassFixture.binary, classDB: unreachable, student: "kim")
        defer { sshd.stop() }
        let (_, out) = try Shell.status("/usr/bin/timeout", ["20", "/usr/bin/ssh"] + sshd.sshArguments(["-T"]))
        #expect(out.contains("the class server cannot reach its database right now"), "\(out)")
        #expect(!out.contains("front-secret") && !out.contains("frontend") && !out.contains(String(port)), "\(out)")
    }

    /// `dltutor demo --help` names the live class demo.
    @Test func demoHelpMentionsTheClassDemo() throws {
        let (status, out) = try ClassFixture.cli(["demo", "--help"])
        #expect(status == 0 && out.contains("--class NAME"), "\(out)")
    }
}
