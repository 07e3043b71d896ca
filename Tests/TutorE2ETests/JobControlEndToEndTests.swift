import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// Ctrl-Z, fatal signals and traps with the real `dltutor`: the terminal is given back on every
/// path. Ctrl-Z runs under a real job-control shell (bash -i in the pty), because only a shell
/// that owns the terminal says "Stopped" and can `fg` the tutor; the smoke program's own test
/// could not see that the tutor's run loop thread blocked SIGTSTP.
@Suite("dltutor job control and fatal signals in a pty", .serialized)
struct JobControlEndToEndTests {
    static let content = TutorEndToEndTests.content
    static let binary = PTYHarness.builtProduct("dltutor")

    /// An interactive bash in the pty, with a plain prompt and no startup files.
    func shell() throws -> PTYHarness {
        var env = PTYProcess.defaultEnvironment
        env["PS1"] = "sh$ "
        let h = try PTYHarness(executable: "/bin/bash", arguments: ["--norc", "--noprofile", "-i"], environment: env)
        #expect(h.waitFor(text: "sh$"))
        return h
    }

    /// Quotes a word for the shell command line.
    func quoted(_ words: [String]) -> String { words.map { "'\($0)'" }.joined(separator: " ") }

    /// Ctrl-Z in the shell: the shell reports the tutor stopped and has the terminal back (main
    /// screen, cursor shown; readline sets its own line mode); `fg` brings the tutor back and it
    /// repaints everything.
    func suspendAndResume(_ h: PTYHarness, expect text: String) {
        h.settle()
        h.press(.ctrl("z"))
        #expect(h.waitFor(text: "Stopped"), "the shell says the tutor stopped")
        #expect(!h.screen.alternateScreen && h.screen.cursorVisible, "the shell has its screen back")
        #expect(h.process.termios().map { $0.c_lflag & tcflag_t(ISIG) != 0 } == true)
        h.settle()
        h.resetScreen() // forget the picture: fg must repaint it all
        h.type("fg\r")
        #expect(h.waitFor(text: text), "fg repaints the screen")
    }

    @Test func ctrlZStopsTheTutorAndFgRepaintsFromEveryScreen() throws {
        let db = TutorEndToEndTests.scratchDB()
        defer { TutorEndToEndTests.remove(db) }
        let h = try shell()
        h.type(quoted([Self.binary, "practice", "--no-tour", "--content", Self.content, "--db", db]) + "\r")
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        suspendAndResume(h, expect: "Q3  Parameter counting") // start screen
        h.type("3")
        #expect(h.waitFor(text: "Q3 · Parameter counting"))
        h.type("69") // typed, not checked
        suspendAndResume(h, expect: "Q3 · Parameter counting") // question screen
        #expect(h.waitFor(text: "69"), "nothing typed is lost")
        h.press(.function(1))
        #expect(h.waitFor(text: "dltutor keys"))
        suspendAndResume(h, expect: "dltutor keys") // help overlay
        h.press(.escape)
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        h.waitUntil { $0.contains("Quit dltutor?") || !$0.alternateScreen }
        if h.screen.contains("Quit dltutor?") { h.type("y") }
        #expect(h.waitUntil { !$0.alternateScreen })
        h.type("echo status=$?\r")
        #expect(h.waitFor(text: "status=0"))
    }

    /// How the tutor is started from the shell: directly, from a shell script (`sh -c "…; true"`)
    /// or by `make` (the README's `make run`). In the last two, Ctrl-Z stops the parent too and
    /// the shell takes the terminal back while the tutor is still leaving curses.
    enum Launch: String, CaseIterable, CustomStringConvertible {
        case direct, shellScript, make
        var description: String { rawValue }
    }

    /// The command line typed into the shell for `launch`; a Makefile is written to `folder`.
    func commandLine(_ launch: Launch, _ tutor: [String], folder: String) throws -> String {
        switch launch {
        case .direct:
            return quoted(tutor)
        case .shellScript:
            return "sh -c " + "'" + tutor.map { "\"\($0)\"" }.joined(separator: " ") + "; true'"
        case .make:
            let makefile = folder + "/Makefile"
            try ("run:\n\t@" + quoted(tutor) + "\n").write(toFile: makefile, atomically: true, encoding: .utf8)
            return quoted(["make", "-s", "-f", makefile, "run"])
        }
    }

    /// Ctrl-Z when the tutor runs under a parent (make, sh): the parent stops at once and the
    /// shell may print "Stopped" before the tutor has left its screen, so the job's state is
    /// asked with `jobs` once the shell has the terminal back; then `fg` as above.
    func suspendParentAndResume(_ h: PTYHarness, expect text: String) {
        h.settle()
        h.press(.ctrl("z"))
        #expect(h.waitUntil { !$0.alternateScreen && $0.cursorVisible }, "the shell has its screen back")
        #expect(h.process.termios().map { $0.c_lflag & tcflag_t(ISIG) != 0 } == true)
        h.settle()
        h.type("jobs\r")
        #expect(h.waitFor(text: "Stopped"), "the shell lists the job as stopped")
        h.settle()
        h.resetScreen() // forget the picture: fg must repaint it all
        h.type("fg\r")
        #expect(h.waitFor(text: text), "fg repaints the screen")
    }

    /// Ctrl-Z then `fg`, three times in a row, for every launch style: the tutor comes back and
    /// repaints each time, keeps what was typed, and quits with status 0.
    @Test(arguments: Launch.allCases)
    func ctrlZAndFgBringTheTutorBack(launch: Launch) throws {
        let db = TutorEndToEndTests.scratchDB()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-job-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            TutorEndToEndTests.remove(db)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let h = try shell()
        let tutor = [Self.binary, "practice", "--no-tour", "--content", Self.content, "--db", db]
        h.type(try commandLine(launch, tutor, folder: folder) + "\r")
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        h.type("3")
        #expect(h.waitFor(text: "Q3 · Parameter counting"))
        h.type("69")
        for _ in 1...3 {
            if launch == .direct {
                suspendAndResume(h, expect: "Q3 · Parameter counting")
            } else {
                suspendParentAndResume(h, expect: "Q3 · Parameter counting")
            }
        }
        #expect(h.waitFor(text: "69"), "nothing typed is lost")
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        h.waitUntil { $0.contains("Quit dltutor?") || !$0.alternateScreen }
        if h.screen.contains("Quit dltutor?") { h.type("y") }
        #expect(h.waitUntil { !$0.alternateScreen })
        h.type("echo status=$?\r")
        #expect(h.waitFor(text: "status=0"))
    }

    /// The README promises the quiz clock pauses while the tutor is stopped: three seconds
    /// stopped cost at most one displayed second (the time to type `fg` and repaint).
    @Test func aQuizClockPausesWhileStopped() throws {
        let db = TutorEndToEndTests.scratchDB()
        defer { TutorEndToEndTests.remove(db) }
        let h = try shell()
        h.type(
            quoted([
                Self.binary, "quiz", "--content", Self.content, "--db", db, "--minutes", "5",
                "--questions", "q3"
            ]) + "\r")
        #expect(h.waitFor(text: "start the clock")) // the quiz's ready screen
        h.press(.enter)
        #expect(h.waitFor(text: " left"))
        h.settle()
        let before = try #require(secondsLeft(h))
        h.press(.ctrl("z"))
        #expect(h.waitFor(text: "Stopped"))
        sleep(3)
        h.type("fg\r")
        h.resetScreen()
        #expect(h.waitFor(text: " left"))
        h.settle()
        let after = try #require(secondsLeft(h))
        #expect(before - after <= 1, "\(before) s left before, \(after) s after 3 s stopped")
        h.press(.ctrl("c"))
        #expect(h.waitFor(text: "Quit dltutor?"))
    }

    func secondsLeft(_ h: PTYHarness) -> Int? {
        for line in h.lines {
            guard let r = line.range(of: #"(\d\d):(\d\d) left"#, options: .regularExpression) else { continue }
            let parts = line[r].prefix(5).split(separator: ":").compactMap { Int($0) }
            if parts.count == 2 { return parts[0] * 60 + parts[1] }
        }
        return nil
    }

    /// Runs the tutor directly in the pty with core dumps off (the default action of SIGQUIT
    /// and of a trap dumps core; no test should leave a core file behind).
    func tutor(_ args: [String]) throws -> PTYHarness {
        try PTYHarness(executable: "/bin/sh", arguments: ["-c", "ulimit -c 0; exec " + quoted([Self.binary] + args)])
    }

    func expectRestored(_ h: PTYHarness) {
        #expect(h.process.isCookedMode, "stty: canonical mode and echo are back")
        #expect(!h.screen.alternateScreen, "the alternate screen was left")
        #expect(h.screen.cursorVisible, "the cursor is shown")
    }

    @Test func ctrlBackslashRestoresTheTerminalAndDiesOfSIGQUIT() throws {
        let db = TutorEndToEndTests.scratchDB()
        defer { TutorEndToEndTests.remove(db) }
        let h = try tutor(["practice", "--no-tour", "--content", Self.content, "--db", db])
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        h.settle()
        #expect(h.screen.alternateScreen && !h.process.isCookedMode)
        h.process.write([0x1c]) // Ctrl-\ : the tty sends SIGQUIT
        #expect(h.waitForExit() == .signaled(SIGQUIT), "re-raised with the default action")
        expectRestored(h)
    }

    @Test(arguments: [SIGABRT, SIGSEGV, SIGBUS, SIGFPE])
    func fatalSignalsRestoreTheTerminal(sig: Int32) throws {
        let db = TutorEndToEndTests.scratchDB()
        defer { TutorEndToEndTests.remove(db) }
        let h = try tutor(["practice", "--no-tour", "--content", Self.content, "--db", db])
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        h.settle()
        h.signal(sig)
        #expect(h.waitForExit() == .signaled(sig))
        expectRestored(h)
    }

    @Test func aSwiftRuntimeTrapRestoresTheTerminalAndShowsItsMessage() throws {
        let db = TutorEndToEndTests.scratchDB()
        defer { TutorEndToEndTests.remove(db) }
        let h = try tutor(["practice", "--no-tour", "--content", Self.content, "--db", db, "--test-trap"])
        let status = h.waitForExit(timeout: .seconds(10))
        #expect(status == .signaled(SIGILL) || status == .signaled(SIGTRAP), "\(String(describing: status))")
        expectRestored(h)
        #expect(h.screen.contains("forced trap (--test-trap)"), "the trap's message reaches the user")
    }

    @Test func aTerminalWithoutCursorAddressingExits2WithAClearLine() throws {
        var env = PTYProcess.defaultEnvironment
        env["TERM"] = "dumb"
        let h = try PTYHarness(
            executable: Self.binary,
            arguments: [
                "practice", "--no-tour", "--content", Self.content,
                "--db", "/dev/null/none.sqlite"
            ], environment: env)
        #expect(h.waitFor(text: "cannot move the cursor"))
        #expect(h.waitForExit() == .exited(2))
        #expect(h.process.isCookedMode)
    }
}
