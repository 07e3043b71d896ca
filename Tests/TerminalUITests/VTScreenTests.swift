import PTYTestSupport
import TerminalUI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The VT interpreter on hand-written sequences: it must be right before it can judge the app.
@Suite struct VTScreenTests {
    @Test func cursorMotionAndErase() {
        var s = VTScreen(columns: 20, rows: 5)
        s.feed("\u{1B}[2J\u{1B}[3;5Hhello\u{1B}[1;1Hab\u{1B}[2Dx\u{1B}[5Gy")
        #expect(s.lines[2] == "    hello")
        #expect(s.lines[0] == "xb  y")
        s.feed("\u{1B}[3;7H\u{1B}[K")
        #expect(s.lines[2] == "    he")
        s.feed("\u{1B}[3;1H\u{1B}[2X")
        #expect(s.lines[2] == "    he")
        s.feed("\u{1B}[3;5H\u{1B}[P")
        #expect(s.lines[2] == "    e")
        s.feed("\u{1B}[3;5H\u{1B}[2@")
        #expect(s.lines[2] == "      e")
        s.feed("\u{1B}[5d\u{1B}[3Gz\u{1B}[Ax")
        #expect(s.lines[4] == "  z" && s.lines[3] == "   x")
    }

    @Test func wideCombiningAndWrap() {
        var s = VTScreen(columns: 6, rows: 3)
        s.feed("漢字ab")
        #expect(s.lines[0] == "漢字ab" && s.cursorColumn == 5)
        s.feed("c") // deferred wrap: next char goes to row 1
        #expect(s.lines[1] == "c")
        s.feed("\u{1B}[1;2Hx") // into the continuation of 漢
        #expect(s.lines[0] == " x字ab")
        s.feed(Array("\u{1B}[3;1Hy".utf8) + [0xCC]) // y + U+0302 split across two reads + σ
        s.feed([0x82] + Array("σ".utf8))
        #expect(s.lines[2] == "y\u{0302}σ")
    }

    @Test func scrollRegionsInsertDeleteLines() {
        var s = VTScreen(columns: 5, rows: 4)
        s.feed("a\r\nb\r\nc\r\nd")
        s.feed("\u{1B}[2;3r\u{1B}[3;1H\n") // LF at region bottom scrolls rows 2-3 only
        #expect(s.lines == ["a", "c", "", "d"])
        s.feed("\u{1B}[r\u{1B}[1;1H\u{1B}[L")
        #expect(s.lines == ["", "a", "c", ""])
        s.feed("\u{1B}[M")
        #expect(s.lines == ["a", "c", "", ""])
        s.feed("\u{1B}[1;1H\u{1B}M") // reverse index at top scrolls down
        #expect(s.lines == ["", "a", "c", ""])
        s.feed("\u{1B}[2S")
        #expect(s.lines == ["c", "", "", ""])
        s.feed("\u{1B}[1T")
        #expect(s.lines == ["", "c", "", ""])
    }

    @Test func repSaveRestoreOscCharsetAndModes() {
        var s = VTScreen(columns: 10, rows: 3)
        s.feed("\u{1B}]0;title\u{07}-\u{1B}[3b\u{1B}(B\u{1B}7\u{1B}[3;1Hlow\u{1B}8!")
        #expect(s.lines[0] == "----!" && s.lines[2] == "low")
        s.feed("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?1h\u{1B}=\u{1B}[Halt")
        #expect(s.alternateScreen && !s.cursorVisible && s.applicationKeypad && s.lines[0] == "alt")
        s.feed("\u{1B}[?1049l\u{1B}[?25h\u{1B}[?1l\u{1B}>")
        #expect(!s.alternateScreen && s.cursorVisible && !s.applicationKeypad && s.lines[0] == "----!")
    }

    @Test func sgrIsTracked() {
        var s = VTScreen(columns: 10, rows: 1)
        s.feed("\u{1B}[1;31mA\u{1B}[0;7mB\u{1B}[38;5;200mC\u{1B}[m")
        #expect(s.cell(row: 0, column: 0).attributes.bold && s.cell(row: 0, column: 0).attributes.foreground == 1)
        #expect(s.cell(row: 0, column: 1).attributes.reverse && !s.cell(row: 0, column: 1).attributes.bold)
        #expect(s.cell(row: 0, column: 2).attributes.foreground == 200)
    }
}

/// PTYProcess against ordinary programs.
@Suite(.serialized) struct PTYProcessTests {
    @Test func shellPrintfLandsAtRow3Col5() throws {
        let h = try PTYHarness(executable: "/bin/sh", arguments: ["-c", "printf '\\033[2J\\033[3;5Hhello'; sleep 0.2"])
        #expect(h.waitFor(text: "hello"))
        #expect(h.lines[2] == "    hello")
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func exitCodesAndSignalsAreDecoded() throws {
        let a = try PTYProcess(executable: "/bin/sh", arguments: ["-c", "exit 7"])
        #expect(a.waitForExit() == .exited(7))
        let b = try PTYProcess(executable: "/bin/sh", arguments: ["-c", "sleep 10"])
        b.signal(SIGTERM)
        #expect(b.waitForExit() == .signaled(SIGTERM))
    }

    @Test func sizeAndControllingTerminal() throws {
        // stty reads the size of its controlling tty (stdin); tty confirms the slave is it.
        let h = try PTYHarness(executable: "/bin/sh", arguments: ["-c", "stty size; tty"], columns: 100, rows: 30)
        #expect(h.waitFor(text: "/dev/pts/"))
        #expect(h.lines[0] == "30 100")
        _ = h.waitForExit()
    }

    @Test func tputClearUsesTheSameTerminfo() throws {
        let h = try PTYHarness(executable: "/bin/sh", arguments: ["-c", "echo junk; clear; printf 'after'"])
        #expect(h.waitFor(text: "after"))
        _ = h.waitForExit()
        #expect(h.lines[0] == "after" && !h.screen.contains("junk"))
    }

    @Test func keysComeFromTerminfo() {
        let k = TerminalKeys.tmux
        #expect(k.bytes(for: .up) == Array("\u{1B}OA".utf8))
        #expect(k.bytes(for: .backspace) == [127])
        #expect(k.bytes(for: .ctrl("c")) == [3])
        #expect(k.bytes(for: .char("σ")) == Array("σ".utf8))
    }
}
