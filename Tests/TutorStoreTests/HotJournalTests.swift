import Foundation
import Testing

@testable import TutorStore

/// A write killed halfway in rollback-journal mode leaves a hot `-journal`: the next open rolls
/// it back with a writable connection and saves, instead of calling the file read-only; the
/// readers (`stats`, `export`) see the file as it was before the killed write.
@Suite struct HotJournalTests {
    /// A database with three attempts and a hot journal from a killed transaction of 2,000 more.
    func hotJournal(_ tmp: TempFolder) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ProcessTests.writer)
        p.arguments = [tmp.db, "3", "kept"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let killed = Process()
        killed.executableURL = URL(fileURLWithPath: ProcessTests.writer)
        killed.arguments = ["--hot-journal", tmp.db]
        let out = Pipe()
        killed.standardOutput = out
        try killed.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        killed.waitUntilExit()
        #expect(said.contains("uncommitted"))
        let journal = try FileManager.default.attributesOfItem(atPath: tmp.db + "-journal")[.size] as? Int
        #expect((journal ?? 0) > 0, "a hot journal was left")
    }

    @Test func aHotJournalIsRolledBackAndTheFileSaves() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        try hotJournal(tmp)
        let (store, warning) = SQLiteStore.open(path: tmp.db)
        #expect(warning == nil, "not read-only: \(warning ?? "")")
        #expect(store.isSaving)
        let attempts = try #require(store as? SQLiteStore).allAttempts()
        #expect(attempts.map(\.questionID) == ["kept", "kept", "kept"], "the killed write was rolled back")
    }

    @Test func readingAFileWithAHotJournalSeesItBeforeTheKilledWrite() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        try hotJournal(tmp)
        let reader = try SQLiteStore(readingFrom: tmp.db)
        #expect(try reader.allAttempts().map(\.questionID) == ["kept", "kept", "kept"])
    }
}
