import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// The instructor's monitor through a stopped server: it says so within 2 s, keeps its last
/// view with the clock still counting down, and reads the class again within 5 s of the
/// server's return; SIGHUP ends it.
@Suite("Class monitor through an outage", .serialized)
struct ClassMonitorOutageTests {
    static let outage = "Reconnecting to the class database"

    @Test func theMonitorShowsTheOutageAndRecovers() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "kim", name: "Kim"))
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "midterm", kind: .quiz, exam: "aml5202-sessional1", questions: ["q3"], minutes: 10))
        let monitor = try PTYHarness(
            executable: ClassFixture.binary, arguments: ["class", "monitor", "midterm", "--db", url.string], columns: 100,
            rows: 30)
        let room = ClassRoom(["monitor": monitor])
        #expect(room.wait(.seconds(15)) { monitor.screen.contains("left") && monitor.screen.contains("kim") }, "\(room.dump)")

        room.watch(for: Self.outage)
        try room.during { try server.shutDown() }
        #expect(room.wait(.seconds(2)) { room.all(Self.outage) }, "\(room.dump)")
        let before = ClassRoom.secondsLeft(monitor)
        room.idle(.seconds(3))
        let after = ClassRoom.secondsLeft(monitor)
        #expect(before != nil && after != nil && after! < before!, "the clock counts down in the outage: \(room.dump)")
        #expect(monitor.screen.contains("kim"), "the last view stays")

        try room.during { try server.startAgain() }
        let returned = room.clock.now
        #expect(room.wait(.seconds(5)) { room.none(Self.outage) && monitor.screen.contains("kim") }, "\(room.dump)")
        print("monitor: recovered \(room.clock.now - returned) after the server's return")
        monitor.signal(SIGHUP)
        #expect(monitor.waitForExit(timeout: .seconds(2)) != nil, "SIGHUP ends the monitor")
    }
}
