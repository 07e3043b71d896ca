import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// Progress through the real binary: real SQLite files in a temporary folder, real processes.
@Suite("dltutor progress in a pty", .serialized)
struct ProgressEndToEndTests {
    static let content = TutorEndToEndTests.content

    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-e2e-\(UUID().uuidString)").path
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        var db: String { path + "/progress.sqlite" }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Practice runs skip the first-run tour (its own test shows it).
    func tutor(_ args: [String]) throws -> PTYHarness {
        let practice = !["quiz", "review", "demo", "drill"].contains(args.first ?? "")
        return try PTYHarness(executable: PTYHarness.builtProduct("dltutor"), arguments: args + (practice ? ["--no-tour"] : []))
    }

    /// Runs a non-interactive command of the built binary and returns its standard output.
    func command(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYHarness.builtProduct("dltutor"))
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func exportedInputs(_ db: String) throws -> [String] {
        let r = try command(["export", "--db", db, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        return rows.filter { $0["kind"] as? String == "attempt" }.compactMap { $0["input"] as? String }
    }

    @Test func sigkillDuringAQuizLosesNoCheckedAnswer() throws {
        let f = Folder()
        let h = try tutor(["quiz", "--content", Self.content, "--db", f.db, "--minutes", "5", "--questions", "q3", "--seed", "4"])
        #expect(h.waitFor(text: "start the clock"))
        h.press(.enter)
        #expect(h.waitFor(text: "left"))
        h.type("6")
        h.press(.enter)
        // Enter submits and moves on to the next step.
        #expect(h.waitFor(text: "Sent; verdicts come at the end."))
        #expect(h.waitFor(text: "Step 2/8"))
        h.type("[5, 7, 7, 7, 7, 7, 7, 10]")
        h.press(.enter)
        #expect(h.waitUntil { $0.contains("2/8 sent") })
        h.signal(SIGKILL)
        #expect(h.waitForExit() == .signaled(SIGKILL))
        #expect(try exportedInputs(f.db) == ["6", "[5, 7, 7, 7, 7, 7, 7, 10]"])
        // The quiz can still be continued, so its verdicts stay hidden from the export.
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(command(["export", "--db", f.db, "--format", "json"]).out.utf8))
                as? [[String: Any]])
        #expect(rows.filter { $0["kind"] as? String == "attempt" }.allSatisfy { $0["verdict"] as? String == "running" })
        // Start again: the tutor opens on the same file; its stats leave the running quiz out.
        let again = try tutor(["--content", Self.content, "--db", f.db])
        #expect(again.waitFor(text: "q quit"))
        again.type("s")
        #expect(again.waitFor(text: "Accuracy per question"))
        again.settle()
        #expect(!again.lines.contains { $0.contains("Q3") && $0.contains("2/2") }, "no verdict of the running quiz")
        again.press(.escape)
        again.type("q")
        #expect(again.waitForExit() == .exited(0))
    }

    @Test func practiceReopensWhereTheStudentLeftOff() throws {
        let f = Folder()
        let h = try tutor(["--content", Self.content, "--db", f.db])
        #expect(h.waitFor(text: "q quit"))
        h.type("3")
        h.press(.tab, .tab, .tab)
        h.type("619")
        h.press(.enter)
        #expect(h.waitFor(text: "✓ Correct."))
        h.press(.enter) // on to the next step
        #expect(h.waitFor(text: "Step 5/8"))
        h.press(.escape)
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
        let again = try tutor(["--content", Self.content, "--db", f.db])
        #expect(again.waitFor(text: "Welcome back"))
        #expect(again.waitFor(text: "Step 5/8"))
        #expect(again.waitUntil { $0.contains("✓ total parameters") })
        again.press(.ctrl("c"))
        #expect(again.waitForExit() == .exited(130))
    }

    @Test func aCorruptFileIsNeitherUsedNorTouched() throws {
        let f = Folder()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: f.db))
        let h = try tutor(["--content", Self.content, "--db", f.db])
        #expect(h.waitFor(text: "Not saving:"))
        h.type("3")
        h.press(.tab, .tab, .tab)
        h.type("619")
        h.press(.enter)
        #expect(h.waitFor(text: "✓ Correct."), "the tutor goes on without saving")
        h.press(.ctrl("c")) // unsaved work: asks first
        #expect(h.waitFor(text: "not saved (progress storage is off)"))
        h.type("y")
        #expect(h.waitForExit() == .exited(0))
        #expect(FileManager.default.contents(atPath: f.db) == garbage, "never deleted or overwritten")
    }

    @Test func twoTutorsOnOneDatabaseBothSave() throws {
        let f = Folder()
        let a = try tutor(["--content", Self.content, "--db", f.db, "--question", "q3"])
        let b = try tutor(["--content", Self.content, "--db", f.db, "--question", "q4"])
        #expect(a.waitFor(text: "Answer →"))
        #expect(b.waitFor(text: "Answer →"))
        // Both type and check before either is waited on, so their writes interleave.
        let answersA = [
            ("hidden layers", "7"), ("layer sizes", "[19, 8, 8, 8, 8, 8, 8, 8, 3]"), ("weight shapes", "8x20, 8x9 (x6), 3x9")
        ]
        let answersB = [("input with bias", "1025"), ("z, layer 1", "256"), ("W, layer 1", "256x1025")]
        for ((stepA, inputA), (stepB, inputB)) in zip(answersA, answersB) {
            a.type(inputA)
            b.type(inputB)
            a.press(.enter)
            b.press(.enter)
            #expect(a.waitUntil { $0.contains("✓ \(stepA)") })
            #expect(b.waitUntil { $0.contains("✓ \(stepB)") })
            a.press(.enter) // next step
            b.press(.enter)
        }
        a.press(.escape)
        b.press(.escape)
        #expect(a.waitFor(text: "q quit"))
        #expect(b.waitFor(text: "q quit"))
        a.type("q")
        b.type("q")
        #expect(a.waitForExit() == .exited(0))
        #expect(b.waitForExit() == .exited(0))
        let inputs = try exportedInputs(f.db)
        #expect(Set(inputs) == Set((answersA + answersB).map(\.1)))
    }

    @Test func resetAsksAndExportFiltersByDate() throws {
        let f = Folder()
        let h = try tutor(["--content", Self.content, "--db", f.db, "--question", "q3"])
        #expect(h.waitFor(text: "Answer →"))
        h.type("7")
        h.press(.enter)
        #expect(h.waitFor(text: "Correct"))
        h.press(.ctrl("c"))
        _ = h.waitForExit()
        #expect(try exportedInputs(f.db) == ["7"])
        #expect(
            try command(["export", "--db", f.db, "--since", "2999-01-01"]).out.split(separator: "\n").count == 1, "header only")
        let refused = try command(["reset", "--content", Self.content, "--db", f.db])
        #expect(refused.status == 64, "no terminal and no --yes: refuses")
        #expect(try exportedInputs(f.db) == ["7"])
        let done = try command(["reset", "--content", Self.content, "--db", f.db, "--question", "q3", "--yes"])
        #expect(done.status == 0)
        #expect(try exportedInputs(f.db).isEmpty)
    }

    /// A folder that is really read-only, even for root: a read-only bind mount of it, made in a
    /// private mount namespace (`unshare -m`), so nothing outside the test sees it.
    @Test func aReadOnlyFolderIsReadButNeverWritten() throws {
        let f = Folder()
        let h = try tutor(["--content", Self.content, "--db", f.db, "--question", "q3"])
        #expect(h.waitFor(text: "Answer →"))
        h.type("7")
        h.press(.enter)
        #expect(h.waitFor(text: "Correct"))
        h.press(.ctrl("c"))
        _ = h.waitForExit()
        let before = FileManager.default.contents(atPath: f.db)
        let binary = PTYHarness.builtProduct("dltutor")
        let readOnly = "mount --bind '\(f.path)' '\(f.path)' && mount -o remount,bind,ro '\(f.path)' && "
        // On a writable file, stats print no "not saving" line at all.
        let writable = try command(["stats", "--content", Self.content, "--db", f.db])
        #expect(writable.status == 0 && writable.err.isEmpty && !writable.out.contains("not being saved"), "\(writable.err)")
        // Stats still read a read-only file; that the tutor could not save there goes to stderr.
        let r = try command(["--help"]) // warm-up: the binary runs at all
        #expect(r.status == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "sh", "-c", readOnly + "exec '\(binary)' stats --content '\(Self.content)' --db '\(f.db)'"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "unshare/mount must work here (root on this machine kind): \(e)")
        #expect(e.contains("progress is not being saved") && e.contains("read-only"), "\(e)")
        #expect(!o.contains("not being saved"), "stdout is the report alone")
        #expect(o.contains("Q3") && o.contains("1/1"), "reading still works: \(o)")
        // The tutor itself runs, checks answers, and writes nothing.
        let t = try PTYHarness(
            executable: "/usr/bin/unshare",
            arguments: ["-m", "sh", "-c", readOnly + "exec '\(binary)' --content '\(Self.content)' --db '\(f.db)' --question q3"])
        #expect(t.waitFor(text: "Answer →"))
        t.type("7")
        t.press(.enter)
        #expect(t.waitFor(text: "Correct"))
        t.press(.ctrl("c")) // not saving: asks first
        #expect(t.waitFor(text: "Quit dltutor?"))
        t.type("y")
        #expect(t.waitForExit() == .exited(0))
        #expect(FileManager.default.contents(atPath: f.db) == before, "the file is never written")
    }
}
