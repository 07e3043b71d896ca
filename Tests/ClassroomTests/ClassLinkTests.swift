import ClassTestSupport
import ClassroomStore
import Foundation
import PostgresNIO
import Testing

/// The link, the outbox and the listener against the real server, without a screen: a
/// `pg_ctl restart` is noticed at once, the connection comes back by itself, answers written
/// meanwhile all arrive in order, and the listener listens again.
@Suite("Class link through a restart", .serialized)
struct ClassLinkTests {
    @Test func answersWrittenAcrossARestartAllArriveInOrder() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        try await ClassRoster.add(db, RosterEntry(id: "s1", name: "s1"))
        _ = try await ClassActivities.start(
            db, ClassActivity(name: "quiz1", kind: .quiz, exam: "aml5202-sessional1", questions: ["q3"], minutes: 10))
        let link = ClassLink(url: url)
        _ = try await link.run { db throws(ClassError) in try await ClassActivities.join(db, activity: "quiz1", student: "s1") }
        let store = ClassProgressStore(link: link, activity: "quiz1", student: "s1")
        func record(_ i: Int) throws {
            try store.record(
                .init(
                    time: Date(), mode: "quiz", questionID: "q3", stepID: "a.total", seed: nil, input: String(i),
                    verdict: "incorrect", mistake: nil, correct: false, seconds: Double(i)))
        }
        for i in 1...3 { try record(i) }
        #expect(await store.outbox.written(within: .seconds(10)))
        #expect(link.status.reachable)
        let generation = link.status.generation

        try await Task.detached { try server.restart() }.value
        #expect(!link.status.reachable, "a connection the server closed counts as out of reach before any statement fails")
        for i in 4...8 { try record(i) }
        #expect(await store.outbox.written(within: .seconds(10)), "\(store.outbox.status)")
        #expect(link.status.reachable && link.status.generation == generation + 1, "one new connection")
        let check = try await ClassDatabase.connect(url)
        defer { Task { await check.close() } }
        let rows = try await check.query("SELECT input FROM answer WHERE student = 's1' ORDER BY id")
        #expect(try rows.map { try $0.decode(String.self) } == (1...8).map(String.init))
        #expect(store.outbox.status.refused == 0, "\(store.outbox.status.lastRefusal ?? "")")
    }

    @Test func theListenerListensAgainAfterARestart() async throws {
        let (server, url, db) = try await ClassFixture.freshClass()
        defer { Task { await db.close() } }
        let (listener, events) = await ClassListener.open(url, activity: "demo1", backoff: ClassBackoff())
        #expect(listener.isListening)
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .listening)
        try await Task.detached { try server.restart() }.value
        let lost = await iterator.next()
        #expect(lost == .lost, "\(String(describing: lost))")
        let again = await iterator.next()
        #expect(again == .listening, "\(String(describing: again))")
        let sender = try await ClassDatabase.connect(url)
        defer { Task { await sender.close() } }
        try await sender.query("SELECT pg_notify('dltutor_demo1', 'step')")
        #expect(await iterator.next() == .notified("step"), "notifications arrive on the new connection")
        await listener.close()
    }
}
