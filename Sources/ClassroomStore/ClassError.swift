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
            return ClassError("cannot \(what): \(p.code)\(p.underlying.map { " (\($0))" } ?? "")")
        }
        return ClassError("cannot \(what): \(error)")
    }
}
