import Foundation
import TutorStore

/// The tutor's writes, in the order they were made, until each is in the database.
///
/// A write runs at once on the queue's own thread while the caller waits for it up to
/// `foregroundWait`: normally it is committed by then, so when `submit` returns the answer is
/// in the file (a SIGKILL right after loses nothing). When another program holds the database's
/// lock, the caller (the screen's thread) stops waiting after `foregroundWait`, never the whole
/// busy timeout, and the write is not dropped: it stays at the head of the queue, later writes
/// queue behind it (order matters: a quiz row before its answers), and the queue's thread
/// retries until the lock is released. The tutor stays responsive meanwhile and tells the
/// student what is waiting (`status`). A write that fails for good (disk full,
/// file gone read-only) stops saving, as `ProgressStore` describes; that is reported as such.
public final class WriteQueue: @unchecked Sendable {
    /// State the writes share across retries, owned by whichever thread is writing.
    public struct Context: Sendable {
        /// The running quiz's row, once written (its answers refer to it).
        public var quizID: Int64?
    }

    public typealias Job = @Sendable (any ProgressStore, inout Context) throws(StoreError) -> Void

    /// What is waiting, for the screen.
    public struct Status: Sendable, Equatable {
        /// Writes not yet in the database, and how many of them are checked answers or reveals.
        public var pending = 0
        public var answers = 0
        /// The first failure that stopped saving.
        public var stopped: StoreError?
    }

    private let store: any ProgressStore
    private let lock = NSLock()
    private var jobs: [(job: Job, isAnswer: Bool)] = []
    private var context = Context()
    /// Some thread (the caller's, or the retry thread) owns the head of the queue.
    private var writing = false
    private var state = Status()
    /// Pause between retries on the queue's thread (SQLite's busy handler waits too).
    private let retryPause: UInt32
    /// How long `submit` waits for the write it started before leaving it to the queue's thread.
    private let foregroundWait: Double
    /// Where writes run: never on the screen's thread, which a lock could otherwise hold for
    /// the whole busy timeout.
    private let writer = DispatchQueue(label: "dltutor.writes")

    public init(store: any ProgressStore, retryPause: Double = 0.05, foregroundWait: Double = 0.2) {
        self.store = store
        self.retryPause = UInt32(retryPause * 1_000_000)
        self.foregroundWait = foregroundWait
    }

    public var status: Status { lock.withLock { state } }

    /// Queues `job` behind any waiting writes; starts it now when nothing is waiting and waits
    /// up to `foregroundWait` for it. `isAnswer` marks checked answers and reveals, the writes
    /// the student is told about.
    public func submit(isAnswer: Bool = false, _ job: @escaping Job) {
        let mine: Bool = lock.withLock {
            jobs.append((job, isAnswer))
            state.pending = jobs.count
            if isAnswer { state.answers += 1 }
            if writing { return false }
            writing = true
            return true
        }
        guard mine else { return }
        let done = DispatchSemaphore(value: 0)
        writer.async { [self] in
            drain()
            done.signal()
        }
        _ = done.wait(timeout: .now() + foregroundWait)
    }

    /// Waits until every queued write is in the database, or `timeout` seconds (nil: no limit).
    /// Returns whether the queue is empty.
    @discardableResult
    public func waitUntilWritten(timeout: Double? = nil) -> Bool {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while lock.withLock({ !jobs.isEmpty }) {
            if let deadline, Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// Writes from the head until the queue is empty, retrying a write locked out by another
    /// program (on the queue's thread, never the screen's).
    private func drain() {
        while true {
            guard
                let head = lock.withLock({ () -> (job: Job, isAnswer: Bool)? in
                    if let first = jobs.first { return first }
                    writing = false
                    return nil
                })
            else { return }
            do {
                try head.job(store, &context)
                finishHead(head.isAnswer, failure: nil)
            } catch  where !error.stopsSaving {
                // Locked by another program: keep it, and everything behind it.
                usleep(retryPause)
            } catch {
                // Saving has stopped for good; the store ignores the writes still queued.
                finishHead(head.isAnswer, failure: error)
            }
        }
    }

    private func finishHead(_ isAnswer: Bool, failure: StoreError?) {
        lock.withLock {
            jobs.removeFirst()
            state.pending = jobs.count
            if isAnswer { state.answers -= 1 }
            if let failure, state.stopped == nil { state.stopped = failure }
        }
    }
}
