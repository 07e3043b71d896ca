import ClassTestSupport
import ClassroomStore
import Foundation
import PostgresNIO
import Testing

/// The class schema, roster and answers against a real PostgreSQL started by the tests.
@Suite("Class store on a real PostgreSQL")
struct ClassStoreTests {
    @Test func initIsVersionedAndRefusesANewerSchema() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        #expect(try await ClassSchema.installedVersion(db) == ClassSchema.version)
        let again = try await ClassSchema.migrate(db)
        #expect(again.from == ClassSchema.version && again.to == ClassSchema.version)
        try await db.query("UPDATE dltutor_class_schema SET version = 99")
        await #expect(throws: ClassError.self) { try await ClassSchema.migrate(db) }
        do { try await ClassSchema.migrate(db) } catch {
            #expect(error.message.contains("schema 99") && error.message.contains("knows \(ClassSchema.version)"))
        }
        // The CLI says the same, with exit status 1.
        let (status, out) = try ClassFixture.cli(["class", "init", "--db", url.string])
        #expect(status == 1)
        #expect(out.contains("newer dltutor (schema 99; this one knows \(ClassSchema.version))"))
    }

    @Test func rosterAddListRemove() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        let (s1, _) = try ClassFixture.cli([
            "class", "roster", "add", "ada", "--name", "Ada Lovelace", "--ssh-key", "ssh-ed25519 AAAAC3 ada@laptop", "--db",
            url.string
        ])
        #expect(s1 == 0)
        try await ClassRoster.add(db, RosterEntry(id: "alan", name: "Alan Turing"))
        let (s2, list) = try ClassFixture.cli(["class", "roster", "list", "--db", url.string])
        #expect(s2 == 0)
        #expect(list.contains("ada") && list.contains("Ada Lovelace") && list.contains("ssh key"))
        #expect(list.contains("alan") && list.contains("no login yet"))
        let (_, keys) = try ClassFixture.cli(["class", "authorized-keys", "--db", url.string])
        #expect(keys == "restrict,pty,environment=\"DLTUTOR_STUDENT=ada\" ssh-ed25519 AAAAC3 ada@laptop\n")
        let (s3, _) = try ClassFixture.cli(["class", "roster", "remove", "alan", "--db", url.string])
        #expect(s3 == 0)
        #expect(try await ClassRoster.list(db).map(\.id) == ["ada"])
        let (s4, out4) = try ClassFixture.cli(["class", "roster", "remove", "nobody", "--db", url.string])
        #expect(s4 == 1 && out4.contains("no student 'nobody'"))
    }

    /// A checked answer is committed once the store's outbox has written it (at once while the
    /// server is there): another connection sees it then, and a variant is chosen per student by
    /// the server (the same on a rejoin).
    @Test func answersAreDurableWhenCheckedAndVariantsPerStudent() async throws {
        let (_, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        for id in ["s1", "s2"] { try await ClassRoster.add(db, RosterEntry(id: id, name: id)) }
        _ = try await ClassActivities.start(
            db,
            ClassActivity(
                name: "quiz1", kind: .quiz, exam: "aml5202-sessional1",
                questions: ["q3"], minutes: 10, seed: 42))
        let e1 = try await ClassActivities.join(db, activity: "quiz1", student: "s1")
        let e2 = try await ClassActivities.join(db, activity: "quiz1", student: "s2")
        #expect(e1.seed != nil && e2.seed != nil && e1.seed != e2.seed, "each student gets their own variant")
        #expect(try await ClassActivities.join(db, activity: "quiz1", student: "s1").seed == e1.seed)
        let studentDB = try await ClassDatabase.connect(url)
        defer { Task { await studentDB.close() } }
        let store = ClassProgressStore(db: studentDB, activity: "quiz1", student: "s1")
        let other = try await ClassDatabase.connect(url)
        defer { Task { await other.close() } }
        try await Task.detached {
            try store.record(
                .init(
                    time: Date(), mode: "quiz", questionID: "q3", stepID: "a.total", seed: e1.seed, input: "123",
                    verdict: "incorrect", mistake: "counts one layer too many", correct: false, seconds: 4))
        }.value
        #expect(await store.outbox.written(within: .seconds(10)))
        let rows = try await other.query("SELECT student, question, step, seed, input, verdict, mistake, correct FROM answer")
        #expect(rows.count == 1)
        let (st, q, s, seed, input, verdict, mistake, correct) = try rows[0].decode(
            (String, String, String, Int64?, String, String, String?, Bool).self)
        #expect(st == "s1" && q == "q3" && s == "a.total" && seed.map(UInt64.init) == e1.seed && input == "123")
        #expect(verdict == "incorrect" && mistake == "counts one layer too many" && !correct)
    }

    @Test func answersAfterTheDeadlineAreRefusedByTheServer() async throws {
        let (_, _, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "s1", name: "s1"))
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "short", kind: .quiz, exam: "x", questions: ["q1"], minutes: 1))
        try await db.query("UPDATE activity SET deadline = clock_timestamp() - interval '31 seconds' WHERE name = 'short'")
        let late = ClassAnswer(
            student: "s1", question: "q1", step: "a", seed: nil, input: "1", verdict: "correct", mistake: nil, correct: true,
            seconds: 1)
        await #expect(throws: ClassError.self) { try await ClassActivities.record(db, activity: "short", late) }
    }
}
