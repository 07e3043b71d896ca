/// A grid of cells that screens draw into and terminals display.
///
/// It is a value: rendering is `render(state, into: &buffer)`, a test compares `lines()` with
/// expected text, and a terminal compares the new frame with the previous one (`changedRows`).
/// All writes are clipped to the buffer (and optionally to a rectangle), so widgets never need
/// to check bounds themselves.
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    /// Row-major; internal so the frame diff (FrameDiff.swift) can apply runs.
    var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.area)
    }
    public init(width: Int, height: Int) { self.init(size: Size(width: width, height: height)) }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size: size) }

    /// The cell at a position; a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// The cells of one row (including continuation cells).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    // MARK: Writing

    /// Writes `string` starting at `point`, one grapheme cluster at a time, advancing by display
    /// width. Stops at the clip edge (the buffer, intersected with `clip` when given); a wide
    /// character that does not fit in the last column is replaced by a space. A zero-width
    /// character (a lone combining mark) joins the previous cell. Control characters are dropped,
    /// except a tab, which becomes one space. Returns the column after the last character written.
    ///
    /// Printable ASCII takes a byte-per-cell path; other text is cut into cells once and the
    /// result reused (`ShapedText`), because splitting into grapheme clusters and measuring them
    /// on every frame was most of the cost of drawing a screen.
    @discardableResult
    public mutating func put(_ string: String, at point: Point, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard point.y >= area.y, point.y < area.maxY else { return point.x }
        if ShapedText.isPrintableASCII(string) {
            return putASCII(string, at: point, style: style, area: area)
        }
        var x = point.x
        var lastWritten: Int? = nil
        for glyph in ShapedText.glyphs(of: string) {
            let w = Int(glyph.width)
            if w == 0 {
                if let lx = lastWritten { cells[point.y * size.width + lx].text.append(contentsOf: glyph.text) }
                continue
            }
            if x >= area.maxX { break }
            if x < area.x {
                x += w
                continue
            } // starts left of the clip: skip, keep advancing
            if w == 2 && x + 1 >= area.maxX { // wide char straddling the right edge
                set(x, point.y, Cell(" ", style: style))
                x += 1
                break
            }
            var cell = glyph
            cell.style = style
            set(x, point.y, cell)
            if w == 2 { set(x + 1, point.y, .continuation(style)) }
            lastWritten = x
            x += w
        }
        return x
    }

    /// The same for any string type (a `Substring`, say).
    @discardableResult
    public mutating func put(_ string: some StringProtocol, at point: Point, style: Style = .normal, clip: Rect? = nil) -> Int {
        put(String(string), at: point, style: style, clip: clip)
    }

    /// `put` for text that is all printable ASCII: one cell of width 1 per byte, no clusters.
    private mutating func putASCII(_ string: String, at point: Point, style: Style, area: Rect) -> Int {
        var x = point.x
        for byte in string.utf8 {
            if x >= area.maxX { break }
            if x < area.x {
                x += 1
                continue
            }
            set(x, point.y, Cell(ascii: byte, style: style))
            x += 1
        }
        return x
    }

    /// Writes one cell's character at `point` (same rules as `put`).
    public mutating func put(_ character: Character, at point: Point, style: Style = .normal, clip: Rect? = nil) {
        put(String(character), at: point, style: style, clip: clip)
    }

    /// Fills `rect` (clipped) with `character`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let w = DisplayWidth.of(character)
        let cell = Cell(character, style: style, width: 1)
        for y in r.y..<r.maxY {
            if w == 1 {
                for x in r.x..<r.maxX { set(x, y, cell) }
            } else {
                var x = r.x
                while x < r.maxX {
                    x = put(String(character), at: Point(x: x, y: y), style: style, clip: r)
                    if w == 0 { break }
                }
            }
        }
    }

    /// Changes the style of every cell in `rect` without touching the text (e.g. a selection bar).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * size.width + x].style = style } }
    }

    /// Blanks the whole buffer.
    public mutating func clear() { cells = Array(repeating: .blank, count: size.area) }

    /// Resizes, keeping the overlapping top-left content.
    public mutating func resize(to newSize: Size) {
        guard newSize != size else { return }
        var next = Buffer(size: newSize)
        for y in 0..<min(size.height, newSize.height) {
            for x in 0..<min(size.width, newSize.width) { next.cells[y * newSize.width + x] = self[x, y] }
            // A wide character cut in half at the new right edge becomes a space.
            let lastX = min(size.width, newSize.width) - 1
            if lastX >= 0, next.cells[y * newSize.width + lastX].width == 2, lastX + 1 >= newSize.width {
                next.cells[y * newSize.width + lastX] = Cell(" ", style: next.cells[y * newSize.width + lastX].style)
            }
        }
        self = next
    }

    /// Sets a cell, repairing any wide character it splits (its other half becomes a space).
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let i = y * size.width + x
        let old = cells[i]
        if old.width == 2, x + 1 < size.width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        if old.isContinuation, x > 0, cells[i - 1].width == 2 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        cells[i] = cell
    }

    // MARK: Reading

    /// The text of one row, continuation cells skipped, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        let cells = row(y)
        // Trim first, then append once: removing trailing spaces one by one from a String was
        // the slowest part of reading a frame back (lint reads thousands of picture frames).
        var end = cells.endIndex
        while end > cells.startIndex, cells[end - 1].isContinuation || cells[end - 1].isSpace { end -= 1 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - cells.startIndex)
        for c in cells[cells.startIndex..<end] where !c.isContinuation { c.withUTF8 { bytes.append(contentsOf: $0) } }
        var s = String(decoding: bytes, as: UTF8.self)
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Every row as text, trailing spaces trimmed: the form snapshots are compared in.
    public func lines() -> [String] { (0..<size.height).map(line) }

    /// `lines()` joined with newlines, with trailing empty lines removed (handy in test failures).
    public var text: String {
        var ls = lines()
        while ls.last == "" { ls.removeLast() }
        return ls.joined(separator: "\n")
    }

    /// Rows whose cells (text or style) differ from `previous`; every row when the sizes differ.
    /// A terminal uses this to send only what changed.
    public func changedRows(since previous: Buffer?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { !hasIdenticalRow($0, previous) && row($0) != previous.row($0) }
    }

    /// Same as `changedRows(since:)`: the row-level diff between two frames.
    public func diff(_ previous: Buffer?) -> [Int] { changedRows(since: previous) }
}
