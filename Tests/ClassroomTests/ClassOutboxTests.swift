import ClassroomStore
import Foundation
import Testing

/// The class writes' queue without a server: a fake connection that can be taken down, and
/// the rules a real outage relies on (order kept, nothing dropped, refusals skipped, the newest
/// checkpoint replacing a waiting one, submit never waiting).
@Suite("Class outbox and backoff")
struct ClassOutboxTests {
    /// A server that is up or down and keeps what was written, in order.
    final class FakeServer: @unchecked Sendable {
        private let lock = NSLock()
        private var up = true
        private var rows: [String] = []
        private var attempts = 0

        var isUp: Bool {
            get { lock.withLock { up } }
            set { lock.withLock { up = newValue } }
        }
        var written: [String] { lock.withLock { rows } }
        var tries: Int { lock.withLock { attempts } }

        func write(_ row: String) throws(ClassError) {
            lock.lock()
            defer { lock.unlock() }
            attempts += 1
            guard up else { throw ClassError("the server is down", connectionLost: true) }
            if row.hasPrefix("refused") { throw ClassError("the quiz is over", sqlState: "42501") }
            rows.append(row)
        }
    }

    func outbox(_ server: FakeServer) -> ClassOutbox<FakeServer> {
        ClassOutbox(retryPause: .milliseconds(5)) { write throws(ClassError) in try await write(server) }
    }

    func waitFor(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<400 where !condition() { try? await Task.sleep(for: .milliseconds(5)) }
        return condition()
    }

    @Test func answersQueuedDuringAnOutageAreWrittenInOrderWhenItEnds() async throws {
        let server = FakeServer()
        let box = outbox(server)
        server.isUp = false
        for i in 1...5 { box.submit(isAnswer: true) { s throws(ClassError) in try s.write("answer \(i)") } }
        #expect(await waitFor { box.status.stalled }, "the head failed for want of a connection")
        #expect(box.status.pending == 5 && box.status.answers == 5)
        #expect(server.written.isEmpty)
        let triesWhileDown = server.tries
        #expect(triesWhileDown >= 1, "the head is retried while the server is down")
        server.isUp = true
        #expect(await waitFor { box.status.pending == 0 })
        #expect(server.written == (1...5).map { "answer \($0)" }, "every answer, in the order checked")
        let s = box.status
        #expect(s.pending == 0 && s.answers == 0 && s.refused == 0 && !s.stalled, "nothing waiting, nothing refused")
    }

    @Test func aRefusedWriteIsCountedAndSkippedNotRetried() async throws {
        let server = FakeServer()
        let box = outbox(server)
        box.submit(isAnswer: true) { s throws(ClassError) in try s.write("answer 1") }
        box.submit(isAnswer: true) { s throws(ClassError) in try s.write("refused answer") }
        box.submit(isAnswer: true) { s throws(ClassError) in try s.write("answer 3") }
        #expect(await box.written(within: .seconds(2)))
        #expect(server.written == ["answer 1", "answer 3"])
        #expect(box.status.refused == 1 && box.status.lastRefusal == "the quiz is over")
        #expect(server.tries == 3, "the refused write was tried once")
    }

    @Test func aNewerCheckpointReplacesTheOneWaiting() async throws {
        let server = FakeServer()
        let box = outbox(server)
        server.isUp = false
        box.submit(isAnswer: true) { s throws(ClassError) in try s.write("answer 1") }
        for i in 1...4 { box.submit(replacing: "checkpoint") { s throws(ClassError) in try s.write("checkpoint \(i)") } }
        box.submit(isAnswer: true) { s throws(ClassError) in try s.write("answer 2") }
        #expect(box.status.pending == 3, "one answer, the newest checkpoint, the second answer")
        server.isUp = true
        #expect(await box.written(within: .seconds(2)))
        #expect(server.written == ["answer 1", "checkpoint 4", "answer 2"])
    }

    @Test func submitNeverWaitsForADeadServer() async throws {
        let server = FakeServer()
        server.isUp = false
        let box = outbox(server)
        let clock = ContinuousClock()
        let took = clock.measure {
            for i in 1...200 { box.submit(isAnswer: true) { s throws(ClassError) in try s.write("answer \(i)") } }
        }
        #expect(box.status.answers == 200)
        #expect(!(await box.written(within: .milliseconds(50))), "nothing can be written while the server is down")
        server.isUp = true
        #expect(await box.written(within: .seconds(5)))
        #expect(server.written.count == 200)
        print("200 submits to a dead server took \(took)")
    }

    @Test func backoffDoublesFromAQuarterSecondUpToTwoAndResets() {
        var b = ClassBackoff()
        #expect(b.delay == .zero)
        var delays: [Duration] = []
        for _ in 0..<6 {
            b.failed()
            delays.append(b.delay)
        }
        #expect(delays == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)])
        b.succeeded()
        #expect(b.delay == .zero)
    }

    @Test func aServerGoingAwayIsAConnectionLossARefusalIsNot() {
        for state in ["57P01", "57P02", "57P03", "08006", "53300"] { #expect(ClassError.isTransient(state), "\(state)") }
        for state in ["42501", "23505", "P0001", nil] { #expect(!ClassError.isTransient(state), "\(state ?? "none")") }
    }
}
