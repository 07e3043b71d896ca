import Foundation
import PTYTestSupport
import Testing

/// `export -o` and `stats` through the real binary on real SQLite files: never overwrite a file
/// unasked, never the progress database, and a database that cannot be read is an error.
@Suite("dltutor export and stats edges", .serialized)
struct SafeExportEndToEndTests {
    typealias Folder = ProgressEndToEndTests.Folder
    let e2e = ProgressEndToEndTests()

    /// A database with three attempts, written through TutorStore by the store-writer helper.
    func seeded(_ folder: Folder) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYHarness.builtProduct("store-writer"))
        p.arguments = [folder.db, "3", "q1"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func exportRefusesAnExistingFileUnlessForced() throws {
        let folder = Folder()
        try seeded(folder)
        let out = folder.path + "/grades.csv"
        try "keep me".write(toFile: out, atomically: true, encoding: .utf8)
        let refused = try e2e.command(["export", "--db", folder.db, "-o", out])
        #expect(refused.status != 0 && refused.err.contains("exists; pass --force to replace it"), "\(refused)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        let forced = try e2e.command(["export", "--db", folder.db, "-o", out, "--force"])
        #expect(forced.status == 0, "\(forced.err)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("answer 2"))
        let fresh = try e2e.command(["export", "--db", folder.db, "-o", folder.path + "/new.json", "--format", "json"])
        #expect(fresh.status == 0 && FileManager.default.fileExists(atPath: folder.path + "/new.json"))
    }

    @Test func exportNeverOverwritesTheDatabaseEvenForcedOrUnderAnotherName() throws {
        let folder = Folder()
        try seeded(folder)
        let link = folder.path + "/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.db)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.db))
        var names = [folder.db, link, folder.path + "/./progress.sqlite"]
        if FileManager.default.fileExists(atPath: folder.db + "-wal") { names.append(folder.db + "-wal") }
        for name in names {
            let r = try e2e.command(["export", "--db", folder.db, "-o", name, "--force"])
            #expect(r.status != 0 && r.err.contains("is the progress database"), "\(name): \(r)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.db)) == before)
        #expect(try e2e.exportedInputs(folder.db) == ["answer 0", "answer 1", "answer 2"])
    }

    @Test func aMistypedDatabaseIsAnErrorAndCreatesNothing() throws {
        let folder = Folder()
        // A mistyped folder, and a mistyped file name in a folder that exists.
        for typo in [folder.path + "/no-such-dir/progress.sqlite", folder.path + "/progres.sqlite"] {
            for args in [["export", "--db", typo], ["stats", "--db", typo, "--content", ProgressEndToEndTests.content]] {
                let r = try e2e.command(args)
                #expect(r.status == 1 && r.out.isEmpty, "\(args[0]): \(r)")
                #expect(r.err.contains("there is no progress database at \(typo)"), "\(r.err)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no folder, file, -wal or -shm")
    }

    @Test func anUnreadableDatabaseIsAnErrorNotAnEmptyExport() throws {
        let folder = Folder()
        try String(repeating: "not a database ", count: 100).write(toFile: folder.db, atomically: true, encoding: .utf8)
        for args in [["export", "--db", folder.db], ["stats", "--db", folder.db, "--content", ProgressEndToEndTests.content]] {
            let r = try e2e.command(args)
            #expect(r.status == 1 && r.out.isEmpty, "\(args[0]): \(r)")
            #expect(r.err.contains("cannot read the progress database at \(folder.db)"), "\(r.err)")
        }
    }
}
