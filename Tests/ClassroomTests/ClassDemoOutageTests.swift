import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// A live class demo through a database restart and a 20 s stop, on the real binaries: the
/// instructor and three students over a real sshd see the outage within 2 s and keep working; a prediction sent
/// during the outage reaches the instructor's count, and a reveal made during it reaches every
/// student, within 5 s of the server's return. When the instructor quits, the students are told;
/// when the demo is closed, too; hanging up ends every process within 2 s.
@Suite("Class demo through a database restart and outage", .serialized)
struct ClassDemoOutageTests {
    static let students = ["ana", "ben", "cy"]
    static let outage = "Reconnecting to the class database"

    func open(_ url: ClassURL, _ sshd: ScratchSSHD) throws -> ClassRoom {
        let common = ["--db", url.string, "--content", ClassFixture.content]
        var screens = [
            "teacher": try PTYHarness(
                executable: ClassFixture.binary, arguments: ["demo", "--class", "live", "q1"] + common, columns: 120, rows: 40)
        ]
        for id in Self.students {
            screens[id] = try PTYHarness(
                executable: "/usr/bin/ssh", arguments: sshd.sshArguments(["-tt"], student: id), columns: 120, rows: 40)
        }
        return ClassRoom(screens)
    }

    @Test func predictionsAndRevealsSurviveARestartAndAStop() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        for id in Self.students { try await ClassRoster.add(db, RosterEntry(id: id, name: id.capitalized)) }
        let teacherOnly = try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["demo", "--class", "live", "q1", "--db", url.string, "--content", ClassFixture.content],
            columns: 120, rows: 40)
        #expect(teacherOnly.waitFor(text: "Class: no predictions yet", timeout: .seconds(15)), "\(teacherOnly.screen.text)")
        teacherOnly.signal(SIGTERM)
        #expect(teacherOnly.waitForExit(timeout: .seconds(2)) == .exited(128 + SIGTERM), "SIGTERM ends the demo in 2 s")

        let sshd = try ScratchSSHD(
            snippet: ClassSSHTests.snippet, dltutor: ClassFixture.binary, classDB: url.string, students: Self.students)
        defer { sshd.stop() }
        let room = try open(url, sshd)
        let teacher = room.screens["teacher"]!
        let students = Self.students.map { room.screens[$0]! }
        #expect(room.wait(.seconds(20)) { students.allSatisfy { $0.screen.contains("Step 1:") } }, "\(room.dump)")

        // A restart: everyone sees it; a prediction sent just after still counts.
        room.watch(for: Self.outage)
        let restartedAt = room.clock.now
        try room.during { try server.restart() }
        room.answer("ana", ClassDemoEndToEndTests.correct)
        #expect(room.wait(.seconds(5)) { room.none(Self.outage) }, "\(room.dump)")
        print("demo restart: screens noticed \(room.firstSeen.mapValues { $0 - restartedAt })")
        #expect(room.firstSeen.count == 4, "every screen said so: \(room.firstSeen.keys.sorted())")
        #expect(room.wait(.seconds(5)) { teacher.screen.contains("1/3 answered") }, "\(teacher.screen.text)")

        // A 20 s stop: a prediction and a reveal made during it arrive once the server is back.
        room.watch(for: Self.outage)
        try room.during { try server.shutDown() }
        let stoppedAt = room.clock.now
        #expect(room.wait(.seconds(2)) { room.all(Self.outage) }, "\(room.dump)")
        print("demo stop: screens noticed \(room.firstSeen.mapValues { $0 - stoppedAt })")
        room.answer("ben", ClassDemoEndToEndTests.named)
        #expect(room.wait(.seconds(2)) { room.screens["ben"]!.screen.contains("1 answer waiting") }, "\(room.dump)")
        teacher.press(.right)
        room.idle(.seconds(20) - (room.clock.now - stoppedAt))
        try room.during { try server.startAgain() }
        let returned = room.clock.now
        #expect(
            room.wait(.seconds(5)) {
                room.none(Self.outage) && students.allSatisfy { $0.screen.contains("Worked:") }
                    && teacher.screen.contains("2/3 answered")
            }, "\(room.dump)")
        print("demo stop: recovered \(room.clock.now - returned) after the server's return")
        #expect(room.screens["ben"]!.screen.contains("Your prediction \(ClassDemoEndToEndTests.named): ✗"), "\(room.dump)")

        // The instructor quits on purpose: every student is told.
        teacher.press(.ctrl("c"))
        #expect(
            room.wait(.seconds(5)) { students.allSatisfy { $0.screen.contains("The instructor ended the demo") } }, "\(room.dump)"
        )
        let closedAt = room.clock.now
        for s in students { s.signal(SIGHUP) }
        #expect(
            room.wait(.seconds(2)) { ClassRoom.processes(naming: url.database).isEmpty },
            "\(ClassRoom.processes(naming: url.database))")
        print("demo hang-up: all ended \(room.clock.now - closedAt) after the hang-up")
        // A new connection: the fixture's own was cut by the restart.
        let check = try await ClassDatabase.connect(url)
        defer { Task { await check.close() } }
        let rows = try await check.query("SELECT student FROM answer WHERE activity = 'live' ORDER BY id")
        #expect(try rows.map { try $0.decode(String.self) } == ["ana", "ben"], "both predictions, once each")
    }

    @Test func studentsAreToldWhenTheDemoIsClosed() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "ana", name: "Ana"))
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "live", kind: .demo, exam: "aml5202-sessional1", questions: ["q1"]))
        let student = try PTYHarness(
            executable: ClassFixture.binary,
            arguments: ["class", "join", "live", "--student", "ana", "--db", url.string, "--content", ClassFixture.content],
            columns: 120, rows: 40)
        #expect(student.waitFor(text: "Waiting for your instructor", timeout: .seconds(15)), "\(student.screen.text)")
        let (closed, out) = try ClassFixture.cli(["class", "quiz", "close", "live", "--db", url.string])
        #expect(closed == 0, "\(out)")
        #expect(student.waitFor(text: "The instructor ended the demo", timeout: .seconds(3)), "\(student.screen.text)")
        student.signal(SIGTERM)
        #expect(student.waitForExit(timeout: .seconds(2)) == .exited(128 + SIGTERM))
    }
}
