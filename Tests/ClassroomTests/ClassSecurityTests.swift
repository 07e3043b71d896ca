import ClassTestSupport
import ClassroomStore
import Foundation
import PostgresNIO
import Testing

/// Row-level security and grants, tested with the students' own database logins (as a student
/// joining from their own machine would connect): own rows only, settings and deadline out of
/// reach, answers only through the server's function.
@Suite("Class security: a student's own rows only")
struct ClassSecurityTests {
    /// A class with two students who have database logins, a running quiz, and one answer each.
    func classWithTwoStudents() async throws -> (ClassURL, ClassDatabase, ClassDatabase) {
        let (_, url, db) = try await ClassFixture.freshClass()
        try await ClassRoster.add(db, RosterEntry(id: "amy", name: "Amy"), dbPassword: "amy-pw")
        try await ClassRoster.add(db, RosterEntry(id: "ben", name: "Ben"), dbPassword: "ben-pw")
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "q", kind: .quiz, exam: "x", questions: ["q1"], minutes: 10, seed: 7))
        for s in ["amy", "ben"] {
            _ = try await ClassActivities.join(db, activity: "q", student: s)
            try await ClassActivities.record(
                db, activity: "q",
                ClassAnswer(
                    student: s, question: "q1", step: "a", seed: nil,
                    input: "\(s)'s answer", verdict: "correct", mistake: nil, correct: true, seconds: 1))
        }
        let amy = try await ClassDatabase.connect(
            url.with(user: try ClassRoster.roleName(database: url.database, student: "amy"), password: "amy-pw"))
        return (url, db, amy)
    }

    @Test func aStudentReadsOnlyTheirOwnRows() async throws {
        let (_, db, amy) = try await classWithTwoStudents()
        defer {
            Task {
                await db.close()
                await amy.close()
            }
        }
        let answers = try await amy.query("SELECT student, input FROM answer")
        #expect(answers.count == 1)
        let only = try answers.first?.decode((String, String).self)
        #expect(only?.0 == "amy" && only?.1 == "amy's answer")
        #expect(try await amy.query("SELECT student FROM enrolment").count == 1)
        #expect(try await amy.query("SELECT id, name FROM student").count == 1)
        #expect(try await amy.query("SELECT dltutor_me()").first?.decode(String.self) == "amy")
    }

    @Test func aStudentCannotWriteAsAnotherOrChangeTheirs() async throws {
        let (_, db, amy) = try await classWithTwoStudents()
        defer {
            Task {
                await db.close()
                await amy.close()
            }
        }
        // Adding an answer in Ben's name is refused by the policy.
        let forged = ClassAnswer(
            student: "ben", question: "q1", step: "a", seed: nil, input: "sabotage", verdict: "incorrect", mistake: nil,
            correct: false, seconds: 1)
        await #expect(throws: ClassError.self) { try await ClassActivities.record(amy, activity: "q", forged) }
        // Changing or deleting answers (even her own) is not granted.
        await #expect(throws: ClassError.self) { try await amy.query("UPDATE answer SET correct = true") }
        await #expect(throws: ClassError.self) { try await amy.query("DELETE FROM answer") }
        // No enrolment row may be written directly, Ben's or hers.
        await #expect(throws: ClassError.self) {
            try await amy.query("UPDATE enrolment SET checkpoint = 'x' WHERE student = 'ben'")
        }
        let bens = try await db.query("SELECT checkpoint FROM enrolment WHERE student = 'ben'")
        #expect(try bens.first?.decode(String?.self) == nil)
        // Her own answer still goes in, once she has joined from her own login.
        _ = try await ClassActivities.join(amy, activity: "q", student: "amy")
        try await ClassActivities.record(
            amy, activity: "q",
            ClassAnswer(
                student: "amy", question: "q1", step: "b", seed: nil, input: "2",
                verdict: "correct", mistake: nil, correct: true, seconds: 1))
        #expect(try await db.query("SELECT count(*)::int8 FROM answer WHERE student = 'amy'").first?.decode(Int64.self) == 2)
    }

    @Test func aStudentCannotChangeTheQuizSettingsOrDeadline() async throws {
        let (_, db, amy) = try await classWithTwoStudents()
        defer {
            Task {
                await db.close()
                await amy.close()
            }
        }
        await #expect(throws: ClassError.self) {
            try await amy.query("UPDATE activity SET deadline = deadline + interval '1 hour'")
        }
        await #expect(throws: ClassError.self) { try await amy.query("UPDATE activity SET minutes = 600") }
        await #expect(throws: ClassError.self) { try await amy.query("UPDATE enrolment SET seed = 1") }
        await #expect(throws: ClassError.self) {
            try await amy.query("INSERT INTO activity (name, kind, exam) VALUES ('mine', 'quiz', 'x')")
        }
        do { try await amy.query("UPDATE activity SET minutes = 600") } catch {
            #expect(error.sqlState == "42501", "permission denied, not some other failure: \(error.message)")
        }
        let rows = try await db.query("SELECT minutes FROM activity WHERE name = 'q'")
        #expect(try rows.first?.decode(Double.self) == 10)
    }
}
