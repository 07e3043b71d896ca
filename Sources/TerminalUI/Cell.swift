import Synchronization

/// One terminal cell.
///
/// A wide character (width 2) is stored in its left cell with `width == 2`; the cell to its right
/// is a *continuation* (`width == 0`, empty text) that renderers skip. Combining marks are kept
/// inside the character's grapheme cluster, so a cell's `text` may hold several scalars.
///
/// Why the text is not a stored `String`: every keystroke renders a frame of about 2,000 cells,
/// compares it with the previous frame and frees the old one. With a `String` per cell, the
/// retain/release calls on those strings were most of a frame's cost (measured with `perf` on
/// the running tutor). So the cell keeps its grapheme's UTF-8 inline, in plain bytes (up to 12:
/// every letter, symbol, CJK ideograph, emoji and most combining sequences), and a cell is then
/// a trivial value that is created, copied, compared and freed without touching the heap. A
/// longer cluster (a long emoji ZWJ sequence) is interned once in a process-wide table and the
/// cell keeps its index. `text` reads and writes an ordinary `String` as before.
public struct Cell: Hashable, Sendable {
    /// UTF-8 bytes 0-7 and 8-11 of the grapheme (unused bytes are zero), or the intern index.
    private var low: UInt64
    private var high: UInt32
    /// The UTF-8 length (0...12), or `Cell.internedMark` when `low` is an intern-table index.
    private var count: UInt8
    public var style: Style
    /// 1 for a normal cell, 2 for the lead cell of a wide character, 0 for a continuation.
    public var width: UInt8

    private static let inlineCapacity = 12
    private static let internedMark: UInt8 = 0xFF

    public init(_ text: String = " ", style: Style = .normal, width: UInt8 = 1) {
        (low, high, count) = (0, 0, 0)
        self.style = style
        self.width = width
        self.text = text
    }

    /// A cell holding one grapheme cluster, without building a `String` for it first.
    init(_ character: Character, style: Style, width: UInt8) {
        (low, high, count) = (0, 0, 0)
        self.style = style
        self.width = width
        text = String(character)
    }

    /// A cell holding one ASCII character (`byte` < 0x80).
    init(ascii byte: UInt8, style: Style) {
        (low, high, count) = (UInt64(byte), 0, 1)
        self.style = style
        self.width = 1
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell("", style: style, width: 0) }

    public var isContinuation: Bool { width == 0 }

    /// The grapheme cluster shown in this cell ("" for a continuation).
    public var text: String {
        get {
            if count == Cell.internedMark { return CellTextTable.shared.string(at: low) }
            var bytes = (low, high)
            let n = Int(count)
            return withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(n), as: UTF8.self) }
        }
        set {
            var s = newValue
            s.withUTF8 { utf8 in
                if utf8.count <= Cell.inlineCapacity {
                    store(utf8)
                } else {
                    storeInterned(Array(utf8))
                }
            }
        }
    }

    /// The cell's UTF-8 bytes, handed to `body` without building a `String` (the terminal copies
    /// them straight into its output).
    public func withUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if count == Cell.internedMark {
            var s = CellTextTable.shared.string(at: low)
            return try s.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        }
        var bytes = (low, high)
        let n = Int(count)
        return try withUnsafeBytes(of: &bytes) { try body(UnsafeRawBufferPointer(rebasing: $0.prefix(n))) }
    }

    /// True when the text is a single ASCII space (what trailing-blank trimming looks for).
    var isSpace: Bool { count == 1 && low == 0x20 }

    /// True when every byte of the text is ASCII.
    public var isASCII: Bool {
        if count == Cell.internedMark { return text.utf8.allSatisfy { $0 < 0x80 } }
        return (low & 0x8080_8080_8080_8080) == 0 && (high & 0x8080_8080) == 0
    }

    private mutating func store(_ utf8: UnsafeBufferPointer<UInt8>) {
        var bytes: (UInt64, UInt32) = (0, 0)
        withUnsafeMutableBytes(of: &bytes) { $0.copyMemory(from: UnsafeRawBufferPointer(utf8)) }
        (low, high, count) = (bytes.0, bytes.1, UInt8(utf8.count))
    }

    private mutating func storeInterned(_ utf8: [UInt8]) {
        (low, high, count) = (CellTextTable.shared.index(of: utf8), 0, Cell.internedMark)
    }

    // MARK: Equality

    /// Equal text (as `String` compares it: canonically equivalent clusters are equal), style and
    /// width. Identical bytes answer at once, which is the common case when two frames agree.
    public static func == (a: Cell, b: Cell) -> Bool {
        guard a.style == b.style, a.width == b.width else { return false }
        if a.low == b.low, a.high == b.high, a.count == b.count { return true }
        return a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(style)
        hasher.combine(width)
    }
}

/// Grapheme clusters too long to keep inline in a `Cell`, each stored once for the life of the
/// process. Keyed by exact bytes, so a cell gives back exactly the bytes it was given.
final class CellTextTable: Sendable {
    static let shared = CellTextTable()

    private struct Table {
        var strings: [String] = []
        var indices: [[UInt8]: UInt64] = [:]
    }
    private let table = Mutex(Table())

    func index(of utf8: [UInt8]) -> UInt64 {
        table.withLock { t in
            if let i = t.indices[utf8] { return i }
            let i = UInt64(t.strings.count)
            t.strings.append(String(decoding: utf8, as: UTF8.self))
            t.indices[utf8] = i
            return i
        }
    }

    func string(at index: UInt64) -> String {
        table.withLock { $0.strings[Int(index)] }
    }
}
