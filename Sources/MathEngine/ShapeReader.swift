/// Reads tensor shapes the many ways students write them: `256x1025`, `256 × 1025`, `(256, 1025)`,
/// `[256, 1025]`, `256 by 1025`, `257`, `(257,)`, `257-vector`, `scalar`, `()`, `1x1`.
///
/// A scanner of its own rather than the expression parser, because `x` and `by` are separators here
/// and `(257,)` is not an expression. Each dimension may still be simple arithmetic (`7+1`).
enum ShapeReader {
    static func read(_ s: [Unicode.Scalar], offset: Int, env: Environment = AnswerReader.studentEnvironment) throws(EngineError)
        -> [Int]
    {
        var lo = 0, hi = s.count
        while lo < hi, s[lo] == " " || s[lo] == "\t" { lo += 1 }
        while hi > lo, s[hi - 1] == " " || s[hi - 1] == "\t" { hi -= 1 }
        if lo == hi { throw EngineError(column: offset + s.count + 1, message: "Type a shape.", isIncomplete: true) }
        if matchesWord(s, lo, hi, "scalar") { return [] }
        var isVector = false
        if hi - lo > 6, matchesWord(s, hi - 6, hi, "vector") {
            isVector = true
            hi -= 6
            while hi > lo, s[hi - 1] == " " || s[hi - 1] == "-" { hi -= 1 }
        }
        if hi - lo >= 2, s[hi - 1] == "b" || s[hi - 1] == "B", s[hi - 2] == " " {
            throw EngineError(column: offset + hi + 1, message: "Type the next dimension.", isIncomplete: true)
        }
        if s[lo] == "(" || s[lo] == "[" {
            let closer: Unicode.Scalar = s[lo] == "(" ? ")" : "]"
            var depth = 0, close = -1
            for i in lo..<hi {
                if s[i] == "(" || s[i] == "[" { depth += 1 }
                if s[i] == ")" || s[i] == "]" {
                    depth -= 1
                    if depth == 0 {
                        close = i
                        break
                    }
                }
            }
            if close < 0 {
                throw EngineError(
                    column: offset + s.count + 1, message: "Close the '\(Character(s[lo]))' from column \(offset + lo + 1).",
                    isIncomplete: true)
            }
            if close == hi - 1 {
                if s[close] != closer {
                    throw EngineError(column: offset + close + 1, message: "Unexpected '\(Character(s[close]))'.")
                }
                lo += 1
                hi -= 1
                while lo < hi, s[lo] == " " { lo += 1 }
                if lo == hi { return [] } // `()` is a scalar
            }
        }
        var segments: [(Int, Int)] = []
        var start = lo, depth = 0
        var lastSeparatorIsComma = false
        var i = lo
        while i < hi {
            let c = s[i]
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
            var width = 0
            if depth == 0 {
                switch c {
                case ",", ";", "x", "X", "×", "*", "·": width = 1
                case "b", "B":
                    if i + 1 < hi && (s[i + 1] == "y" || s[i + 1] == "Y")
                        && (i == lo || !Lexer.isNameChar(s[i - 1].value)) && (i + 2 >= hi || !Lexer.isNameChar(s[i + 2].value))
                    {
                        width = 2
                    }
                default: break
                }
            }
            if width > 0 {
                segments.append((start, i))
                lastSeparatorIsComma = c == ","
                i += width
                start = i
            } else {
                i += 1
            }
        }
        segments.append((start, hi))
        var dims: [Int] = []
        for (k, (a, b)) in segments.enumerated() {
            var x = a, y = b
            while x < y, s[x] == " " { x += 1 }
            while y > x, s[y - 1] == " " { y -= 1 }
            if x == y {
                if k == segments.count - 1 && lastSeparatorIsComma && segments.count == 2 { continue } // (257,)
                if k == segments.count - 1 && hiIsEnd(s, hi) {
                    throw EngineError(column: offset + s.count + 1, message: "Type the next dimension.", isIncomplete: true)
                }
                throw EngineError(column: offset + x + 1, message: "Missing a dimension.")
            }
            dims.append(try dimension(s, x, y, offset, env))
        }
        if dims.count > 8 { throw EngineError(column: offset + lo + 1, message: "A shape has at most 8 dimensions.") }
        if isVector && dims.count != 1 {
            throw EngineError(column: offset + lo + 1, message: "A vector has one dimension.")
        }
        return dims
    }

    private static func hiIsEnd(_ s: [Unicode.Scalar], _ hi: Int) -> Bool {
        var i = hi
        while i < s.count, s[i] == " " { i += 1 }
        return i == s.count
    }

    private static func matchesWord(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard hi - lo == w.count else { return false }
        for k in 0..<w.count {
            var v = s[lo + k].value
            if v >= 65 && v <= 90 { v += 32 }
            if v != w[k].value { return false }
        }
        return true
    }

    private static func dimension(_ s: [Unicode.Scalar], _ x: Int, _ y: Int, _ offset: Int, _ env: Environment)
        throws(EngineError) -> Int
    {
        // Fast path for the usual plain digits (no allocation); arithmetic goes through the parser.
        if y - x <= 9, s[x..<y].allSatisfy({ Lexer.isDigit($0.value) }) {
            var n = 0
            for c in s[x..<y] { n = n * 10 + Int(c.value - 48) }
            guard n >= 1 else { throw EngineError(column: offset + x + 1, message: "A dimension must be positive.") }
            return n
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: s[x..<y])
        let value: Value
        do {
            value = try Evaluator.evaluate(try Parser.parse(text, dialect: .student), in: env)
        } catch {
            throw EngineError(
                column: error.column + x + offset, message: error.message, isIncomplete: error.isIncomplete && hiIsEnd(s, y))
        }
        guard case .number(let n) = value, n == n.rounded() else {
            throw EngineError(column: offset + x + 1, message: "A dimension must be a whole number.")
        }
        guard n >= 1 else { throw EngineError(column: offset + x + 1, message: "A dimension must be positive.") }
        guard n <= 1e9 else { throw EngineError.tooLarge(offset + x + 1) }
        return Int(n)
    }

    /// A trailing repeat count as the answer key writes it, `8×9 (×6)` or `8x9 (x6)`: the shape
    /// without it, and how many times (1 when there is none; at most 100).
    private static func repetition(_ part: [Unicode.Scalar]) -> ([Unicode.Scalar], Int) {
        guard let close = part.lastIndex(where: { $0 != " " }), part[close] == ")",
            let open = part[..<close].lastIndex(of: "("), open > 0
        else { return (part, 1) }
        var k = open + 1
        while k < close, part[k] == " " { k += 1 }
        guard k < close, ["x", "X", "×", "*"].contains(part[k]) else { return (part, 1) }
        k += 1
        while k < close, part[k] == " " { k += 1 }
        var n = 0, digits = 0
        while k < close, Lexer.isDigit(part[k].value), digits < 4 {
            n = n * 10 + Int(part[k].value - 48)
            k += 1
            digits += 1
        }
        while k < close, part[k] == " " { k += 1 }
        guard digits > 0, k == close, n >= 1, n <= 100 else { return (part, 1) }
        var body = Array(part[..<open])
        while body.last == " " { body.removeLast() }
        guard !body.isEmpty else { return (part, 1) }
        return (body, n)
    }

    /// `8x20, 8x9, 3x9` or `8x20; 8x9`: split on `,`/`;` outside brackets, each item a shape.
    /// The whole list may sit in one pair of brackets, as the key prints it (`[8×20, 8×9]`); those
    /// are dropped when the inside has a `×`/`x`, so `[256, 1025]` still reads as one shape.
    static func readList(_ input: String, env: Environment = AnswerReader.studentEnvironment) throws(EngineError) -> Value {
        var s = Array(input.unicodeScalars)
        if let f = s.firstIndex(where: { $0 != " " }), s[f] == "[", let l = s.lastIndex(where: { $0 != " " }), l > f, s[l] == "]",
            closingBracket(s, from: f) == l, s[f...l].contains(where: { $0 == "x" || $0 == "X" || $0 == "×" })
        {
            s[f] = " "
            s[l] = " "
        }
        var items: [Value] = []
        var start = 0, depth = 0
        for i in 0...s.count {
            if i < s.count {
                let c = s[i]
                if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
                guard depth == 0 && (c == "," || c == ";") else { continue }
            }
            let part = Array(s[start..<i])
            if part.allSatisfy({ $0 == " " }) {
                if i == s.count { throw EngineError(column: s.count + 1, message: "Type the next shape.", isIncomplete: true) }
                throw EngineError(column: i + 1, message: "Missing a shape before ','.")
            }
            let (body, times) = repetition(part)
            let shape = Value.shape(try read(body, offset: start, env: env))
            items.append(contentsOf: repeatElement(shape, count: times))
            if items.count > 1000 { throw EngineError(column: i + 1, message: "Too many shapes.") }
            start = i + 1
        }
        return .list(items)
    }

    /// Index of the bracket that closes the one at `open`, or nil.
    private static func closingBracket(_ s: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        for i in open..<s.count {
            if s[i] == "[" || s[i] == "(" {
                depth += 1
            } else if s[i] == "]" || s[i] == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }
}
