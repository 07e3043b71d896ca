import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// A class quiz's clock is the server's: it keeps running while the tutor is stopped (Ctrl-Z, a
/// sleeping laptop), a deadline passed meanwhile ends the quiz the moment the tutor runs again,
/// and the instructor closing the quiz ends it on every screen with a sentence saying so.
@Suite("Class quiz clock and close", .serialized)
struct ClassQuizClockTests {
    func start(_ url: ClassURL, minutes: String) throws {
        let (status, out) = try ClassFixture.cli([
            "class", "quiz", "start", "midterm", "--questions", "q3", "--minutes", minutes, "--same-variant",
            "--content", ClassFixture.content, "--db", url.string
        ])
        #expect(status == 0, "\(out)")
    }

    func join(_ url: ClassURL) throws -> PTYHarness {
        try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["class", "join", "--db", url.string, "--student", "kim", "--content", ClassFixture.content],
            columns: 110, rows: 30)
    }

    func serverSecondsLeft(_ db: ClassDatabase) async throws -> Double {
        let rows = try await db.query(
            "SELECT extract(epoch FROM deadline - clock_timestamp())::float8 FROM activity WHERE name = 'midterm'")
        return try rows[0].decode(Double.self)
    }

    @Test func theClockRunsWhileTheTutorIsStopped() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        try start(url, minutes: "5")
        let h = try join(url)
        #expect(h.waitFor(text: "left", timeout: .seconds(15)), "\(h.screen.text)")
        h.signal(SIGTSTP)
        try await Task.sleep(for: .seconds(5))
        h.signal(SIGCONT)
        h.press(.ctrl("l"))
        h.settle(quiet: .milliseconds(600), limit: .seconds(3))
        let shown = ClassRoom.secondsLeft(h)
        let left = try await serverSecondsLeft(db)
        #expect(
            shown.map { abs(Double($0) - left) <= 2 } == true, "shows \(shown ?? -1) s, the server \(left) s: \(h.screen.text)")
        h.signal(SIGTERM)
        #expect(h.waitForExit(timeout: .seconds(2)) == .exited(128 + SIGTERM))
    }

    @Test func aDeadlinePassedWhileStoppedEndsTheQuizOnContinue() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        try start(url, minutes: "0.2")
        let h = try join(url)
        #expect(h.waitFor(text: "left", timeout: .seconds(15)), "\(h.screen.text)")
        h.signal(SIGTSTP)
        let left = try await serverSecondsLeft(db)
        try await Task.sleep(for: .seconds(max(0, left) + 1))
        h.signal(SIGCONT)
        #expect(h.waitFor(text: "Time is up", timeout: .seconds(3)), "\(h.screen.text)")
        h.signal(SIGTERM)
        _ = h.waitForExit(timeout: .seconds(2))
    }

    @Test func closingTheQuizEndsItOnTheStudentsScreen() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        try start(url, minutes: "10")
        let h = try join(url)
        #expect(h.waitFor(text: "left", timeout: .seconds(15)), "\(h.screen.text)")
        let (closed, out) = try ClassFixture.cli(["class", "quiz", "close", "midterm", "--db", url.string])
        #expect(closed == 0, "\(out)")
        #expect(h.waitFor(text: "The instructor closed midterm", timeout: .seconds(3)), "\(h.screen.text)")
        h.signal(SIGTERM)
        #expect(h.waitForExit(timeout: .seconds(2)) == .exited(128 + SIGTERM))
    }
}
