import Synchronization

/// Text cut into the cells it occupies: one cell per grapheme cluster with its display width,
/// control characters dropped and a tab turned into a space, exactly as `Buffer.put` places it.
///
/// Why a cache: a screen is redrawn on every keystroke, and nearly all of its text (titles, the
/// question, step labels, key help, rules) is the same as in the previous frame. Splitting a
/// string into grapheme clusters and measuring each one cost more than everything else in a frame
/// (measured with `perf`), so each distinct string is cut once and the cells reused. Bounded and
/// shared by all threads (the linter draws pictures in parallel).
enum ShapedText {
    /// A string's cells, and its width as `DisplayWidth.of` counts it (a tab counts 0 there).
    struct Entry {
        var cells: [Cell]
        var width: Int
    }

    private static let cache = Mutex<[ExactText: Entry]>([:])
    /// Enough for every string of several screens; emptied when full (typed text churns slowly).
    private static let limit = 2048

    /// True when every byte is printable ASCII (space to tilde): each byte is then one cell of
    /// width 1, and `Buffer.put` needs no clusters.
    static func isPrintableASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 &- 0x20 < 0x5F }
    }

    /// The cells of `string` in `.normal` style. A cell of width 0 is a zero-width cluster (a
    /// lone combining mark) that joins the previous cell.
    static func glyphs(of string: String) -> [Cell] { entry(string).cells }

    /// The sum of the display widths of `string`'s clusters (`DisplayWidth.of`).
    static func width(of string: String) -> Int { entry(string).width }

    private static func entry(_ string: String) -> Entry {
        let key = ExactText(string)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let entry = shape(string)
        cache.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[key] = entry
        }
        return entry
    }

    /// Cuts without the cache (the rule `Buffer.put` has always followed).
    static func shape(_ string: String) -> Entry {
        var out: [Cell] = []
        out.reserveCapacity(string.utf8.count)
        var width = 0
        for ch in string {
            width += DisplayWidth.of(ch)
            let c: Character = ch == "\t" ? " " : ch
            let w = DisplayWidth.of(c)
            if w == 0 && c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
            out.append(Cell(c, style: .normal, width: UInt8(w)))
        }
        return Entry(cells: out, width: width)
    }
}
