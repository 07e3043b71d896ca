import Foundation
import PostgresNIO

/// Whether the class database can be reached, as the screens show it. Read from any thread
/// without waiting (the run loop asks on every tick).
public struct ClassLinkStatus: Sendable, Equatable {
    /// The last statement or connection attempt worked and the connection is still open.
    public var reachable = true
    /// Why not, in one sentence (the last failure).
    public var problem: String?
    /// Connections opened so far: a change means the link came back after an outage, and
    /// whatever was read before (the server's clock, the demo's step) should be read again.
    public var generation = 0

    public init(reachable: Bool = true, problem: String? = nil, generation: Int = 0) {
        self.reachable = reachable
        self.problem = problem
        self.generation = generation
    }
}

/// The class database for a process that must outlive a restart or an outage: one connection,
/// opened again with backoff when it is lost, and a time limit on every statement, so no caller
/// ever waits on a connection that is gone.
public actor ClassLink {
    public nonisolated let url: ClassURL
    /// The longest a statement may take before the connection is given up as lost.
    public nonisolated let timeout: Duration
    private var current: ClassDatabase?
    private var opening: Task<Result<ClassDatabase, ClassError>, Never>?
    private var backoff: ClassBackoff
    private var nextAttempt: ContinuousClock.Instant?
    private nonisolated let shared = SharedStatus()

    public init(url: ClassURL, timeout: Duration = .seconds(5), backoff: ClassBackoff = ClassBackoff()) {
        self.url = url
        self.timeout = timeout
        self.backoff = backoff
    }

    /// A link that starts with a connection already open (the one a command connected with).
    public init(adopting db: ClassDatabase, timeout: Duration = .seconds(5)) {
        url = db.url
        self.timeout = timeout
        backoff = ClassBackoff()
        current = db
        shared.update {
            $0.reachable = true
            $0.generation = 1
        }
        shared.watch(db.connection)
    }

    /// Reachable or not, without waiting: a connection the server closed counts at once, before
    /// any statement fails on it.
    public nonisolated var status: ClassLinkStatus { shared.current() }

    /// Runs `body` on the connection, opening one first if needed. A connection error, or no
    /// answer within `timeout`, closes the connection and throws with `connectionLost` set; the
    /// next call reconnects (after the backoff's wait).
    public func run<T: Sendable>(_ body: @escaping @Sendable (ClassDatabase) async throws(ClassError) -> T)
        async throws(ClassError) -> T
    {
        let db = try await connection()
        let result = await Self.race(body, on: db, limit: timeout)
        switch result {
        case .success(let value):
            shared.update {
                $0.reachable = true
                $0.problem = nil
            }
            return value
        case .failure(let failure):
            if failure.connectionLost { drop(db, failure) }
            throw failure
        }
    }

    /// `body`'s result, or a lost connection once `limit` has passed: whichever comes first. The
    /// statement is not awaited past the limit (a statement on a connection that died under it
    /// may never complete); its connection is closed instead.
    private static func race<T: Sendable>(
        _ body: @escaping @Sendable (ClassDatabase) async throws(ClassError) -> T, on db: ClassDatabase, limit: Duration
    ) async -> Result<T, ClassError> {
        let outcome = FirstResult<T>()
        return await withCheckedContinuation { continuation in
            outcome.onResult = { continuation.resume(returning: $0) }
            let timer = Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled else { return }
                let late = ClassError("the class database did not answer within \(limit)", connectionLost: true)
                if outcome.set(.failure(late)) { db.connection.close().whenComplete { _ in } }
            }
            Task {
                let result: Result<T, ClassError>
                do throws(ClassError) { result = .success(try await body(db)) } catch { result = .failure(error) }
                timer.cancel()
                outcome.set(result)
            }
        }
    }

    /// Closes the connection; a later `run` opens a new one.
    public func close() async {
        let db = current
        current = nil
        await db?.close()
    }

    private func connection() async throws(ClassError) -> ClassDatabase {
        if let db = current {
            if !db.connection.isClosed { return db }
            drop(db, ClassError("the class database closed the connection", connectionLost: true))
        }
        let task: Task<Result<ClassDatabase, ClassError>, Never>
        if let opening {
            task = opening
        } else {
            task = Task { await self.open() }
            opening = task
        }
        let result = await task.value
        if opening == task { opening = nil }
        return try result.get()
    }

    /// One connection attempt, after the backoff's wait when the last one failed.
    private func open() async -> Result<ClassDatabase, ClassError> {
        if let nextAttempt { try? await Task.sleep(until: nextAttempt, clock: .continuous) }
        do {
            let db = try await ClassDatabase.connect(url, timeout: .seconds(3))
            current = db
            backoff.succeeded()
            nextAttempt = nil
            shared.update {
                $0.reachable = true
                $0.problem = nil
                $0.generation += 1
            }
            shared.watch(db.connection)
            return .success(db)
        } catch {
            backoff.failed()
            nextAttempt = ContinuousClock.now + backoff.delay
            shared.update {
                $0.reachable = false
                $0.problem = error.message
            }
            return .failure(error)
        }
    }

    private func drop(_ db: ClassDatabase, _ failure: ClassError) {
        shared.update {
            $0.reachable = false
            $0.problem = failure.message
        }
        if current === db { current = nil }
        let connection = db.connection
        if !connection.isClosed { connection.close().whenComplete { _ in _ = connection } }
    }
}

/// The link's status behind a lock, with the open connection, so a reader can tell at once
/// when the server has closed it.
private final class SharedStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var status = ClassLinkStatus(reachable: false, problem: nil, generation: 0)
    private var connection: PostgresConnection?

    func update(_ change: (inout ClassLinkStatus) -> Void) { lock.withLock { change(&status) } }
    func watch(_ c: PostgresConnection) { lock.withLock { connection = c } }

    func current() -> ClassLinkStatus {
        lock.withLock {
            var s = status
            if s.reachable, let connection, connection.isClosed {
                s.reachable = false
                s.problem = "the class database closed the connection"
            }
            return s
        }
    }
}

/// The first of two results (a statement's, or its time running out); later ones are ignored.
private final class FirstResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, ClassError>?
    private var deliver: ((Result<T, ClassError>) -> Void)?

    var onResult: ((Result<T, ClassError>) -> Void)? {
        get { lock.withLock { deliver } }
        set { lock.withLock { deliver = newValue } }
    }

    /// Delivers `r` unless a result came first; returns whether it was the first.
    @discardableResult
    func set(_ r: Result<T, ClassError>) -> Bool {
        let target: (((Result<T, ClassError>) -> Void)?, Bool) = lock.withLock {
            guard result == nil else { return (nil, false) }
            result = r
            return (deliver, true)
        }
        target.0?(r)
        return target.1
    }
}
