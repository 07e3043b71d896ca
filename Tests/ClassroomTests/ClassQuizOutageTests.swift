import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// A class quiz through database faults, on the real binaries: three students over a real sshd
/// and one on their own machine with her own database login, against the scratch PostgreSQL. `pg_ctl restart` mid-quiz,
/// then a 20 s stop: every screen says the class database is out of reach within 2 s and keeps
/// working (the clock runs, keys work, answers queue), recovers within 5 s of the server's
/// return, and every answer typed is on the server; the deadline is still the server's; closing
/// the connections ends every process within 2 s.
@Suite("Class quiz through a database restart and outage", .serialized)
struct ClassQuizOutageTests {
    static let ssh = ["ana", "ben", "cy"]
    static let own = "dee"
    static let outage = "Reconnecting to the class database"

    @Test func aRestartAndATwentySecondStopLoseNoAnswer() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        for id in Self.ssh { try await ClassRoster.add(db, RosterEntry(id: id, name: id.capitalized)) }
        try await ClassRoster.add(db, RosterEntry(id: Self.own, name: "Dee"), dbPassword: "dee-pw")
        let (started, out) = try ClassFixture.cli([
            "class", "quiz", "start", "midterm", "--questions", "q3", "--minutes", "10", "--same-variant",
            "--content", ClassFixture.content, "--db", url.string
        ])
        #expect(started == 0, "\(out)")
        let sshd = try ScratchSSHD(
            snippet: ClassSSHTests.snippet, dltutor: ClassFixture.binary, classDB: url.string, students: Self.ssh)
        defer { sshd.stop() }
        let room = try Self.joinAll(url, sshd)
        #expect(room.wait(.seconds(30)) { room.all("left") }, "\(room.dump)")
        let answers = Answers(room: room)
        answers.round(1)
        #expect(try await Self.waitForAnswers(db, count: 4), "the first answers reach the server")
        try Self.restart(server, room, answers)
        try Self.twentySecondStop(server, room, answers)

        let check = try await ClassDatabase.connect(url)
        defer { Task { await check.close() } }
        try await Self.expectEveryAnswer(check, answers.typed)
        try await Self.expectTheServersDeadline(check, room)
        try Self.expectAllEndWithin2s(room, sshd: sshd, database: url.database)
    }

    /// Each round answers one step on every screen, a distinct answer each: steps 1, 2, 4 and 6
    /// of q3 (integer, vector, integer, integer).
    final class Answers {
        let room: ClassRoom
        private(set) var typed: [String: [String]] = [:]
        init(room: ClassRoom) { self.room = room }

        func round(_ r: Int) {
            let tabs = [1: 0, 2: 1, 3: 2, 4: 2][r] ?? 0
            for (i, name) in room.names.enumerated() {
                let n = 10 * r + i
                let input = r == 2 ? "[\(n), 1]" : String(n)
                for _ in 0..<tabs { room.screens[name]?.press(.tab) }
                room.answer(name, input)
                typed[name, default: []].append(input)
            }
        }
    }

    /// `pg_ctl restart`: the outage shows on every screen, answers typed just after are kept.
    static func restart(_ server: ScratchPostgres, _ room: ClassRoom, _ answers: Answers) throws {
        room.watch(for: outage)
        let restartedAt = room.clock.now
        try room.during { try server.restart() }
        let back = room.clock.now
        answers.round(2)
        // (The "Reconnected" line may already be replaced by the answer just typed.)
        #expect(room.wait(.seconds(5)) { room.none(outage) }, "\(room.dump)")
        print(
            "restart: back \(back - restartedAt) after it began; screens noticed: \(room.firstSeen.mapValues { $0 - restartedAt })"
        )
        #expect(room.firstSeen.count == 4, "every screen said so: \(room.firstSeen.keys.sorted())")
    }

    /// A 20 s stop: seen within 2 s, the screens keep working (clock, keys, Ctrl-C), answers
    /// queue and are written within 5 s of the server's return.
    static func twentySecondStop(_ server: ScratchPostgres, _ room: ClassRoom, _ answers: Answers) throws {
        room.watch(for: outage)
        try room.during { try server.shutDown() }
        let stoppedAt = room.clock.now
        #expect(room.wait(.seconds(2)) { room.all(outage) }, "\(room.dump)")
        print("stop: screens noticed \(room.firstSeen.mapValues { $0 - stoppedAt }) after the server stopped")
        answers.round(3)
        answers.round(4)
        #expect(room.wait(.seconds(3)) { room.all("2 answers waiting") }, "\(room.dump)")
        let before = room.screens.mapValues { ClassRoom.secondsLeft($0) }
        room.idle(.seconds(2))
        let after = room.screens.mapValues { ClassRoom.secondsLeft($0) }
        for name in room.names {
            #expect(after[name]! != nil && after[name]! != before[name]!, "\(name)'s clock runs during the outage")
        }
        ctrlCAsksAndStays(room, "ana")
        room.idle(.seconds(20) - (room.clock.now - stoppedAt))
        try room.during { try server.startAgain() }
        let returned = room.clock.now
        #expect(room.wait(.seconds(5)) { room.none(outage) }, "\(room.dump)")
        print("stop: screens recovered \(room.clock.now - returned) after the server's return")
        #expect(room.all("Reconnected: the 2 answers that waited are saved on the class server."), "\(room.dump)")
    }

    static func joinAll(_ url: ClassURL, _ sshd: ScratchSSHD) throws -> ClassRoom {
        var screens: [String: PTYHarness] = [:]
        for id in ssh {
            screens[id] = try PTYHarness(
                executable: "/usr/bin/ssh", arguments: sshd.sshArguments(["-tt"], student: id), columns: 110, rows: 30)
        }
        let ownLogin = url.with(user: try ClassRoster.roleName(database: url.database, student: own), password: "dee-pw")
        screens[own] = try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["class", "join", "--db", ownLogin.string, "--content", ClassFixture.content],
            columns: 110, rows: 30)
        return ClassRoom(screens)
    }

    static func waitForAnswers(_ db: ClassDatabase, count: Int) async throws -> Bool {
        for _ in 0..<100 {
            let rows = try await db.query("SELECT count(*)::int FROM answer")
            if try rows.first?.decode(Int.self) ?? 0 >= count { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Ctrl-C during the outage asks (answers are waiting) and the quiz goes on after "n".
    static func ctrlCAsksAndStays(_ room: ClassRoom, _ name: String) {
        guard let h = room.screens[name] else { return }
        h.press(.ctrl("c"))
        #expect(room.wait(.seconds(2)) { h.screen.contains("Quit dltutor?") }, "\(h.screen.text)")
        h.type("n")
        #expect(room.wait(.seconds(2)) { !h.screen.contains("Quit dltutor?") }, "\(h.screen.text)")
    }

    /// Every answer typed is on the server once, in the order typed.
    static func expectEveryAnswer(_ db: ClassDatabase, _ typed: [String: [String]]) async throws {
        #expect(try await waitForAnswers(db, count: typed.values.map(\.count).reduce(0, +)))
        let rows = try await db.query("SELECT student, input FROM answer ORDER BY id")
        var stored: [String: [String]] = [:]
        for row in rows {
            let (student, input) = try row.decode((String, String).self)
            stored[student, default: []].append(input)
        }
        #expect(stored == typed, "0 answers lost, none twice")
    }

    /// The time left on every screen is the server's deadline minus the server's time (±3 s).
    static func expectTheServersDeadline(_ db: ClassDatabase, _ room: ClassRoom) async throws {
        room.idle(.milliseconds(600))
        let rows = try await db.query(
            "SELECT extract(epoch FROM deadline - clock_timestamp())::float8 FROM activity WHERE name = 'midterm'")
        let left = try rows[0].decode(Double.self)
        for name in room.names {
            let shown = ClassRoom.secondsLeft(room.screens[name]!)
            #expect(shown.map { abs(Double($0) - left) <= 3 } == true, "\(name) shows \(shown ?? -1) s, the server \(left) s")
        }
    }

    /// Closing every SSH connection and hanging up the own-machine terminal ends every class
    /// process within 2 s.
    static func expectAllEndWithin2s(_ room: ClassRoom, sshd: ScratchSSHD, database: String) throws {
        #expect(!ClassRoom.processes(naming: database).isEmpty, "the class processes are found while they run")
        let closedAt = room.clock.now
        for name in room.names { room.screens[name]?.signal(name == own ? SIGHUP : SIGTERM) }
        let gone = room.wait(.seconds(2)) { ClassRoom.processes(naming: database).isEmpty }
        print("hang-up: every class process ended \(room.clock.now - closedAt) after the connections closed")
        #expect(gone, "left behind after 2 s: \(ClassRoom.processes(naming: database).map(ClassRoom.describe))")
        #expect(room.screens[own]?.waitForExit(timeout: .seconds(1)) == .exited(128 + SIGHUP))
    }
}
