import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// Students over SSH: a real `sshd` on a loopback port with the class server's Match block.
/// Logging in lands in `dltutor class join` as the student the key belongs to; asking for a
/// shell, a command or a forwarded port gets none of them.
@Suite("Class over a real sshd", .serialized)
struct ClassSSHTests {
    static var snippet: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/class/sshd_config.snippet").path
    }

    func server(_ url: ClassURL) throws -> ScratchSSHD {
        try ScratchSSHD(snippet: Self.snippet, dltutor: ClassFixture.binary, classDB: url.string, student: "kim")
    }

    @Test func loginLandsInClassJoinAsTheKeysStudent() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        _ = try await ClassActivities.start(
            db,
            ClassActivity(
                name: "lab", kind: .quiz, exam: "aml5202-sessional1",
                questions: ["q3"], minutes: 5, sameVariant: true))
        let sshd = try server(url)
        defer { sshd.stop() }
        let h = try PTYHarness(executable: "/usr/bin/ssh", arguments: sshd.sshArguments(["-tt"]))
        #expect(h.waitFor(text: "left", timeout: .seconds(20)), "\(h.lines.joined(separator: "\n"))")
        h.type("6")
        h.press(.enter)
        #expect(h.waitFor(text: "Sent; verdicts come at the end.", timeout: .seconds(10)))
        // "Sent" means queued: the class outbox commits it moments later.
        #expect(try await ClassQuizOutageTests.waitForAnswers(db, count: 1))
        let rows = try await db.query("SELECT student, input FROM answer")
        #expect(
            try rows.map { try $0.decode((String, String).self) }.first.map { $0 == ("kim", "6") } == true,
            "the answer is stored as the student whose key logged in")
        h.signal(SIGTERM)
        _ = h.waitForExit()
    }

    @Test func noShellNoCommandNoForwarding() async throws {
        let (postgres, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        let sshd = try server(url)
        defer { sshd.stop() }
        // A command asked for is replaced by `class join` (nothing open: it says so and exits).
        let (_, out) = try run(sshd.sshArguments(["-T"], command: ["echo", "SHELL_$((6*7))"]))
        #expect(!out.contains("SHELL_42"), "a command ran: \(out)")
        #expect(out.contains("Nothing is open in this class"), "\(out)")
        let (_, shell) = try run(sshd.sshArguments(["-T"], command: ["/bin/sh", "-c", "id"]))
        #expect(!shell.contains("uid="), "\(shell)")
        // Forwarding to the database port is refused.
        let (status, fwd) = try run(sshd.sshArguments(["-W", "127.0.0.1:\(postgres.port)"]))
        #expect(status != 0, "stdio forwarding was allowed: \(fwd)")
    }

    /// ssh without a terminal, bounded to 20 s so a server that hangs fails the test instead.
    func run(_ args: [String]) throws -> (Int32, String) {
        try Shell.status("/usr/bin/timeout", ["20", "/usr/bin/ssh"] + args)
    }
}
