// curses-smoke: the smallest real program on CursesTerminal, driven by the pty end-to-end tests
// and timed by the benchmarks. It draws Unicode math, a field that echoes typed keys, the size,
// reflowing text; it exits 0 on `q` or Esc, 128+signal on SIGINT/SIGTERM/SIGHUP, 2 when the
// terminal cannot be opened (with the one-line message on stderr).
import CursesTerminal
import TerminalUI
import TutorSession

#if canImport(Glibc)
    import Glibc
#endif

@MainActor
struct SmokeApp {
    /// The same draft the tutor's fields use (the session's `Draft`).
    var field = Draft()
    var lastKey = "none"
    var entered = ""
    var ticks = 0

    func render(into b: inout Buffer, glyphs: Glyphs) -> Point? {
        b.clear()
        let area = b.bounds
        b.put(glyphs.text("curses-smoke σ ∇ ŷ × 漢字"), at: .zero, style: Style(.title).bold())
        b.put("size \(b.width)x\(b.height)", at: Point(x: 0, y: 1))
        b.put("last key: \(lastKey)", at: Point(x: 0, y: 2), style: .role(.dim))
        b.put("answer> ", at: Point(x: 0, y: 3), style: .role(.prompt))
        let width = min(30, max(0, b.width - 8))
        b.fill(Rect(x: 8, y: 3, width: width, height: 1), style: .role(.field))
        let before = String(field.characters.prefix(field.cursor))
        let scroll = max(0, DisplayWidth.of(before) - (width - 1))
        let shown = field.text.dropFirstColumns(scroll)
        b.put(shown, at: Point(x: 8, y: 3), style: .role(.field), clip: Rect(x: 8, y: 3, width: width, height: 1))
        let caret = Point(x: 8 + min(width - 1, DisplayWidth.of(before) - scroll), y: 3)
        if !entered.isEmpty { b.put("entered: " + entered + " " + glyphs.check, at: Point(x: 0, y: 4), style: .role(.correct)) }
        let text =
            "The gradient ∇L flows back through σ(z) × W; this sentence is long so that it wraps differently at different widths."
        Paragraph(glyphs.text(text)).draw(in: &b, rect: Rect(x: 0, y: 6, width: area.width, height: max(0, area.height - 8)))
        StatusLine(left: "q quits  ticks \(ticks)", right: "Enter submits", style: .role(.dim), glyphs: glyphs)
            .draw(in: &b, rect: area.splitBottom(1).bottom)
        return caret
    }

    mutating func handle(_ key: Key) -> Bool {
        lastKey = key.description
        switch key {
        case .char("q"), .escape: return false
        case .ctrl("e"): // a stray write to stderr while curses owns the screen
            _ = "stray stderr line\n".withCString { write(2, $0, strlen($0)) }
        case .enter:
            entered = field.text
            field.clear()
        case .char(let c): field.insert(c)
        case .backspace: field.deleteBackward()
        case .delete: field.deleteForward()
        case .left: field.moveLeft()
        case .right: field.moveRight()
        case .home: field.moveHome()
        case .end: field.moveEnd()
        case .ctrl("u"): field.clear()
        case .up: field = Draft(entered) // recall the last entry
        default: break
        }
        return true
    }
}

@MainActor
func runSmoke() -> Int32 {
    let term: CursesTerminal
    do {
        var options = CursesTerminal.Options()
        options.programName = "curses-smoke"
        term = try CursesTerminal(options: options)
    } catch {
        let line = error.description + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        return error.exitCode
    }
    var app = SmokeApp()
    var buffer = Buffer(size: term.size)
    let glyphs = term.capabilities.glyphs
    var caret = app.render(into: &buffer, glyphs: glyphs) // render first, then draw the result
    term.draw(buffer, cursor: caret)
    var code: Int32 = 0
    loop: while let event = term.nextEvent(timeout: .seconds(1)) {
        switch event {
        case .key(let k): if !app.handle(k) { break loop }
        case .resize(let s): buffer = Buffer(size: s)
        case .tick: app.ticks += 1
        case .signal(let s):
            code = 128 + s
            break loop
        }
        caret = app.render(into: &buffer, glyphs: glyphs)
        term.draw(buffer, cursor: caret)
    }
    term.close()
    return code
}

exit(runSmoke())

extension String {
    /// The text without its first `columns` display columns (a field scrolled to its cursor).
    func dropFirstColumns(_ columns: Int) -> String {
        var dropped = 0
        var rest = Substring(self)
        while dropped < columns, let c = rest.first {
            dropped += DisplayWidth.of(String(c))
            rest = rest.dropFirst()
        }
        return String(rest)
    }
}
