/// Display width in terminal cells, computed in pure Swift.
///
/// Why not `wcwidth`: it depends on the process locale (it answers -1 for every non-ASCII
/// character in the C locale), so layout and tests would change with `LANG`. The tables are
/// generated from glibc's `wcwidth` in C.UTF-8, so on this platform the answer matches what
/// ncurses uses to place characters, and the tests' VT interpreter uses this same function.
public enum DisplayWidth {
    /// Width of one Unicode scalar: 0 (combining, format, control), 1, or 2 (East Asian wide).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 } // C0/C1 controls: never drawn
        if v < 0x300 { return 1 } // fast path: Latin, Greek starts at 0x370
        if contains(DisplayWidthTables.zeroWidth, v) { return 0 }
        if v >= 0x1100 && contains(DisplayWidthTables.doubleWidth, v) { return 2 }
        return 1
    }

    /// Width of one grapheme cluster (a Swift `Character`): the sum of its scalars' widths,
    /// at most 2. "e\u{0302}" is 1; an emoji ZWJ sequence is 2; a lone combining mark is 0.
    public static func of(_ character: Character) -> Int {
        var total = 0
        for s in character.unicodeScalars {
            total += of(s)
            if total >= 2 { return 2 }
        }
        return total
    }

    /// Width of a string: the sum of its characters' widths. Printable ASCII is its byte count;
    /// other strings are measured once and remembered (`ShapedText`), as screens measure the same
    /// labels on every frame.
    public static func of(_ string: String) -> Int {
        ShapedText.isPrintableASCII(string) ? string.utf8.count : ShapedText.width(of: string)
    }

    /// The same for any string type.
    public static func of(_ string: some StringProtocol) -> Int {
        var total = 0
        for c in string { total += of(c) }
        return total
    }

    /// The longest prefix of `string` whose width is at most `width` columns, and that width.
    /// A wide character that would straddle the limit is left out.
    public static func prefix(_ string: some StringProtocol, fitting width: Int) -> (text: String, width: Int) {
        var used = 0
        var out = ""
        for c in string {
            let w = of(c)
            if used + w > width { break }
            used += w
            out.append(c)
        }
        return (out, used)
    }

    /// `string` cut to `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ string: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(string) <= width { return string }
        let ew = of(ellipsis)
        guard ew < width else { return prefix(string, fitting: width).text }
        return prefix(string, fitting: width - ew).text + ellipsis
    }

    /// `string` padded with spaces on the right to `width` columns (truncated if longer).
    public static func pad(_ string: String, to width: Int) -> String {
        let (t, w) = prefix(string, fitting: width)
        return t + String(repeating: " ", count: max(0, width - w))
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
