import Foundation
import GRDB
import Testing

@testable import TutorStore

@Suite struct FailureTests {
    @Test func garbageFileIsRefusedAndLeftUntouched() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        #expect(FileManager.default.createFile(atPath: tmp.db, contents: garbage))
        let (store, warning) = SQLiteStore.open(path: tmp.db)
        #expect(store is InMemoryStore)
        #expect(!store.isSaving)
        #expect(
            warning
                == "dltutor: the progress database at \(tmp.db) is damaged or not a database (file is not a database); not saving, and the file is left as it is. Use --db to choose another file."
        )
        try store.record(attempt("q1", "a", at: day(0))) // goes to memory, not the file
        #expect(bytes(tmp.db) == garbage)
        #expect(!FileManager.default.fileExists(atPath: tmp.db + "-wal"))
    }

    @Test func damagedPagesAreRefused() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try openSaving(tmp.db)
            for i in 0..<300 { try store.record(attempt("q1", "s\(i)", at: day(0), input: String(repeating: "x", count: 200))) }
            _ = try store.db.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        var data = try #require(bytes(tmp.db))
        #expect(data.count > 8 * 4096)
        for i in (3 * 4096)..<(5 * 4096) { data[i] = 0xA5 } // trash two pages in the middle
        try data.write(to: URL(fileURLWithPath: tmp.db))
        try? FileManager.default.removeItem(atPath: tmp.db + "-wal")
        try? FileManager.default.removeItem(atPath: tmp.db + "-shm")
        let (store, warning) = SQLiteStore.open(path: tmp.db)
        #expect(store is InMemoryStore)
        #expect(warning?.hasPrefix("dltutor: the progress database at \(tmp.db) is damaged or not a database (") == true)
        #expect(bytes(tmp.db) == data)
    }

    @Test func newerSchemaIsRefusedWithBothVersions() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try openSaving(tmp.db)
            try store.record(attempt("q1", "a", at: day(0)))
            try store.db.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v6'), ('v7')")
                try db.execute(sql: "PRAGMA user_version = 7")
            }
            _ = try store.db.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        let before = bytes(tmp.db)
        let (store, warning) = SQLiteStore.open(path: tmp.db)
        #expect(store is InMemoryStore)
        #expect(
            warning
                == "dltutor: the progress database at \(tmp.db) was written by a newer dltutor (schema 7; this one knows 5); not saving. Use --db to choose another file."
        )
        #expect(bytes(tmp.db) == before)
    }

    @Test func unknownMigrationAloneIsRefused() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try openSaving(tmp.db)
            try store.db.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-from-the-future')") }
        }
        let (_, warning) = SQLiteStore.open(path: tmp.db)
        #expect(warning?.contains("was written by a newer dltutor (schema 6; this one knows 5)") == true)
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let queue = try DatabaseQueue(path: tmp.db)
            try queue.write { try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY)") }
        }
        let before = bytes(tmp.db)
        let (store, warning) = SQLiteStore.open(path: tmp.db)
        #expect(store is InMemoryStore)
        #expect(
            warning
                == "dltutor: \(tmp.db) is an SQLite database of another program; not saving, and the file is left as it is. Use --db to choose another file."
        )
        #expect(bytes(tmp.db) == before)
    }

    /// Tests run as root here, where chmod does not stop writes and access(W_OK) always succeeds,
    /// so the read-only path is forced with `Options.readOnly` (the same branch access(2) selects).
    /// Run as an ordinary user, the chmod test below checks the automatic detection too.
    @Test func readOnlyFileStillServesReadsButSavesNothing() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try openSaving(tmp.db)
            try store.record(attempt("q1", "a", at: day(0)))
            _ = try store.db.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        let before = bytes(tmp.db)
        let (store, warning) = SQLiteStore.open(path: tmp.db, options: .init(readOnly: true))
        #expect(
            warning
                == "dltutor: the progress database at \(tmp.db) is read-only (file or folder); not saving. Use --db to choose another file."
        )
        #expect(!store.isSaving)
        #expect(!(store is InMemoryStore))
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).count == 1)
        try store.record(attempt("q1", "b", at: day(1))) // dropped, no throw
        try store.resetAll()
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).count == 1)
        #expect(bytes(tmp.db) == before)
    }

    @Test func readOnlyWithoutAFileGivesNullStore() {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let (store, warning) = SQLiteStore.open(path: tmp.db, options: .init(readOnly: true))
        #expect(store is InMemoryStore)
        #expect(warning?.contains("is read-only") == true)
        #expect(!FileManager.default.fileExists(atPath: tmp.db))
    }

    @Test func chmodReadOnlyFolderIsDetectedWhenNotRoot() throws {
        let tmp = TempFolder()
        defer {
            chmod(tmp.path, 0o755)
            tmp.remove()
        }
        do { _ = try openSaving(tmp.db) }
        chmod(tmp.path, 0o555)
        let (store, warning) = SQLiteStore.open(path: tmp.db)
        if geteuid() == 0 {
            // root writes anyway: the store must then simply work.
            #expect(store.isSaving)
            #expect(warning == nil)
        } else {
            #expect(!store.isSaving)
            #expect(warning?.contains("is read-only") == true)
        }
    }

    @Test func folderThatCannotBeCreatedIsReported() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        #expect(FileManager.default.createFile(atPath: tmp.path + "/plain-file", contents: Data("x".utf8)))
        let path = tmp.path + "/plain-file/dltutor/dltutor.sqlite" // a file is in the way, even for root
        let (store, warning) = SQLiteStore.open(path: path)
        #expect(store is InMemoryStore)
        #expect(
            warning?.hasPrefix("dltutor: cannot create the folder \(tmp.path)/plain-file/dltutor for the progress database (")
                == true)
        #expect(warning?.hasSuffix("); not saving. Use --db to choose another file.") == true)
        #expect(warning?.contains("\(tmp.path)/plain-file is a file, not a folder") == true, "\(warning ?? "")")
        #expect(warning?.contains("NSCocoaErrorDomain") == false, "says what happened, not an error code")
    }

    /// A full disk, simulated with `PRAGMA max_page_count`: SQLite then answers SQLITE_FULL
    /// exactly as it does when the file system has no space.
    @Test func fullDiskThrowsOnceThenStopsSaving() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db, options: .init(maxPageCount: 24))
        var saved = 0
        var errors: [StoreError] = []
        for i in 0..<500 {
            do {
                try store.record(attempt("q1", "s\(i)", at: day(0), input: String(repeating: "y", count: 300)))
                if store.isSaving { saved += 1 }
            } catch {
                errors.append(error)
            }
        }
        #expect(errors == [.diskFull(path: tmp.db)])
        #expect(errors.first?.message == "dltutor: the disk holding \(tmp.db) is full; not saving from now on.")
        #expect(!store.isSaving)
        #expect(saved > 0)
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).count == saved)
    }
}
