import Foundation
import Testing

@testable import TutorStore

/// A database SQLite cannot read in place is read from a private copy: the copy is gone as soon
/// as it is open (nothing to leave behind on any exit path, SIGKILL included), reads still see
/// everything (the WAL is folded in), and every error names the user's file, not the copy.
@Suite struct ReadOnlyCopyTests {
    /// Temporary copies of `name` still on disk.
    func copiesLeft(of name: String) -> [String] {
        let tmp = FileManager.default.temporaryDirectory.path
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []
        return folders.filter {
            $0.hasPrefix("dltutor-readonly-") && FileManager.default.fileExists(atPath: tmp + "/" + $0 + "/" + name)
        }
    }

    /// A file name no other test uses, so parallel tests cannot confuse the count of copies.
    func uniqueDB(_ tmp: TempFolder) -> String { tmp.path + "/p-\(UUID().uuidString).sqlite" }

    @Test func theCopyIsDeletedOnceOpenAndStillReadsTheWAL() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let db = uniqueDB(tmp), name = (db as NSString).lastPathComponent
        let writer = try openSaving(db) // stays open: the rows stay in the -wal
        try writer.record(attempt("q1", "a", at: day(0)))
        try writer.record(attempt("q1", "b", at: day(1)))
        #expect(FileManager.default.fileExists(atPath: db + "-wal"))
        let (store, warning) = SQLiteStore.open(path: db, options: .init(readOnly: true))
        #expect(warning?.contains(db) == true)
        #expect(copiesLeft(of: name).isEmpty, "the copy is unlinked while open")
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).map(\.stepID) == ["a", "b"])
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).count == 2, "reads keep working on the unlinked copy")
        let copy = try SQLiteStore.openCopy(of: db, busyTimeout: 1, incomplete: .readOnly(path: db))
        #expect(try copy.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attempt") } == 2)
        #expect(copiesLeft(of: name).isEmpty)
    }

    @Test func aDamagedFileLeavesNoCopyAndTheMessageNamesTheUsersFile() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let db = uniqueDB(tmp), name = (db as NSString).lastPathComponent
        try Data(String(repeating: "not a database ", count: 300).utf8).write(to: URL(fileURLWithPath: db))
        let (store, warning) = SQLiteStore.open(path: db, options: .init(readOnly: true))
        #expect(store is InMemoryStore)
        #expect(warning?.contains("at \(db) is damaged") == true, "\(warning ?? "")")
        #expect(warning?.contains("dltutor-readonly-") == false, "never the copy's name: \(warning ?? "")")
        #expect(copiesLeft(of: name).isEmpty)
        #expect(throws: StoreError.self) { try SQLiteStore.openCopy(of: db, busyTimeout: 1, incomplete: .readOnly(path: db)) }
        do { _ = try SQLiteStore.openCopy(of: db, busyTimeout: 1, incomplete: .readOnly(path: db)) } catch {
            #expect(error.message.contains(db) && !error.message.contains("dltutor-readonly-"), "\(error.message)")
        }
        #expect(copiesLeft(of: name).isEmpty)
    }

    @Test func anOlderSchemaReadOnlyIsRefusedAndLeavesNoCopy() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let db = uniqueDB(tmp), name = (db as NSString).lastPathComponent
        let (empty, _) = SQLiteStore.open(path: db)
        _ = empty
        // Pretend the last migration never ran: the file is this program's, but incomplete.
        let raw = try openSaving(db)
        try raw.db.writeWithoutTransaction {
            try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = (SELECT MAX(identifier) FROM grdb_migrations)")
        }
        let (store, warning) = SQLiteStore.open(path: db, options: .init(readOnly: true))
        #expect(store is InMemoryStore)
        #expect(warning == StoreError.readOnly(path: db).message)
        #expect(copiesLeft(of: name).isEmpty)
    }
}
