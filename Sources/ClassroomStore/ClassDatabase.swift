import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One connection to a class's PostgreSQL database. Every student process (an SSH session or a
/// student's own dltutor) holds exactly one, so a class of N students is N server backends: the
/// figure the scaling notes in ARCHITECTURE.md start from. Each statement runs in its own
/// transaction (autocommit): when `execute` returns, the row is committed on the server.
public final class ClassDatabase: Sendable {
    public let connection: PostgresConnection
    public let url: ClassURL
    static let logger = Logger(label: "dltutor.class")

    private init(connection: PostgresConnection, url: ClassURL) {
        self.connection = connection
        self.url = url
    }

    /// Connects (10 s timeout); the error says which server refused and why.
    public static func connect(_ url: ClassURL) async throws(ClassError) -> ClassDatabase {
        do {
            var config = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user,
                password: url.password, database: url.database, tls: .disable)
            config.options.connectTimeout = .seconds(10)
            let conn = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
            return ClassDatabase(connection: conn, url: url)
        } catch {
            throw ClassError.from(error, doing: "reach PostgreSQL at \(url.host):\(url.port)")
        }
    }

    /// A connection dropped without `close()` (an error path) is closed here, and kept alive
    /// until it is, so the server sees the session end at once.
    deinit {
        let c = connection
        if !c.isClosed { c.close().whenComplete { _ in _ = c } }
    }

    public func close() async {
        try? await connection.close()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    public func query(_ q: PostgresQuery, doing what: String = "query the class database") async throws(ClassError)
        -> [PostgresRow]
    {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(q, logger: Self.logger) { rows.append(row) }
            return rows
        } catch {
            throw ClassError.from(error, doing: what)
        }
    }

    /// Runs statements in one transaction (all or nothing).
    public func transaction(_ statements: [PostgresQuery], doing what: String) async throws(ClassError) {
        do {
            _ = try await connection.query("BEGIN", logger: Self.logger)
            do {
                for s in statements { _ = try await connection.query(s, logger: Self.logger) }
                _ = try await connection.query("COMMIT", logger: Self.logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: Self.logger)
                throw error
            }
        } catch {
            throw ClassError.from(error, doing: what)
        }
    }

    /// The server's clock: a class's deadline is kept by it, never by a student's machine.
    public func serverNow() async throws(ClassError) -> Date {
        let rows = try await query("SELECT extract(epoch FROM clock_timestamp())::float8", doing: "read the server's clock")
        let seconds = (try? rows.first?.decode(Double.self)) ?? Date().timeIntervalSince1970
        return Date(timeIntervalSince1970: seconds)
    }
}

/// Runs async work from synchronous code (the `ProgressStore` boundary is synchronous: a write
/// returns once committed). The work runs on a detached task; the caller's thread waits. Never
/// call this from a task on the cooperative pool.
enum Blocking {
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, ClassError>?
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws(ClassError) -> T) throws(ClassError) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(ClassError) { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}
