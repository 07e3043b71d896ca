import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// A class quiz through the real binary in ptys over a real database: answers reach the server
/// when checked, a student killed with SIGKILL rejoins with their answers and the class clock's
/// time left, and the instructor's monitor and results see it all.
@Suite("Class quiz end to end", .serialized)
struct ClassQuizEndToEndTests {
    func join(_ url: ClassURL, _ student: String) throws -> PTYHarness {
        try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["class", "join", "--db", url.string, "--student", student, "--content", ClassFixture.content])
    }

    @Test func killedStudentRejoinsWithAnswersAndTimeLeft() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        let (started, out) = try ClassFixture.cli([
            "class", "quiz", "start", "midterm", "--questions", "q3", "--minutes", "10",
            "--same-variant", "--content", ClassFixture.content, "--db", url.string
        ])
        #expect(started == 0, "\(out)")

        let first = try join(url, "kim")
        #expect(first.waitFor(text: "left", timeout: .seconds(15)), "\(first.lines.joined(separator: "\n"))")
        first.type("6")
        first.press(.enter)
        #expect(first.waitFor(text: "Sent; verdicts come at the end."))
        // "Sent" means queued: the class outbox commits it moments later.
        #expect(try await ClassQuizOutageTests.waitForAnswers(db, count: 1))
        let stored = try await db.query("SELECT input FROM answer WHERE student = 'kim'")
        #expect(try stored.map { try $0.decode(String.self) } == ["6"], "the answer is on the server once it is sent")
        // Enter moved on to step 2.
        first.type("[5, 7]") // typed, not submitted: kept by the checkpoint
        try await Task.sleep(for: .seconds(2.6))
        first.signal(SIGKILL)
        _ = first.waitForExit()

        // Two minutes of class time pass while Kim is away.
        try await db.query(
            "UPDATE activity SET started_at = started_at - interval '2 minutes', deadline = deadline - interval '2 minutes'")
        let again = try join(url, "kim")
        // At most 8 minutes of the 10 are left (2 were taken away, plus however long this loaded
        // machine took), and still most of them.
        #expect(
            again.waitUntil(timeout: .seconds(15)) { s in
                s.lines.joined(separator: "\n").range(of: #"0[4-7]:[0-5][0-9] left"#, options: .regularExpression) != nil
            },
            "time left follows the class clock: \(again.lines.joined(separator: "\n"))")
        #expect(again.waitFor(text: "1/8 sent"), "\(again.lines.joined(separator: "\n"))")
        #expect(again.waitFor(text: "[5, 7]"), "the typed answer came back")
        again.signal(SIGTERM)
        _ = again.waitForExit()

        let (_, monitor) = try ClassFixture.cli(["class", "monitor", "midterm", "--once", "--db", url.string])
        #expect(monitor.contains("kim") && monitor.contains("1/1 joined"), "\(monitor)")
        let (rs, csv) = try ClassFixture.cli([
            "class", "results", "midterm", "--format", "csv", "--db", url.string, "--content", ClassFixture.content
        ])
        #expect(rs == 0, "\(csv)")
        #expect(csv.hasPrefix("student,name,q3,total,max,seconds,status,regraded\r\n"))
        #expect(csv.contains("kim,Kim,"))
    }

    @Test func joiningWithNothingOpenSaysSo() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        let (status, out) = try ClassFixture.cli(["class", "join", "--db", url.string, "--student", "kim"])
        #expect(status == 0)
        #expect(out.contains("Nothing is open in this class right now"))
    }
}
