import Foundation
import PTYTestSupport
import Testing

/// The local tutor's edges through the real binary: output that could not be written, export
/// targets that are not regular files, bounded batch input, numeric options, partial content,
/// and runs that end before their screen opens.
@Suite("dltutor local edges", .serialized)
struct LocalEdgesEndToEndTests {
    typealias Folder = ProgressEndToEndTests.Folder
    static let content = TutorEndToEndTests.content
    static let binary = PTYHarness.builtProduct("dltutor")

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `dltutor args` with standard output sent to `stdout` (a path) or captured; the
    /// content cache lives in the test's folder.
    func run(_ args: [String], stdout path: String? = nil, stdin: String? = nil, env extra: [String: String] = [:]) throws -> Run
    {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] =
            URL(fileURLWithPath: Self.binary).deletingLastPathComponent().appendingPathComponent("test-cache").path
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        if let path {
            p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path)) // throws if it cannot open
        } else {
            p.standardOutput = out
        }
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = path == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// A database with `count` attempts, written by the store-writer helper.
    func seeded(_ folder: Folder, count: Int = 3) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYHarness.builtProduct("store-writer"))
        p.arguments = [folder.db, String(count), "q1"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    // MARK: Output that could not be written

    @Test func everyCommandWithItsOutputOnAFullDeviceSaysSoAndExits74() throws {
        let folder = Folder()
        try seeded(folder)
        let batch = folder.path + "/batch.tsv"
        try "q3\ta.total\t691\n".write(toFile: batch, atomically: true, encoding: .utf8)
        let c = Self.content
        let commands: [[String]] = [
            ["--version"], ["--help"], ["list", "--content", c], ["key", "--content", c],
            ["key", "q3", "--format", "json", "--content", c], ["check", "--content", c, "q3", "a.total", "691"],
            ["check", "--content", c, "q3", "a.total", "691", "--json"], ["check", "--content", c, "--batch", batch],
            ["eval", "1+2"], ["exams"], ["stats", "--db", folder.db, "--content", c], ["export", "--db", folder.db],
            ["export", "--db", folder.db, "--format", "json"], ["lint", c, "--seeds", "1"],
            ["reset", "--db", folder.path + "/none.sqlite"]
        ]
        for args in commands {
            let r = try run(args, stdout: "/dev/full")
            #expect(r.status == 74, "\(args): \(r.status) \(r.err)")
            #expect(
                r.err.contains("could not write the output to standard output (No space left on device)"), "\(args): \(r.err)")
        }
    }

    /// A file that stops growing (the file-size limit; SIGXFSZ ignored, so writes fail with
    /// EFBIG as on a full disk): `export > file` fails instead of leaving a truncated export,
    /// and `export -o FILE` leaves no file behind, so the retry is not refused.
    @Test func anExportThatCannotBeWrittenWholeFailsAndLeavesNoFile() throws {
        let folder = Folder()
        try seeded(folder, count: 2_000) // a CSV of about 180 KB
        let limited = "trap '' XFSZ; ulimit -f 100; exec \"$@\"" // files up to 100 × 512 bytes
        func limitedRun(_ args: [String]) throws -> Run {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", limited, "sh", Self.binary] + args
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return Run(status: p.terminationStatus, out: "", err: String(decoding: e, as: UTF8.self))
        }
        let redirected = folder.path + "/redirected.csv"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", limited + " > '\(redirected)'", "sh", Self.binary, "export", "--db", folder.db]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 74 && e.contains("could not write the output"), "\(p.terminationStatus) \(e)")
        let out = folder.path + "/grades.csv"
        for force in [false, true] {
            let r = try limitedRun(["export", "--db", folder.db, "-o", out] + (force ? ["--force"] : []))
            #expect(r.status == 1 && r.err.contains("cannot write '\(out)'") && r.err.contains("nothing was written"), "\(r)")
            #expect(!FileManager.default.fileExists(atPath: out), "the half-written file was removed")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("dltutor-") }.isEmpty)
        let retry = try run(["export", "--db", folder.db, "-o", out])
        #expect(retry.status == 0, "\(retry.err)")
    }

    // MARK: export -o targets

    @Test func exportRefusesEveryTargetThatIsNotARegularFileForcedOrNot() throws {
        let folder = Folder()
        try seeded(folder)
        let fifo = folder.path + "/pipe", dir = folder.path + "/dir", link = folder.path + "/link.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        try "keep".write(toFile: folder.path + "/real.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path + "/real.csv")
        let targets = [
            ("/dev/null", "a device"), ("/dev/full", "a device"), ("/dev/stdout", "a symbolic link"), (fifo, "a FIFO"),
            (dir, "a folder"), (link, "a symbolic link")
        ]
        for (target, kind) in targets {
            for force in [false, true] {
                let r = try run(["export", "--db", folder.db, "-o", target] + (force ? ["--force"] : []))
                #expect(r.status != 0 && r.err.contains("is \(kind), not a regular file"), "\(target) \(force): \(r.err)")
                #expect(!r.err.contains("--force"), "never suggests --force for \(target)")
            }
        }
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat(link, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: folder.path + "/real.csv", encoding: .utf8) == "keep")
        // The database's rollback journal is protected like its -wal and -shm.
        try "journal".write(toFile: folder.db + "-journal", atomically: true, encoding: .utf8)
        let journal = try run(["export", "--db", folder.db, "-o", folder.db + "-journal", "--force"])
        #expect(journal.status != 0 && journal.err.contains("is the progress database (its -journal file)"), "\(journal.err)")
    }

    // MARK: Batch input

    @Test func batchInputMustBeAFileOrAPipeAndItsLinesAreBounded() throws {
        let folder = Folder()
        let c = Self.content
        for (path, what) in [(folder.path, "it is a folder"), ("/dev/zero", "not a regular file or a pipe")] {
            let r = try run(["check", "--content", c, "--batch", path])
            #expect(r.status == 64 && r.err.contains(what), "\(path): \(r)")
        }
        let long = "q3\ta.total\t" + String(repeating: "9", count: 100_000)
        let r = try run(["check", "--content", c, "--batch", "-"], stdin: "q3\ta.total\t691\n\(long)\nq3\ta.total\t619\n")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 3, "\(r.out.prefix(500))")
        #expect(lines.count == 3 && lines[1].contains("longer than 65536 bytes"), "\(r.out.prefix(500))")
        #expect(r.status == 3)
    }

    // MARK: Options and content

    @Test func negativeNumbersAreOutOfRange() throws {
        let c = Self.content
        for (args, option) in [
            (["key", "--content", c, "--seed", "-1"], "--seed -1"), (["list", "--content", c, "--seed=-7"], "--seed -7"),
            (["quiz", "--content", c, "--minutes", "-1"], "--minutes -1"), (["lint", c, "--seeds", "-2"], "--seeds -2")
        ] {
            let r = try run(args)
            #expect(r.status == 64 && r.err.contains("\(option) is out of range"), "\(args): \(r.err)")
            #expect(!r.err.contains("Missing value"))
        }
        let answer = try run(["check", "--content", c, "q5", "b.nodes", "--", "-1"])
        #expect(!answer.err.contains("out of range"), "an answer after -- is not an option value")
    }

    @Test func keyAndListFailWhenAQuestionDidNotLoad() throws {
        let folder = Folder()
        let exam = folder.path + "/exam"
        try FileManager.default.copyItem(atPath: Self.content, toPath: exam)
        try "id: q2\ntitle: [unclosed\n".write(toFile: exam + "/q2.yaml", atomically: true, encoding: .utf8)
        for args in [["list"], ["key"], ["key", "--format", "json"]] {
            let r = try run(args + ["--content", exam])
            #expect(r.status == 1, "\(args): \(r.status)")
            #expect(r.out.lowercased().contains("q3"), "\(args): what loaded is still printed")
            #expect(r.err.contains("q2.yaml"), "\(r.err)")
            if args == ["list"] {
                #expect(r.out.contains("q2  q2  — has errors: run dltutor lint"), "list names it: \(r.out)")
            } else {
                #expect(r.err.contains("missing from this output"), "\(r.err)")
            }
        }
        let intact = try run(["list", "--content", Self.content])
        #expect(intact.status == 0)
    }

    @Test func resetOnAMissingDatabaseCreatesNothing() throws {
        let folder = Folder()
        let db = folder.path + "/new.sqlite"
        let r = try run(["reset", "--yes", "--db", db])
        #expect(r.status == 0 && r.out.contains("nothing to delete") && !r.out.contains("Deleted"), "\(r)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    // MARK: Runs that end before the screen opens

    /// Not a terminal, TERM=dumb, an unknown TERM: exit 2 with the reason, and no database file
    /// (nor its folder) is created, for the tutor and for every other full-screen mode.
    @Test func aRunThatCannotOpenItsScreenCreatesNoDatabase() throws {
        let folder = Folder()
        let db = folder.path + "/sub/progress.sqlite"
        let modes: [[String]] = [
            ["practice", "--no-tour"], ["quiz", "--minutes", "5"], ["drill"], ["review"]
        ]
        for mode in modes {
            let piped = try run(mode + ["--content", Self.content, "--db", db])
            #expect(piped.status == 2 && piped.err.contains("not a terminal"), "\(mode): \(piped.err)")
            for term in ["dumb", "no-such-terminal"] {
                var env = PTYProcess.defaultEnvironment
                env["TERM"] = term
                let h = try PTYHarness(
                    executable: Self.binary, arguments: mode + ["--content", Self.content, "--db", db], environment: env)
                #expect(h.waitForExit() == .exited(2), "\(mode) TERM=\(term)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no folder, file, -wal or -shm")
    }

    /// At 4 file descriptors libdispatch would trap (SIGILL, no message): a clear line instead.
    @Test func tooFewFileDescriptorsIsAMessageNotATrap() throws {
        let folder = Folder()
        try seeded(folder)
        for args in [["stats", "--content", Self.content], ["export"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "ulimit -n 4; exec \"$@\"", "sh", Self.binary] + args + ["--db", folder.db]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationReason == .exit && p.terminationStatus == 1, "\(args): \(p.terminationStatus)")
            #expect(e.contains("too few file descriptors (ulimit -n is 4)"), "\(args): \(e)")
        }
    }

    // MARK: The database path

    @Test func aFIFOAsTheDatabaseIsRefusedAtOnce() throws {
        let folder = Folder()
        #expect(mkfifo(folder.db, 0o600) == 0)
        for args in [["stats", "--content", Self.content], ["export"]] {
            let r = try run(args + ["--db", folder.db])
            #expect(r.status == 1 && r.err.contains("it is a FIFO, not a regular file"), "\(args): \(r.err)")
        }
    }

    /// `stats` and `export` of a database no tutor has open (no -wal, no -shm) create neither.
    @Test func readingCreatesNoSideFiles() throws {
        let folder = Folder()
        try seeded(folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(before == ["progress.sqlite"], "\(before)")
        for args in [["stats", "--content", Self.content], ["export"]] {
            let r = try run(args + ["--db", folder.db])
            #expect(r.status == 0, "\(r.err)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        try Data().write(to: URL(fileURLWithPath: folder.path + "/empty.sqlite"))
        let empty = try run(["export", "--db", folder.path + "/empty.sqlite"])
        #expect(empty.status == 1 && empty.err.contains("the file is empty"), "\(empty.err)")
        #expect(!empty.err.contains("older dltutor"))
    }
}
