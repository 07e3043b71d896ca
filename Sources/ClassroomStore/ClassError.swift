import PostgresNIO

/// A class-database failure in one sentence a teacher can act on (the server's own message when
/// it gave one, e.g. a permission refused by row-level security).
public struct ClassError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    /// The SQLSTATE when the server sent one (`42501` permission denied, ...).
    public var sqlState: String?

    public init(_ message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String { message }

    static func from(_ error: any Error, doing what: String) -> ClassError {
        if let e = error as? ClassError { return e }
        if let p = error as? PSQLError {
            if let info = p.serverInfo, let msg = info[.message] {
                return ClassError("cannot \(what): \(msg)", sqlState: info[.sqlState])
            }
            return ClassError("cannot \(what): \(words(p))", sqlState: nil)
        }
        return ClassError("cannot \(what): \(words(error))")
    }

    /// A client-side failure in words (never the library's raw text, which can be long and name
    /// internals): connection refused, timed out, unknown host, closed by the server.
    static func words(_ error: any Error) -> String {
        var text = String(describing: error).lowercased()
        if let p = error as? PSQLError {
            text = "\(p.code) \(p.underlying.map { String(describing: $0) } ?? "")".lowercased()
            if p.code == .serverClosedConnection || p.code == .uncleanShutdown { return "the server closed the connection" }
            if p.code == .clientClosedConnection { return "the connection is closed" }
            if p.code == .authMechanismRequiresPassword { return "the server asks for a password and none was given" }
        }
        if text.contains("refused") { return "connection refused" }
        if text.contains("timed out") || text.contains("timeout") { return "no answer (timed out)" }
        if text.contains("resolve") || text.contains("unknown host") || text.contains("nodename") { return "unknown host" }
        if text.contains("reset") || text.contains("broken pipe") { return "the connection was lost" }
        if text.contains("unreachable") { return "the network is unreachable" }
        return "the connection failed"
    }
}
