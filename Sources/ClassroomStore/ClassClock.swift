import Foundation

/// The class's time on this machine: the local clock plus the server's offset, measured when
/// the student joins and again after every reconnect. A quiz's deadline is the server's, so the
/// countdown follows it whatever the student's clock says, keeps running while the tutor is
/// stopped (Ctrl-Z) or the laptop sleeps, and shows the quiz over once the deadline has passed.
/// Seconds since the reference date, like the session's other clocks.
public final class ClassClock: @unchecked Sendable {
    private let local: @Sendable () -> Double
    private let lock = NSLock()
    private var offset: Double = 0
    private var synced = false

    /// `local`: the machine's wall clock (or a test's clock file), in reference-date seconds.
    public init(local: @escaping @Sendable () -> Double) {
        self.local = local
    }

    public func now() -> Double { local() + lock.withLock { offset } }

    /// Whether the server's time has been read at least once.
    public var isSynced: Bool { lock.withLock { synced } }

    /// Takes the server's time as read between `sentAt` and `receivedAt` (local clock): the
    /// server answered, on average, half way through the round trip.
    public func sync(server: Date, sentAt: Double, receivedAt: Double) {
        let measured = server.timeIntervalSinceReferenceDate - (sentAt + receivedAt) / 2
        lock.withLock {
            offset = measured
            synced = true
        }
    }

    /// Reads the server's clock through `link` and takes it.
    public func sync(_ link: ClassLink) async throws(ClassError) {
        let sent = local()
        let server = try await link.run { db throws(ClassError) in try await db.serverNow() }
        sync(server: server, sentAt: sent, receivedAt: local())
    }

    /// The local clock's reading, for a caller that times its own round trip.
    public func localNow() -> Double { local() }
}
