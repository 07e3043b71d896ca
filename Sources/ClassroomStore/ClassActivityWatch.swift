import Foundation
import PostgresNIO

/// Keeps a student's (or the instructor's) process in step with the server while it runs: once
/// a second it reads whether the activity is closed and the server's clock, through the link.
/// That read is also the heartbeat: a lost connection is noticed, and reopened with backoff,
/// even while the student types nothing. After every reconnect, after the process was stopped
/// or the machine slept, and every `resyncEvery`, the clock takes the server's time again.
public final class ClassActivityWatch: @unchecked Sendable {
    private let link: ClassLink
    private let activity: String
    private let clock: ClassClock?
    private let interval: Duration
    private let resyncEvery: Duration?
    private let lock = NSLock()
    private var closed = false
    private var task: Task<Void, Never>?

    public init(
        link: ClassLink, activity: String, clock: ClassClock?, interval: Duration = .seconds(1),
        resyncEvery: Duration? = .seconds(30)
    ) {
        self.link = link
        self.activity = activity
        self.clock = clock
        self.interval = interval
        self.resyncEvery = resyncEvery
    }

    /// The instructor closed the quiz or ended the demo (seen on the server).
    public var isClosed: Bool { lock.withLock { closed } }

    public func start() {
        let t = Task { [self] in await loop() }
        lock.withLock { task = t }
    }

    public func stop() { lock.withLock { task }?.cancel() }

    private func loop() async {
        var syncedGeneration = link.status.generation
        var lastSync = ContinuousClock.now
        var lastTurn = ContinuousClock.now
        var resumed = false
        while !Task.isCancelled {
            // A turn much later than planned: the process was stopped (Ctrl-Z) or the machine
            // slept, and its clock may have been set meanwhile.
            resumed = resumed || ContinuousClock.now - lastTurn > interval + .seconds(2)
            lastTurn = .now
            let sent = clock?.localNow()
            if let (isClosed, server) = try? await readState() {
                lock.withLock { closed = isClosed }
                let generation = link.status.generation
                // No `resyncEvery` (a test's clock file): the clock is only taken again on reconnect.
                let due = resyncEvery.map { resumed || ContinuousClock.now - lastSync >= $0 } ?? false
                if let clock, let sent, let server, generation != syncedGeneration || due {
                    resumed = false
                    clock.sync(server: server, sentAt: sent, receivedAt: clock.localNow())
                    syncedGeneration = generation
                    lastSync = .now
                }
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Whether the activity is closed, and the server's clock (a vanished activity is closed).
    private func readState() async throws(ClassError) -> (Bool, Date?) {
        let name = activity
        return try await link.run { db throws(ClassError) in
            let rows = try await db.query(
                """
                SELECT closed_at IS NOT NULL, extract(epoch FROM clock_timestamp())::float8 FROM activity WHERE name = \(name)
                """, doing: "read \(name)")
            guard let row = rows.first, let (isClosed, epoch) = try? row.decode((Bool, Double).self) else {
                return (true, nil)
            }
            return (isClosed, Date(timeIntervalSince1970: epoch))
        }
    }
}
