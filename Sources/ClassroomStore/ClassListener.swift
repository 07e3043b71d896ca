import PostgresNIO

/// Live updates with LISTEN/NOTIFY: triggers in the schema send `answer` on channel
/// `dltutor_<activity>` for every stored answer and `step` when the live demo's step opens or
/// is revealed. A listener holds its own connection (a listening connection cannot be shared
/// with queries from a pool safely), so the instructor's screen and each demo student hold two.
public final class ClassListener: Sendable {
    private let db: ClassDatabase
    public let channel: String

    private init(db: ClassDatabase, channel: String) {
        self.db = db
        self.channel = channel
    }

    public static func channel(for activity: String) -> String { "dltutor_" + activity }

    /// Opens a connection and starts listening; `events` yields each notification's payload.
    public static func open(_ url: ClassURL, activity: String) async throws(ClassError) -> (ClassListener, AsyncStream<String>) {
        let db = try await ClassDatabase.connect(url)
        let listener = ClassListener(db: db, channel: channel(for: activity))
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let ready = AsyncStream<Void>.makeStream()
        let conn = db.connection
        let name = listener.channel
        Task {
            do {
                try await conn.listen(on: name) { notifications in
                    ready.continuation.yield()
                    for try await n in notifications { continuation.yield(n.payload) }
                }
            } catch {}
            ready.continuation.finish()
            continuation.finish()
        }
        for await _ in ready.stream { break }
        return (listener, stream)
    }

    public func close() async { await db.close() }
}
