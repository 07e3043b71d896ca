import PTYTestSupport
import TerminalUI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// CursesTerminal end to end: the real `curses-smoke` binary in a real pty, read back through
/// VTScreen. Serialized: each test owns a child process and its timing.
@Suite(.serialized) struct CursesSmokeTests {
    static let binary = PTYHarness.builtProduct("curses-smoke")

    func start(columns: Int = 80, rows: Int = 24, environment: [String: String]? = nil) throws -> PTYHarness {
        let h = try PTYHarness(executable: Self.binary, environment: environment, columns: columns, rows: rows)
        #expect(
            h.waitFor(text: "Enter submits"),
            "first frame never completed (\(String(describing: h.process.reap()))):\n\(h.screen.text)")
        h.settle()
        return h
    }

    @Test func firstFrameShowsUnicodeAndSize() throws {
        let h = try start()
        #expect(h.lines[0] == "curses-smoke σ ∇ ŷ × 漢字")
        #expect(h.lines[1] == "size 80x24")
        #expect(h.lines[3] == "answer>")
        #expect(h.screen.alternateScreen && h.screen.cursorVisible)
        #expect(h.screen.cursor == Point(x: 8, y: 3)) // hardware cursor on the field
        #expect(h.screen.cell(row: 0, column: 0).attributes.bold)
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func strayStderrDoesNotCorruptTheScreenAndIsShownAfterExit() throws {
        let h = try start()
        let before = h.lines
        h.press(.ctrl("e"))
        h.type("x")
        #expect(h.waitFor(text: "answer> x"))
        h.settle()
        #expect(!h.screen.contains("stray stderr line"), "nothing lands behind the interface")
        #expect(h.lines[0] == before[0])
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
        #expect(h.screen.contains("stray stderr line"), "replayed to stderr after the interface closes")
    }

    @Test func ctrlLRepaints() throws {
        let h = try start()
        h.resetScreen() // forget what is on screen, as if it were garbled
        h.press(.ctrl("l"))
        #expect(h.waitFor(text: "curses-smoke σ"), "Ctrl-L sends the whole screen again, title included")
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func typingAndEditingKeysAppear() throws {
        let h = try start()
        h.type("aσ漢x")
        #expect(h.waitFor(text: "answer> aσ漢x"))
        h.press(.left)
        h.press(.backspace) // removes 漢
        #expect(h.waitFor(text: "last key: Backspace"))
        h.settle()
        #expect(h.lines[3] == "answer> aσx")
        #expect(h.screen.cursor == Point(x: 10, y: 3))
        h.press(.home)
        h.press(.delete)
        h.press(.end)
        h.type("2")
        #expect(h.waitFor(text: "answer> σx2"))
        h.press(.enter)
        #expect(h.waitFor(text: "entered: σx2 ✓"))
        h.press(.up) // history recall
        #expect(h.waitFor(text: "answer> σx2"))
        h.press(.ctrl("u"))
        #expect(h.waitFor(text: "last key: Ctrl-U"))
        h.settle()
        #expect(h.lines[3] == "answer>")
        h.press(.function(1))
        #expect(h.waitFor(text: "last key: F1"))
        h.press(.escape)
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func resizeReflows() throws {
        let h = try start()
        let before = h.lines[6]
        h.resize(columns: 100, rows: 30)
        #expect(h.waitFor(text: "size 100x30"))
        h.settle()
        #expect(h.lines[6] != before && h.lines[6].count > 80)
        #expect(h.lines[29].hasSuffix("Enter submits") && h.lines[29].count == 100)
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func ctrlCExits130AndRestoresTheTerminal() throws {
        let h = try start()
        #expect(!h.process.isCookedMode) // cbreak, noecho while running
        h.press(.ctrl("c"))
        #expect(h.waitForExit() == .exited(130))
        #expect(h.process.isCookedMode) // icanon + echo back
        #expect(!h.screen.alternateScreen && h.screen.cursorVisible && !h.screen.applicationKeypad)
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)] as [(Int32, Int32)])
    func terminatingSignalsExitCleanly(signal: Int32, code: Int32) throws {
        let h = try start()
        h.signal(signal)
        #expect(h.waitForExit() == .exited(code))
        #expect(h.process.isCookedMode && !h.screen.alternateScreen)
    }

    @Test func stopAndContinueRepaints() throws {
        let h = try start()
        h.process.signal(SIGSTOP)
        usleep(30_000)
        h.settle()
        h.resetScreen() // the terminal "lost" the picture
        h.process.signal(SIGCONT) // our SIGCONT handler: full repaint
        #expect(h.waitFor(text: "Enter submits"))
        h.settle()
        #expect(h.lines[0] == "curses-smoke σ ∇ ŷ × 漢字")
        h.resetScreen()
        h.press(.ctrl("z")) // SIGTSTP: endwin, default stop (discarded here: the pty's process
        h.settle() // group is orphaned), then a full repaint; the app must survive it
        #expect(h.waitFor(text: "Enter submits"))
        h.type("z")
        #expect(h.waitFor(text: "answer> z"))
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func unknownTermExits2WithMessage() throws {
        var env = PTYProcess.defaultEnvironment
        env["TERM"] = "xyz"
        let h = try PTYHarness(executable: Self.binary, environment: env)
        #expect(h.waitForExit() == .exited(2))
        #expect(h.screen.text.contains("curses-smoke: unknown terminal type 'xyz' (TERM); try TERM=xterm-256color"))
        #expect(h.process.isCookedMode)
    }

    @Test func notATtyExits2WithMessage() throws {
        // stdin from /dev/null, stdout still the pty.
        let h = try PTYHarness(executable: "/bin/sh", arguments: ["-c", "'\(Self.binary)' </dev/null; echo rc=$?"])
        #expect(h.waitFor(text: "rc="))
        _ = h.waitForExit()
        #expect(
            h.lines.joined().contains(
                "curses-smoke: not a terminal; run it in a terminal, or use 'curses-smoke list' / 'curses-smoke key'"))
        #expect(h.screen.text.contains("rc=2"))
    }

    @Test func cLocaleFallsBackToUTF8() throws {
        var env = PTYProcess.defaultEnvironment
        env["LANG"] = nil
        let h = try start(environment: env)
        #expect(h.lines[0] == "curses-smoke σ ∇ ŷ × 漢字")
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func noColorStillShowsAttributes() throws {
        var env = PTYProcess.defaultEnvironment
        env["NO_COLOR"] = "1"
        let h = try start(environment: env)
        let title = h.screen.cell(row: 0, column: 0).attributes
        #expect(title.bold && title.foreground == nil)
        h.press(.char("q"))
        #expect(h.waitForExit() == .exited(0))
    }
}
