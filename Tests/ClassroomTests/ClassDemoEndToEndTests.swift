import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import PostgresNIO
import Testing

/// A live class demo through the real binaries in ptys over a real database: the instructor runs
/// `dltutor demo --class` (handed to dltutor-class), three students `dltutor class join`. A
/// student sees the open step's prompt and nothing of its work; their predictions reach the
/// instructor's counts (correct share, the named mistake, "other"); the reveal reaches every
/// student's screen, and the next step opens closed again.
@Suite("Class demo end to end", .serialized)
struct ClassDemoEndToEndTests {
    static let correct = "[0.97, 0.91, 0.51, 0.96]"
    static let named = "[0.97, 0.09, 0.51, 0.04]" // "Some lines give 1 − σ, not σ"
    static let other = "[0.5, 0.5, 0.5, 0.5]"

    /// Pumps every pty (so none blocks on a full buffer) until `ok` holds or time runs out.
    func wait(_ all: [PTYHarness], timeout: Duration = .seconds(15), until ok: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            for h in all { h.pump(timeout: .milliseconds(5)) }
            if ok() { return true }
        }
        return ok()
    }

    @Test func predictionsReachTheInstructorAndTheRevealReachesStudents() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        let ids = ["ana", "ben", "cy"]
        for id in ids { try await ClassRoster.add(db, RosterEntry(id: id, name: id.capitalized)) }

        let teacher = try PTYHarness(
            executable: ClassFixture.binary,
            arguments: [
                "demo", "--class", "live", "q1", "--db", url.string, "--content", ClassFixture.content
            ], columns: 120, rows: 40)
        defer { teacher.signal(SIGTERM) }
        #expect(teacher.waitFor(text: "Class: no predictions yet", timeout: .seconds(15)), "\(teacher.screen.text)")

        var students: [PTYHarness] = []
        for id in ids {
            students.append(
                try PTYHarness(
                    executable: ClassFixture.binary,
                    arguments: [
                        "class", "join", "live", "--student", id, "--db", url.string, "--content", ClassFixture.content
                    ], columns: 120, rows: 40))
        }
        defer { for s in students { s.signal(SIGTERM) } }
        let all = [teacher] + students
        #expect(
            wait(all) { students.allSatisfy { $0.screen.contains("Step 1:") } },
            "\(students.map(\.screen.text).joined(separator: "\n-----\n"))")
        for s in students {
            #expect(
                !s.screen.contains("Worked:") && !s.screen.contains("Answer:") && !s.screen.contains("0.91, 0.51, 0.96"),
                "nothing of the step's work before the reveal: \(s.screen.text)")
        }

        for (s, input) in zip(students, [Self.correct, Self.named, Self.other]) {
            s.type(input)
            s.press(.enter)
        }
        #expect(
            wait(all) { students.allSatisfy { $0.screen.contains("Your prediction:") } },
            "\(students.map(\.screen.text).joined(separator: "\n-----\n"))")
        for s in students {
            #expect(
                !s.screen.contains("✓") && !s.screen.contains("✗") && !s.screen.contains("Worked:"),
                "no verdict before the reveal: \(s.screen.text)")
        }
        #expect(
            wait(all) { teacher.screen.contains("3/3 answered") && teacher.screen.contains("33% correct") },
            "\(teacher.screen.text)")
        #expect(teacher.screen.contains("×1 Some lines give 1 − σ"), "\(teacher.screen.text)")
        #expect(teacher.screen.contains("×1 other"), "\(teacher.screen.text)")

        // Reveal: every student's screen shows the work, the answer and their verdict.
        let clock = ContinuousClock()
        let revealedAt = clock.now
        teacher.press(.right)
        #expect(
            wait(all) { students.allSatisfy { $0.screen.contains("Worked:") } },
            "\(students.map(\.screen.text).joined(separator: "\n-----\n"))")
        let latency = clock.now - revealedAt
        print("class demo: reveal reached all 3 students in \(latency)")
        #expect(students[0].screen.contains("Your prediction \(Self.correct): ✓"), "\(students[0].screen.text)")
        #expect(students[1].screen.contains("Your prediction \(Self.named): ✗"), "\(students[1].screen.text)")
        #expect(students.allSatisfy { $0.screen.contains("Answer: \(Self.correct)") })

        // The next step opens closed again, with fresh counts on the instructor's screen.
        teacher.press(.right)
        #expect(
            wait(all) { students.allSatisfy { $0.screen.contains("Step 2:") } && teacher.screen.contains("no predictions yet") },
            "\(students[0].screen.text)\n-----\n\(teacher.screen.text)")
        #expect(students.allSatisfy { !$0.screen.contains("Worked:") })

        let stored = try await db.query("SELECT student, correct FROM answer WHERE activity = 'live' ORDER BY student")
        #expect(try stored.map { try $0.decode((String, Bool).self) }.map(\.0) == ids)
    }
}
