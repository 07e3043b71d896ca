import Foundation
import PostgresNIO

/// Live updates with LISTEN/NOTIFY: triggers in the schema send `answer` on channel
/// `dltutor_<activity>` for every stored answer and `step` when the live demo's step opens or
/// is revealed. A listener holds its own connection (a listening connection cannot be shared
/// with queries from a pool safely), so the instructor's screen and each demo student hold two.
///
/// The listener outlives a restart or an outage of the server: when its connection is lost it
/// says so (`.lost`), reconnects with backoff and listens again (`.listening`). Notifications
/// sent while it was away are gone, so a consumer reads the state again on `.listening`.
public final class ClassListener: Sendable {
    public enum Event: Sendable, Equatable {
        /// LISTEN is in place (first time, or again after a loss): read the current state now.
        case listening
        /// A notification's payload (`answer`, `step`, ...).
        case notified(String)
        /// The connection is gone; notifications are missed until `.listening` comes again.
        case lost
    }

    public let channel: String
    private let task: Task<Void, Never>
    private let state: ListenerState

    private init(channel: String, task: Task<Void, Never>, state: ListenerState) {
        self.channel = channel
        self.task = task
        self.state = state
    }

    public static func channel(for activity: String) -> String { "dltutor_" + activity }

    /// Whether LISTEN is in place right now (false during an outage).
    public var isListening: Bool { state.listening }

    /// Starts listening and returns once the first LISTEN is in place (or the first attempt
    /// failed, in which case it keeps trying in the background).
    public static func open(_ url: ClassURL, activity: String, backoff: ClassBackoff = ClassBackoff()) async
        -> (ClassListener, AsyncStream<Event>)
    {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let state = ListenerState()
        let name = channel(for: activity)
        let task = Task {
            var backoff = backoff
            while !Task.isCancelled {
                let listened = await listenOnce(url, channel: name, state: state) { event in
                    continuation.yield(event)
                    if event == .listening { readyContinuation.yield() }
                }
                readyContinuation.yield()
                if Task.isCancelled { break }
                // Said once per loss; failed attempts while the server is away say nothing new.
                if listened { continuation.yield(.lost) }
                if listened { backoff.succeeded() } else { backoff.failed() }
                try? await Task.sleep(for: max(backoff.delay, .milliseconds(100)))
            }
            readyContinuation.finish()
            continuation.finish()
        }
        for await _ in ready { break }
        return (ClassListener(channel: name, task: task, state: state), stream)
    }

    /// One connection: connect, LISTEN, pass notifications on until the connection closes or the
    /// listener is closed. Returns whether LISTEN was ever in place.
    private static func listenOnce(
        _ url: ClassURL, channel: String, state: ListenerState, emit: @escaping @Sendable (Event) -> Void
    ) async -> Bool {
        guard let db = try? await ClassDatabase.connect(url, timeout: .seconds(3)) else { return false }
        let conn = db.connection
        let listening = Task {
            try? await conn.listen(on: channel) { notifications in
                state.listening = true
                emit(.listening)
                for try await n in notifications { emit(.notified(n.payload)) }
            }
        }
        // The notification sequence may not end when the server goes away; the closed
        // connection is what tells.
        while !conn.isClosed && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
        }
        let wasListening = state.listening
        state.listening = false
        listening.cancel()
        await db.close()
        return wasListening
    }

    public func close() async {
        task.cancel()
        await task.value
    }
}

/// Whether LISTEN is in place, shared between the listening task and readers.
private final class ListenerState: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var listening: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
