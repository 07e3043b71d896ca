import TerminalUI

/// A minimal VT100/xterm interpreter: enough to reconstruct what ncurses puts on screen, so
/// end-to-end tests assert on `lines[n]` instead of fragile raw byte streams (ncurses sends only
/// changed cells, so "σ∇" never appears as such in the output).
///
/// Handles cursor motion (CUP CUU CUD CUF CUB CHA VPA HPA CNL CPL), erasing and editing (EL ED ECH
/// DCH ICH IL DL SU SD), scroll regions (DECSTBM), REP, ESC 7/8/M/D/E/c, the alternate screen
/// (?1049/?47/?1047), cursor visibility (?25), keypad mode (?1 and ESC =/>), SGR (bold, dim,
/// underline, reverse, 8/256 colours), deferred autowrap, and UTF-8 with the same
/// `DisplayWidth` the interface lays out with. OSC, DCS and charset designations are skipped.
public struct VTScreen {
    public struct Attributes: Hashable, Sendable {
        public var bold = false, dim = false, underline = false, reverse = false
        public var foreground: Int? = nil, background: Int? = nil
        public init(foreground: Int? = nil, background: Int? = nil) {
            self.foreground = foreground
            self.background = background
        }
    }
    public struct Cell: Hashable, Sendable {
        public var text: String = " "
        public var width: Int = 1 // 2 = lead of a wide char, 0 = its continuation
        public var attributes = Attributes()
    }

    public private(set) var columns: Int
    public private(set) var rows: Int
    public private(set) var grid: [[Cell]]
    /// Cursor position, 0-based.
    public private(set) var cursorRow = 0, cursorColumn = 0
    public private(set) var cursorVisible = true
    public private(set) var alternateScreen = false
    public private(set) var applicationKeypad = false
    /// Every byte fed so far (for assertions on sequences such as rmcup).
    public private(set) var rawOutput: [UInt8] = []

    private var attrs = Attributes()
    private var wrapPending = false
    private var top = 0, bottom: Int
    private var saved: (row: Int, col: Int, attrs: Attributes) = (0, 0, Attributes())
    private var mainGrid: [[Cell]]? = nil
    private var utf8: [UInt8] = []
    private var state = ParseState.ground
    private var params = ""
    private var lastPrinted: String? = nil

    private enum ParseState { case ground, escape, csi, osc, oscEscape, dcs, dcsEscape, charset }

    public init(columns: Int = 80, rows: Int = 24) {
        self.columns = columns
        self.rows = rows
        bottom = rows - 1
        grid = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    // MARK: Reading

    /// Each row as text, continuation cells skipped, trailing spaces trimmed.
    public var lines: [String] { (0..<rows).map(line) }

    /// One row as text (what `lines[row]` holds), without building the other rows: a benchmark
    /// waiting for a keystroke's echo checks only the field's row, so its own work stays small
    /// beside the programs it measures.
    public func line(_ row: Int) -> String {
        var s = ""
        for c in grid[row] where c.width != 0 { s += c.text }
        while s.last == " " { s.removeLast() }
        return s
    }
    public var text: String { lines.joined(separator: "\n") }
    public var cursor: Point { Point(x: cursorColumn, y: cursorRow) }
    public func cell(row: Int, column: Int) -> Cell { grid[row][column] }
    public func contains(_ needle: String) -> Bool { lines.contains { $0.contains(needle) } }
    /// Row index of the first line containing `needle`.
    public func row(containing needle: String) -> Int? { lines.firstIndex { $0.contains(needle) } }

    // MARK: Feeding

    public mutating func feed(_ bytes: [UInt8]) {
        rawOutput.append(contentsOf: bytes)
        for b in bytes { step(b) }
    }
    public mutating func feed(_ text: String) { feed(Array(text.utf8)) }

    /// Resizes the grid (content kept top-left), as the terminal does before sending SIGWINCH.
    public mutating func resize(columns: Int, rows: Int) {
        func fit(_ g: [[Cell]]) -> [[Cell]] {
            (0..<rows).map { r in (0..<columns).map { c in r < g.count && c < g[r].count ? g[r][c] : Cell() } }
        }
        grid = fit(grid)
        if let m = mainGrid { mainGrid = fit(m) }
        self.columns = columns
        self.rows = rows
        top = 0
        bottom = rows - 1
        cursorRow = min(cursorRow, rows - 1)
        cursorColumn = min(cursorColumn, columns - 1)
        wrapPending = false
    }

    private mutating func step(_ b: UInt8) {
        switch state {
        case .ground: ground(b)
        case .escape: escape(b)
        case .csi:
            if b >= 0x40 && b <= 0x7E {
                csi(final: b)
                state = .ground
            } else {
                params.append(Character(Unicode.Scalar(b)))
            }
        case .osc: if b == 0x07 { state = .ground } else if b == 0x1B { state = .oscEscape }
        case .oscEscape: state = b == 0x5C ? .ground : .osc
        case .dcs: if b == 0x1B { state = .dcsEscape }
        case .dcsEscape: state = b == 0x5C ? .ground : .dcs
        case .charset: state = .ground
        }
    }

    private mutating func ground(_ b: UInt8) {
        if !utf8.isEmpty || b >= 0x80 {
            utf8.append(b)
            let need = utf8[0] >= 0xF0 ? 4 : utf8[0] >= 0xE0 ? 3 : utf8[0] >= 0xC0 ? 2 : 1
            if utf8.count >= need {
                let s = String(decoding: utf8, as: UTF8.self)
                utf8.removeAll()
                for u in s.unicodeScalars { print(u) }
            }
            return
        }
        switch b {
        case 0x1B: state = .escape
        case 0x0D:
            cursorColumn = 0
            wrapPending = false
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08:
            if cursorColumn > 0 { cursorColumn -= 1 }
            wrapPending = false
        case 0x09:
            cursorColumn = min(columns - 1, (cursorColumn / 8 + 1) * 8)
            wrapPending = false
        case 0x07, 0x00, 0x0E, 0x0F: break
        default: if b >= 0x20 { print(Unicode.Scalar(b)) }
        }
    }

    private mutating func escape(_ b: UInt8) {
        state = .ground
        switch b {
        case UInt8(ascii: "["):
            state = .csi
            params = ""
        case UInt8(ascii: "]"): state = .osc
        case UInt8(ascii: "P"): state = .dcs
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"): state = .charset
        case UInt8(ascii: "7"): saved = (cursorRow, cursorColumn, attrs)
        case UInt8(ascii: "8"):
            (cursorRow, cursorColumn, attrs) = saved
            wrapPending = false
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"):
            cursorColumn = 0
            lineFeed()
        case UInt8(ascii: "="): applicationKeypad = true
        case UInt8(ascii: ">"): applicationKeypad = false
        case UInt8(ascii: "c"): self = VTScreen(columns: columns, rows: rows)
        default: break
        }
    }

    // MARK: Printing

    private mutating func print(_ u: Unicode.Scalar) {
        let w = DisplayWidth.of(u)
        if w == 0 {
            if u.properties.generalCategory == .control { return }
            // Combining: join the previously printed cell.
            let c = wrapPending ? cursorColumn : cursorColumn - 1
            if c >= 0 {
                let lead = grid[cursorRow][c].width == 0 && c > 0 ? c - 1 : c
                grid[cursorRow][lead].text.unicodeScalars.append(u)
            }
            return
        }
        if wrapPending || cursorColumn + w > columns {
            if wrapPending || w == 2 {
                cursorColumn = 0
                lineFeed()
            }
        }
        wrapPending = false
        put(String(u), width: w, row: cursorRow, col: cursorColumn)
        lastPrinted = String(u)
        if cursorColumn + w >= columns {
            cursorColumn = columns - 1
            wrapPending = true
        } else {
            cursorColumn += w
        }
    }

    private mutating func put(_ text: String, width: Int, row: Int, col: Int) {
        guard col < columns else { return }
        clearWide(row: row, col: col)
        if width == 2 && col + 1 < columns { clearWide(row: row, col: col + 1) }
        grid[row][col] = Cell(text: text, width: width, attributes: attrs)
        if width == 2 && col + 1 < columns { grid[row][col + 1] = Cell(text: "", width: 0, attributes: attrs) }
    }

    /// Overwriting half of a wide character blanks the other half, as terminals do.
    private mutating func clearWide(row: Int, col: Int) {
        let c = grid[row][col]
        if c.width == 2, col + 1 < columns { grid[row][col + 1] = Cell() }
        if c.width == 0, col > 0 { grid[row][col - 1] = Cell() }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if cursorRow == bottom { scrollUp(1) } else if cursorRow < rows - 1 { cursorRow += 1 }
    }
    private mutating func reverseIndex() {
        wrapPending = false
        if cursorRow == top { scrollDown(1) } else if cursorRow > 0 { cursorRow -= 1 }
    }
    private func blankRow() -> [Cell] {
        Array(repeating: Cell(text: " ", width: 1, attributes: Attributes(background: attrs.background)), count: columns)
    }
    private mutating func scrollUp(_ n: Int, from: Int? = nil) {
        let t = from ?? top
        for _ in 0..<min(n, bottom - t + 1) {
            grid.remove(at: t)
            grid.insert(blankRow(), at: bottom)
        }
    }
    private mutating func scrollDown(_ n: Int, from: Int? = nil) {
        let t = from ?? top
        for _ in 0..<min(n, bottom - t + 1) {
            grid.remove(at: bottom)
            grid.insert(blankRow(), at: t)
        }
    }
    private mutating func erase(row: Int, from: Int, to: Int) {
        guard from <= to else { return }
        for c in max(0, from)...min(columns - 1, to) {
            grid[row][c] = Cell(text: " ", width: 1, attributes: Attributes(background: attrs.background))
        }
    }

    // MARK: CSI

    private mutating func csi(final: UInt8) {
        let isPrivate = params.hasPrefix("?")
        let body = isPrivate ? String(params.dropFirst()) : params.filter { $0 != ">" && $0 != "=" }
        let ps = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func p(_ i: Int, _ d: Int = 1) -> Int { i < ps.count ? (ps[i].map { $0 == 0 ? d : $0 } ?? d) : d }
        func p0(_ i: Int) -> Int { i < ps.count ? (ps[i] ?? 0) : 0 }
        let f = Character(Unicode.Scalar(final))
        if isPrivate {
            if f == "h" || f == "l" { for m in ps.compactMap({ $0 }) { privateMode(m, on: f == "h") } }
            return
        }
        if f != "b" { wrapPending = false }
        switch f {
        case "H", "f":
            cursorRow = min(rows - 1, p(0) - 1)
            cursorColumn = min(columns - 1, p(1) - 1)
        case "A": cursorRow = max(cursorRow >= top ? top : 0, cursorRow - p(0))
        case "B", "e": cursorRow = min(cursorRow <= bottom ? bottom : rows - 1, cursorRow + p(0))
        case "C", "a": cursorColumn = min(columns - 1, cursorColumn + p(0))
        case "D": cursorColumn = max(0, cursorColumn - p(0))
        case "E":
            cursorRow = min(rows - 1, cursorRow + p(0))
            cursorColumn = 0
        case "F":
            cursorRow = max(0, cursorRow - p(0))
            cursorColumn = 0
        case "G", "`": cursorColumn = min(columns - 1, p(0) - 1)
        case "d": cursorRow = min(rows - 1, p(0) - 1)
        case "K":
            switch p0(0) {
            case 0: erase(row: cursorRow, from: cursorColumn, to: columns - 1)
            case 1: erase(row: cursorRow, from: 0, to: cursorColumn)
            default: erase(row: cursorRow, from: 0, to: columns - 1)
            }
        case "J":
            switch p0(0) {
            case 0:
                erase(row: cursorRow, from: cursorColumn, to: columns - 1)
                for r in (cursorRow + 1)..<max(cursorRow + 1, rows) { erase(row: r, from: 0, to: columns - 1) }
            case 1:
                for r in 0..<cursorRow { erase(row: r, from: 0, to: columns - 1) }
                erase(row: cursorRow, from: 0, to: cursorColumn)
            default: for r in 0..<rows { erase(row: r, from: 0, to: columns - 1) }
            }
        case "X": erase(row: cursorRow, from: cursorColumn, to: cursorColumn + p(0) - 1)
        case "P":
            let n = min(p(0), columns - cursorColumn)
            grid[cursorRow].removeSubrange(cursorColumn..<(cursorColumn + n))
            grid[cursorRow].append(contentsOf: Array(repeating: Cell(), count: n))
        case "@":
            let n = min(p(0), columns - cursorColumn)
            grid[cursorRow].insert(contentsOf: Array(repeating: Cell(), count: n), at: cursorColumn)
            grid[cursorRow].removeLast(n)
        case "L": if cursorRow >= top && cursorRow <= bottom { scrollDown(p(0), from: cursorRow) }
        case "M": if cursorRow >= top && cursorRow <= bottom { scrollUp(p(0), from: cursorRow) }
        case "S": scrollUp(p(0))
        case "T": scrollDown(p(0))
        case "r":
            top = max(0, p(0) - 1)
            bottom = min(rows - 1, (ps.count > 1 && ps[1] != nil && ps[1]! > 0) ? ps[1]! - 1 : rows - 1)
            if top >= bottom {
                top = 0
                bottom = rows - 1
            }
            cursorRow = 0
            cursorColumn = 0
        case "b": if let l = lastPrinted, let u = l.unicodeScalars.first { for _ in 0..<p(0) { print(u) } }
        case "m": sgr(ps.map { $0 ?? 0 })
        case "s": saved = (cursorRow, cursorColumn, attrs)
        case "u": (cursorRow, cursorColumn, attrs) = saved
        default: break
        }
    }

    private mutating func privateMode(_ m: Int, on: Bool) {
        switch m {
        case 25: cursorVisible = on
        case 1: applicationKeypad = on
        case 1049, 1047, 47:
            if on && !alternateScreen {
                if m == 1049 { saved = (cursorRow, cursorColumn, attrs) }
                mainGrid = grid
                grid = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
                alternateScreen = true
            } else if !on && alternateScreen {
                grid = mainGrid ?? grid
                mainGrid = nil
                alternateScreen = false
                if m == 1049 { (cursorRow, cursorColumn, attrs) = saved }
            }
        default: break
        }
    }

    private mutating func sgr(_ codes: [Int]) {
        var codes = codes.isEmpty ? [0] : codes
        while !codes.isEmpty {
            let c = codes.removeFirst()
            switch c {
            case 0: attrs = Attributes()
            case 1: attrs.bold = true
            case 2: attrs.dim = true
            case 4: attrs.underline = true
            case 7: attrs.reverse = true
            case 22:
                attrs.bold = false
                attrs.dim = false
            case 24: attrs.underline = false
            case 27: attrs.reverse = false
            case 30...37: attrs.foreground = c - 30
            case 39: attrs.foreground = nil
            case 40...47: attrs.background = c - 40
            case 49: attrs.background = nil
            case 90...97: attrs.foreground = c - 90 + 8
            case 100...107: attrs.background = c - 100 + 8
            case 38, 48:
                if codes.first == 5, codes.count >= 2 {
                    if c == 38 { attrs.foreground = codes[1] } else { attrs.background = codes[1] }
                    codes.removeFirst(2)
                } else if codes.first == 2, codes.count >= 4 {
                    codes.removeFirst(4)
                }
            default: break
            }
        }
    }
}
