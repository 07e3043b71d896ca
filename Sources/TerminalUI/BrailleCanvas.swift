/// A dot canvas: each cell holds 2x4 dots, drawn as a Braille character (U+2800 + dot bits).
///
/// Four times the vertical and twice the horizontal resolution of text makes small function plots
/// (a loss curve, tanh and its derivative) legible in a 40x10 area. In ASCII a cell with one dot
/// shows `.` and a cell with more shows `*`, which keeps the shape of a curve at text resolution.
/// Dot coordinates: x grows right, y grows *down*, (0,0) is the top-left dot.
public struct BrailleCanvas: Hashable, Sendable {
    public let columns: Int
    public let rows: Int
    private var masks: [UInt8]
    private var styles: [Style?]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        masks = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// Dot resolution.
    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    // Bit for the dot at (dx, dy) inside a cell, per the Unicode Braille Patterns block.
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets a dot (ignored outside the canvas). The cell takes `style`: the last series drawn
    /// into a cell decides its colour, since a terminal cell has only one.
    public mutating func set(x: Int, y: Int, style: Style = .normal) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * columns + x / 2
        masks[i] |= Self.bits[y % 4][x % 2]
        styles[i] = style
    }

    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return masks[(y / 4) * columns + x / 2] & Self.bits[y % 4][x % 2] != 0
    }

    /// A straight line of dots (Bresenham), both ends included.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Style = .normal) {
        var x0 = a.x, y0 = a.y
        let dx = abs(b.x - x0), dy = -abs(b.y - y0)
        let sx = x0 < b.x ? 1 : -1, sy = y0 < b.y ? 1 : -1
        var err = dx + dy
        var steps = 0
        while true {
            set(x: x0, y: y0, style: style)
            if x0 == b.x && y0 == b.y { break }
            steps += 1
            if steps > 100_000 { break } // a guard against absurd coordinates
            let e2 = 2 * err
            if e2 >= dy {
                err += dy
                x0 += sx
            }
            if e2 <= dx {
                err += dx
                y0 += sy
            }
        }
    }

    /// The character for one cell: Braille, or ` `/`.`/`*` in ASCII.
    public func character(column: Int, row: Int, unicode: Bool) -> Character {
        let m = masks[row * columns + column]
        if unicode { return m == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(m))!) }
        switch m.nonzeroBitCount {
        case 0: return " "
        case 1: return "."
        default: return "*"
        }
    }

    /// Draws the canvas at the top-left of `rect` (clipped). Empty cells are not written, so the
    /// canvas can be layered over axes or a grid.
    public func draw(in buffer: inout Buffer, rect: Rect, glyphs: Glyphs) {
        for r in 0..<min(rows, rect.height) {
            for c in 0..<min(columns, rect.width) where masks[r * columns + c] != 0 {
                buffer.put(
                    character(column: c, row: r, unicode: glyphs.isUnicode),
                    at: Point(x: rect.x + c, y: rect.y + r), style: styles[r * columns + c] ?? .normal, clip: rect)
            }
        }
    }

    /// The canvas alone as text lines (trailing spaces trimmed), for tests and quick debugging.
    public func lines(unicode: Bool) -> [String] {
        var b = Buffer(width: columns, height: rows)
        draw(in: &b, rect: b.bounds, glyphs: unicode ? .unicode : .ascii)
        return b.lines()
    }
}
