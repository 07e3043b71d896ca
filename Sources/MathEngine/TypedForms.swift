/// Forms students type around an answer that the readers would otherwise refuse or misread: a
/// label before the value (`n = 26`, `L = 0.44`, `P(n) = 23n + 3`), and, when a reading fails,
/// what to type instead (a decimal comma, thousands separators, words in a shape, `2 out of 4`).
///
/// Everything here works on the typed text alone, keeping columns in place (a label is blanked
/// with spaces), so a message still points at the column typed.
enum TypedForms {
    /// The text with a leading `NAME =` blanked out, and the label as typed; nil when the text has
    /// no such label. The label starts with a letter and holds no arithmetic outside brackets
    /// (`W^[1]`, `x_B`, `P(n)`, `acc(k+1)`); exactly one `=` is typed, not part of `==`, `<=`.
    static func label(in input: String) -> (text: String, label: String)? {
        guard input.utf8.contains(61) else { return nil } // no `=`: no label (the usual case, no allocation)
        var s = Array(input.unicodeScalars)
        guard let eq = s.firstIndex(of: "="), s[(eq + 1)...].allSatisfy({ $0 != "=" }) else { return nil }
        if eq > 0, ["<", ">", "!", "≤", "≥"].contains(s[eq - 1]) { return nil }
        var lo = 0
        while lo < eq, s[lo] == " " { lo += 1 }
        var hi = eq
        while hi > lo, s[hi - 1] == " " { hi -= 1 }
        guard hi > lo, s[lo].properties.isAlphabetic, hi - lo <= 40, isLabel(s[lo..<hi]) else { return nil }
        guard s[(eq + 1)...].contains(where: { $0 != " " }) else { return nil }
        var label = ""
        label.unicodeScalars.append(contentsOf: s[lo..<hi])
        for k in 0...eq { s[k] = " " }
        var out = ""
        out.unicodeScalars.append(contentsOf: s)
        return (out, label)
    }

    /// Letters, digits, `_ ^ ' ′ .`, spaces, and anything inside brackets.
    private static func isLabel(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var depth = 0
        for c in s {
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "_", "^", "'", "′", ".", " ", "⁽", "⁾": continue
            default:
                if depth > 0 || c.properties.isAlphabetic || Lexer.isDigit(c.value) || isSuperOrSubscript(c.value)
                    || c.properties.generalCategory == .nonspacingMark
                {
                    continue
                }
                return false
            }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// An ASCII digit `0`…`9`.
    static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }

    private static func isSuperOrSubscript(_ v: UInt32) -> Bool {
        v == 0xB9 || v == 0xB2 || v == 0xB3 || (v >= 0x2070 && v <= 0x209C)
    }

    /// What to type instead, for a text the reader refused (or would misread) as `kind`; nil when
    /// none of the known slips fits.
    static func advice(_ input: String, kind: AnswerKind) -> String? {
        let t = AnswerReader.trimmed(input)
        switch kind {
        case .number, .integer:
            if let whole = thousands(t) { return "Write \(whole) without separators." }
            if let point = decimalComma(t) { return "Use a decimal point: \(point)." }
            if let (a, b) = outOf(t) { return "Write it as a number, e.g. \(a)/\(b)." }
        case .vector, .matrix:
            if let point = decimalCommaInEntries(t) {
                return "Use a decimal point: \(point); commas and semicolons separate entries."
            }
        case .shape, .vectorLength:
            if let shape = shapeInWords(t) { return "Write it as \(shape)." }
        default:
            break
        }
        return nil
    }

    /// The first number written with a decimal comma among entries (`[0,97; 0,91]`,
    /// `0,97, 0,91`): a comma between digits, where `;` or `, ` separates the entries; nil else.
    static func decimalCommaInEntries(_ t: String) -> String? {
        let s = Array(t.unicodeScalars)
        guard let k = commaBetweenDigits(s) else { return nil }
        let spaced = s.indices.contains { s[$0] == "," && $0 + 1 < s.count && s[$0 + 1] == " " }
        return s.contains(";") || spaced ? numberAround(s, k) : nil
    }

    /// `1,695` or `263 171`: groups of three digits after the first, as a whole number.
    static func thousands(_ t: String) -> String? {
        let groups = t.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "'" || $0 == "\u{2009}" })
        guard !t.contains(", "), groups.count >= 2, let first = groups.first, first.count <= 3, !first.hasPrefix("0"),
            groups.allSatisfy({ $0.allSatisfy(TypedForms.isDigit) }), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return groups.joined()
    }

    /// `0,44` or `-1,5`: one comma between digits, read with a point instead.
    static func decimalComma(_ t: String) -> String? {
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var whole = Substring(parts[0])
        if whole.first == "-" || whole.first == "−" { whole = whole.dropFirst() }
        guard !whole.isEmpty, whole.allSatisfy(TypedForms.isDigit), !parts[1].isEmpty, parts[1].allSatisfy(TypedForms.isDigit)
        else {
            return nil
        }
        return (parts[0].hasPrefix("−") ? "-" + whole : parts[0]) + "." + parts[1]
    }

    /// `2 out of 4`, `2 of 4`.
    static func outOf(_ t: String) -> (String, String)? {
        let words = t.lowercased().split(separator: " ")
        guard words.count >= 3, let a = words.first, let b = words.last, a.allSatisfy(TypedForms.isDigit),
            b.allSatisfy(TypedForms.isDigit), words.dropFirst().dropLast().allSatisfy({ $0 == "out" || $0 == "of" })
        else { return nil }
        return (String(a), String(b))
    }

    /// `4 × 8 matrix`, `4-by-8`, `4 rows 8 cols`, `a scalar`: the shape as `4x8` or `scalar`,
    /// when the text holds words besides the numbers (nil otherwise).
    static func shapeInWords(_ t: String) -> String? {
        let lower = t.lowercased()
        let words = lower.split(whereSeparator: { !$0.isLetter }).filter { $0 != "x" && $0 != "by" }
        let hyphenated = lower.contains("-by") || lower.contains("by-")
        guard !words.isEmpty || hyphenated else { return nil }
        let numbers = lower.split(whereSeparator: { !TypedForms.isDigit($0) })
        if numbers.isEmpty { return words.contains("scalar") ? "scalar" : nil }
        guard numbers.count >= 2, numbers.count <= 8 else { return nil }
        return numbers.joined(separator: "x")
    }

    /// Index of the first `,` with a digit straight on each side.
    private static func commaBetweenDigits(_ s: [Unicode.Scalar]) -> Int? {
        s.indices.first { k in
            s[k] == "," && k > 0 && k + 1 < s.count && Lexer.isDigit(s[k - 1].value) && Lexer.isDigit(s[k + 1].value)
        }
    }

    /// The number around the comma at `k`, written with a point (`0,97` → `0.97`).
    private static func numberAround(_ s: [Unicode.Scalar], _ k: Int) -> String {
        var a = k, b = k + 1
        while a > 0, Lexer.isDigit(s[a - 1].value) { a -= 1 }
        while b < s.count, Lexer.isDigit(s[b].value) { b += 1 }
        var out = ""
        out.unicodeScalars.append(contentsOf: s[a..<k])
        out += "."
        out.unicodeScalars.append(contentsOf: s[(k + 1)..<b])
        return out
    }
}
