import Foundation
import Testing

@testable import TutorStore

/// Exports a gradebook can open safely, and reading a database that never writes to it.
@Suite struct SafeExportTests {
    static let hostile = [
        "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-3", "@SUM(A1)", "\tTAB", "\rCR",
        "abc\u{202E}fed", "ok"
    ]

    func csvCells(_ csv: String) -> [String] {
        // Inputs are column 8; the hostile ones contain no comma, so a plain split is enough
        // after unquoting the one cell that holds a quote or CR.
        csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return cells[7]
        }
    }

    @Test func formulaCellsAreNeutralisedAndBidiEscapedInCSV() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try openSaving(folder.db)
        for (i, input) in Self.hostile.enumerated() {
            try store.record(attempt("q1", "s\(i)", at: day(0, hour: Double(i)), input: input))
        }
        let cells = csvCells(try store.export(.csv, since: nil))
        #expect(
            cells == [
                "\"'=HYPERLINK(\"\"http://x\"\")\"", "'+cmd|' /C calc'!A0", "'-3", "'@SUM(A1)",
                "'\tTAB", "\"'\rCR\"", "abc<U+202E>fed", "ok"
            ], "\(cells)")
    }

    @Test func jsonKeepsTheTextButEscapesBidiControls() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try openSaving(folder.db)
        for (i, input) in Self.hostile.enumerated() {
            try store.record(attempt("q1", "s\(i)", at: day(0, hour: Double(i)), input: input))
        }
        let json = try store.export(.json, since: nil)
        #expect(!json.unicodeScalars.contains("\u{202E}"), "no raw bidi override in the file")
        #expect(json.contains(#""input": "abc\u202efed""#))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(
            rows.compactMap { $0["input"] as? String } == Self.hostile, "JSON is exact: a program reads it, not a spreadsheet")
    }

    @Test func readingAMissingDatabaseCreatesNothing() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/typo/progress.sqlite"
        #expect(throws: StoreError.missing(path: path)) { try SQLiteStore(readingFrom: path) }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/typo"))
    }

    @Test func readingNamesTheUsersFileAndNeverWrites() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try Data("this is not a database, just text that is long enough to look like a file".utf8).write(
            to: URL(fileURLWithPath: folder.db))
        do {
            _ = try SQLiteStore(readingFrom: folder.db)
            Issue.record("a text file opened as a database")
        } catch {
            #expect(
                error.readingMessage.contains(folder.db) && error.readingMessage.hasPrefix("dltutor: cannot read"),
                "\(error.readingMessage)")
        }
        let store = try openSaving(folder.db + "2")
        try store.record(attempt("q1", "a", at: day(1)))
        let before = try FileManager.default.attributesOfItem(atPath: folder.db + "2")[.modificationDate] as? Date
        let reader = try SQLiteStore(readingFrom: folder.db + "2")
        #expect(try reader.export(.json, since: nil).contains("\"q1\""))
        #expect(!reader.isSaving)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.db + "2")[.modificationDate] as? Date == before)
    }
}
