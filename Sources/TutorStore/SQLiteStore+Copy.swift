import Foundation
import GRDB

/// Reading a database SQLite cannot read in place (a WAL file in a read-only folder, where its
/// `-shm` cannot be made): from a private copy that never outlives the store, nor the process.
extension SQLiteStore {
    /// Opens a private copy of the database at `path` for reading. The copy is folded into one
    /// file (its WAL checkpointed, rollback journal mode), checked, opened read-only and then
    /// deleted at once: the open connection keeps reading the unlinked file, so nothing is left
    /// in the temporary folder on any exit path (a failure here, `exit`, a crash, SIGKILL).
    /// Every error names the user's file, never the copy. `incomplete` is thrown for a file some
    /// migrations have not reached (it cannot be read as this build's schema).
    static func openCopy(of path: String, busyTimeout: Double, incomplete: StoreError) throws(StoreError) -> DatabaseQueue {
        guard let copy = snapshot(of: path) else { throw noCopy(path) }
        defer { try? FileManager.default.removeItem(atPath: copy.folder) }
        do {
            fold(copy.file)
            guard try inspect(path: copy.file, busyTimeout: busyTimeout) else { throw incomplete }
            var config = Configuration()
            config.label = "dltutor.store.copy"
            config.readonly = true
            config.busyMode = .timeout(busyTimeout)
            let queue = try DatabaseQueue(path: copy.file, configuration: config)
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attempt") }
            return queue
        } catch {
            throw renamed(error, from: copy.file, to: path)
        }
    }

    /// Moves the copy's WAL into the file and leaves WAL mode, so a read-only connection needs
    /// nothing but the file itself (no `-wal`, no `-shm` to reopen). A file this cannot fold
    /// (damaged, not a database) is left for `inspect` to name.
    private static func fold(_ file: String) {
        guard let queue = try? DatabaseQueue(path: file) else { return }
        try? queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try? queue.close()
    }

    /// The error when no private copy of `path` could be made.
    static func noCopy(_ path: String) -> StoreError { .failed(path: path, detail: "it cannot be read") }

    /// Copies the database (and its WAL or journal, if any) into a private temporary folder.
    static func snapshot(of path: String) -> (folder: String, file: String)? {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("dltutor-readonly-\(UUID().uuidString)").path
        let file = folder + "/" + (path as NSString).lastPathComponent
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.copyItem(atPath: path, toPath: file)
            // The WAL, or a hot rollback journal (a write killed halfway), goes with it: the copy's
            // writable fold applies the one or rolls back the other.
            for side in ["-wal", "-journal"] where fm.fileExists(atPath: path + side) {
                try fm.copyItem(atPath: path + side, toPath: file + side)
            }
            return (folder, file)
        } catch {
            try? fm.removeItem(atPath: folder)
            return nil
        }
    }
}
