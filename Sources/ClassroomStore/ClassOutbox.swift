import Foundation

/// A class student's writes, in the order they were made, until each is committed on the
/// server. `submit` never waits: the screen's thread hands a write over and goes on. One task
/// writes from the head; while the database cannot be reached the head is retried (the link
/// waits its backoff between attempts) and later writes queue behind it, so answers reach the
/// server in the order they were checked and none is dropped. A write the server refuses for
/// good (a closed quiz, a permission) is counted and skipped, never retried.
///
/// Generic over the connection so the queue's rules are tested without a server.
public final class ClassOutbox<Connection: Sendable>: @unchecked Sendable {
    public typealias Write = @Sendable (Connection) async throws(ClassError) -> Void
    /// Runs one write on a connection (the real one: `ClassLink.run`).
    public typealias Runner = @Sendable (@escaping Write) async throws(ClassError) -> Void

    /// What is waiting, for the screen.
    public struct Status: Sendable, Equatable {
        /// Writes not yet committed, and how many of them are checked answers.
        public var pending = 0
        public var answers = 0
        /// Writes the server refused (not retried), and the last refusal's sentence.
        public var refused = 0
        public var lastRefusal: String?
        /// The head has failed for want of a connection since it was last written.
        public var stalled = false
    }

    private struct Item {
        var write: Write
        var isAnswer: Bool
        /// Writes with the same key replace a queued one (a newer quiz checkpoint).
        var key: String?
    }

    private let runner: Runner
    private let retryPause: Duration
    private let lock = NSLock()
    private var items: [Item] = []
    private var draining = false
    private var state = Status()

    public init(retryPause: Duration = .milliseconds(50), runner: @escaping Runner) {
        self.runner = runner
        self.retryPause = retryPause
    }

    public var status: Status { lock.withLock { state } }

    /// Queues `write` behind the waiting ones and returns at once. With `replacing`, a queued
    /// write with the same key that is not being written right now is replaced in its place.
    public func submit(isAnswer: Bool = false, replacing key: String? = nil, _ write: @escaping Write) {
        let start: Bool = lock.withLock {
            let item = Item(write: write, isAnswer: isAnswer, key: key)
            if let key, let i = items.lastIndex(where: { $0.key == key }), i > 0 {
                items[i] = item
            } else {
                items.append(item)
                state.pending += 1
                if isAnswer { state.answers += 1 }
            }
            guard !draining else { return false }
            draining = true
            return true
        }
        if start { Task.detached { await self.drain() } }
    }

    /// Waits (polling, on the caller's thread) until every write is committed or refused, or
    /// `timeout` seconds pass (nil: no limit). For the end of a run, after the screen closed.
    @discardableResult
    public func waitUntilWritten(timeout: Double?) -> Bool {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while status.pending > 0 {
            if let deadline, Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// The same, for async callers.
    public func written(within limit: Duration) async -> Bool {
        let end = ContinuousClock.now + limit
        while status.pending > 0 {
            if ContinuousClock.now >= end { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    private func drain() async {
        while let head = lock.withLock({ () -> Item? in
            if let first = items.first { return first }
            draining = false
            return nil
        }) {
            do {
                try await runner(head.write)
                finishHead(refusal: nil)
            } catch  where error.connectionLost {
                lock.withLock { state.stalled = true }
                try? await Task.sleep(for: retryPause)
            } catch {
                finishHead(refusal: error.message)
            }
        }
    }

    private func finishHead(refusal: String?) {
        lock.withLock {
            let head = items.removeFirst()
            state.pending -= 1
            if head.isAnswer { state.answers -= 1 }
            state.stalled = false
            if let refusal {
                state.refused += 1
                state.lastRefusal = refusal
            }
        }
    }
}
