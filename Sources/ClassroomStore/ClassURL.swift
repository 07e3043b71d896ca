import Foundation

/// A connection string, `postgres://user:password@host:port/database` (also `postgresql://`).
/// Only what the class needs: no query parameters, no TLS (the class server is reached on
/// loopback or through the SSH front end; see ARCHITECTURE.md).
public struct ClassURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public init(user: String, password: String?, host: String, port: Int, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    public init(parsing text: String) throws(ClassError) {
        guard let c = URLComponents(string: text), ["postgres", "postgresql"].contains(c.scheme ?? ""),
            let host = c.host, !host.isEmpty
        else {
            throw ClassError("'\(text)' is not a connection string like postgres://user:password@127.0.0.1:5432/class.")
        }
        user = c.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = c.password.flatMap { $0.removingPercentEncoding }
        self.host = host
        port = c.port ?? 5432
        let db = String(c.path.drop { $0 == "/" })
        database = db.isEmpty ? user : db
    }

    /// The same server and database as another user (a student's own role).
    public func with(user: String, password: String?) -> ClassURL {
        var u = self
        u.user = user
        u.password = password
        return u
    }

    public var string: String {
        let pw = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) } ?? ""
        return "postgres://\(user)\(pw)@\(host):\(port)/\(database)"
    }

    /// For messages: never prints the password.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
