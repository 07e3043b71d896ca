import Foundation
import GRDB

/// Why progress is not being saved. `message` is the one line the app shows (stderr at startup,
/// the status line while running).
public enum StoreError: Error, Sendable, Equatable {
    /// The folder for the database could not be created (e.g. a file is in the way, no permission).
    case cannotCreateFolder(path: String, reason: String)
    /// The file or its folder cannot be written (both are needed: WAL keeps `-wal`/`-shm` beside it).
    case readOnly(path: String)
    /// The file is not an SQLite database, or SQLite found it damaged.
    case corrupt(path: String, detail: String)
    /// An SQLite database of some other program (tables, but not ours).
    case notOurs(path: String)
    /// Written by a newer dltutor: its schema version is above the one this build knows.
    case newerSchema(path: String, found: Int, known: Int)
    /// The disk (or the database's size limit) is full.
    case diskFull(path: String)
    /// Another program kept the database locked longer than the busy timeout. The tutor keeps
    /// such a write queued and retries (see `WriteQueue` in TutorApp); it is never dropped.
    case busy(path: String, seconds: Double)
    /// Any other SQLite or file-system failure.
    case failed(path: String, detail: String)
    /// No file at the path (only when reading: the tutor creates it).
    case missing(path: String)

    /// The line `export` and `stats` show: they only read, so "not saving" would be beside the point.
    public var readingMessage: String {
        switch self {
        case .missing: return message
        case .corrupt(let path, let detail):
            return "dltutor: cannot read the progress database at \(path): it is damaged or not a database (\(detail))."
        case .notOurs(let path): return "dltutor: cannot read \(path): it is an SQLite database of another program."
        case .newerSchema(let path, let found, let known):
            return
                "dltutor: cannot read the progress database at \(path): written by a newer dltutor (schema \(found); this one knows \(known))."
        case .busy(let path, let seconds):
            return
                "dltutor: cannot read the progress database at \(path): locked by another program for \(Self.seconds(seconds)) s."
        case .failed(let path, let detail): return "dltutor: cannot read the progress database at \(path): \(detail)."
        case .readOnly(let path), .diskFull(let path): return "dltutor: cannot read the progress database at \(path)."
        case .cannotCreateFolder(let path, _): return "dltutor: there is no progress database in \(path)."
        }
    }

    private static let another = "Use --db to choose another file."

    /// "5", or "0.5" for a test's short busy timeout.
    static func seconds(_ s: Double) -> String { s >= 1 || s == 0 ? String(Int(s)) : String(s) }

    public var message: String {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            "dltutor: cannot create the folder \(path) for the progress database (\(reason)); not saving. \(Self.another)"
        case .readOnly(let path):
            "dltutor: the progress database at \(path) is read-only (file or folder); not saving. \(Self.another)"
        case .corrupt(let path, let detail):
            "dltutor: the progress database at \(path) is damaged or not a database (\(detail)); not saving, and the file is left as it is. \(Self.another)"
        case .notOurs(let path):
            "dltutor: \(path) is an SQLite database of another program; not saving, and the file is left as it is. \(Self.another)"
        case .newerSchema(let path, let found, let known):
            "dltutor: the progress database at \(path) was written by a newer dltutor (schema \(found); this one knows \(known)); not saving. \(Self.another)"
        case .diskFull(let path):
            "dltutor: the disk holding \(path) is full; not saving from now on."
        case .busy(let path, let seconds):
            "dltutor: the progress database at \(path) stayed locked by another program for \(Self.seconds(seconds)) s."
        case .failed(let path, let detail):
            "dltutor: cannot use the progress database at \(path) (\(detail)); not saving. \(Self.another)"
        case .missing(let path):
            "dltutor: there is no progress database at \(path) (nothing saved yet, or a mistyped --db)."
        }
    }

    /// Whether the store stops saving after this error (everything but a lock held too long).
    public var stopsSaving: Bool {
        if case .busy = self { return false }
        return true
    }

    /// Maps an SQLite/GRDB or file error to the message the student sees.
    static func from(_ error: any Error, path: String, busySeconds: Double) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let db = error as? DatabaseError else {
            return .failed(path: path, detail: String(describing: error))
        }
        let detail = db.message ?? "\(db.resultCode)"
        switch db.resultCode.primaryResultCode {
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, seconds: busySeconds)
        default: return .failed(path: path, detail: detail)
        }
    }
}
