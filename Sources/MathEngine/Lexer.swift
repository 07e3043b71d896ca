/// Splits typed text into tokens in one pass over its Unicode scalars.
///
/// Works on a scalar array (one allocation per call) instead of substrings per character, because
/// it runs on every keystroke. Unicode forms students paste from notes (`× · − ÷ ² ³ π σ ≤ ≥ ≠`) map
/// to the same tokens as their ASCII spellings.
struct Lexer {
    /// Longest input the engine reads; longer text gets a clear message instead of slow work.
    static let maxLength = 500

    static func tokenize(_ text: String) throws(EngineError) -> [Token] {
        let s = Array(text.unicodeScalars)
        if s.count > maxLength {
            throw EngineError(column: maxLength + 1, message: "The answer is too long (at most \(maxLength) characters).")
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 2 + 2)
        var i = 0
        var space = false
        func add(_ k: Token.Kind, _ start: Int, _ end: Int) {
            tokens.append(Token(kind: k, column: start + 1, endColumn: end + 1, spaceBefore: space))
            space = false
        }
        while i < s.count {
            let c = s[i]
            let v = c.value
            if v == 32 || v == 9 || v == 10 || v == 13 || v == 0xA0 {
                space = true
                i += 1
                continue
            }
            if isDigit(v) || (v == 46 && i + 1 < s.count && isDigit(s[i + 1].value)) {
                let start = i
                let x = try lexNumber(s, &i)
                add(.number(x), start, i)
                continue
            }
            if isNameStart(v) {
                let start = i
                i += 1
                while i < s.count, isNameChar(s[i].value) { i += 1 }
                var name = ""
                name.unicodeScalars.append(contentsOf: s[start..<i])
                add(.name(name), start, i)
                continue
            }
            if v > 127 && c.properties.isAlphabetic {
                // A single non-ASCII letter (π, σ, α) is a name of its own, so `2π` reads as 2·π.
                add(.name(String(Character(c))), i, i + 1)
                i += 1
                continue
            }
            let start = i
            let next: UInt32 = i + 1 < s.count ? s[i + 1].value : 0
            var kind: Token.Kind
            var width = 1
            switch v {
            case 43: kind = .plus
            case 45, 0x2212, 0x2013: kind = .minus
            case 42:
                if next == 42 {
                    kind = .caret
                    width = 2
                } else {
                    kind = .star
                }
            case 0xD7, 0xB7, 0x22C5, 0x2217: kind = .star
            case 47, 0xF7, 0x2215: kind = .slash
            case 94: kind = .caret
            case 64: kind = .matmul
            case 37: kind = .percent
            case 0xB2: kind = .square
            case 0xB3: kind = .cube
            case 40: kind = .lparen
            case 41: kind = .rparen
            case 91: kind = .lbracket
            case 93: kind = .rbracket
            case 123: kind = .lbrace
            case 125: kind = .rbrace
            case 44: kind = .comma
            case 59: kind = .semicolon
            case 60:
                if next == 61 {
                    kind = .lessEqual
                    width = 2
                } else {
                    kind = .less
                }
            case 62:
                if next == 61 {
                    kind = .greaterEqual
                    width = 2
                } else {
                    kind = .greater
                }
            case 61:
                if next == 61 {
                    kind = .equal
                    width = 2
                } else {
                    kind = .equal
                }
            case 33:
                guard next == 61 else { throw EngineError(column: i + 1, message: "Unexpected character '!'.") }
                kind = .notEqual
                width = 2
            case 0x2264: kind = .lessEqual
            case 0x2265: kind = .greaterEqual
            case 0x2260: kind = .notEqual
            case 34, 0x201C, 0x201D:
                i += 1
                var body = ""
                while i < s.count, s[i].value != 34, s[i].value != 0x201D {
                    body.unicodeScalars.append(s[i])
                    i += 1
                }
                if i >= s.count {
                    throw EngineError(column: s.count + 1, message: "Close the text with '\"'.", isIncomplete: true)
                }
                i += 1
                add(.text(body), start, i)
                continue
            default:
                throw EngineError(column: i + 1, message: "Unexpected character '\(Character(c))'.")
            }
            i += width
            add(kind, start, i)
        }
        tokens.append(Token(kind: .end, column: s.count + 1, endColumn: s.count + 1, spaceBefore: space))
        return tokens
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }
    @inline(__always) static func isNameStart(_ v: UInt32) -> Bool { (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95 }
    @inline(__always) static func isNameChar(_ v: UInt32) -> Bool { isNameStart(v) || isDigit(v) }

    /// Exact powers of ten for the fast path of `lexNumber`.
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// Reads `619`, `.5`, `0.44`, `4.4e-1`, `8.2e−9`; `4.4e` at the end is incomplete, while
    /// `2e*3` is 2·e·3 (an `e` not followed by an exponent is the constant).
    ///
    /// Fast path without allocation: up to 15 significant digits and a decimal exponent within
    /// ±22 give a correctly rounded double from one exact multiplication or division (Clinger);
    /// anything longer goes through the standard library's parser.
    ///
    /// Generic over the scalars so `AnswerReader.plainNumber` reads a bare number straight from
    /// the text's UTF-8 with this very routine (same digits, same rounding, same errors).
    static func lexNumber<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S, _ i: inout Int) throws(EngineError) -> Double
    where S.Index == Int {
        let start = i
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var exact = true
        func digit(_ v: UInt32, fraction: Bool) {
            if mantissa == 0 && v == 48 {
                if fraction { scale -= 1 }
                return
            }
            if digits < 19 {
                mantissa = mantissa * 10 + UInt64(v - 48)
                digits += 1
                if fraction { scale -= 1 }
            } else {
                exact = false
                if !fraction { scale += 1 }
            }
        }
        while i < s.count, isDigit(s[i].value) {
            digit(s[i].value, fraction: false)
            i += 1
        }
        if i < s.count, s[i].value == 46 {
            i += 1
            while i < s.count, isDigit(s[i].value) {
                digit(s[i].value, fraction: true)
                i += 1
            }
        }
        let mantissaEnd = i
        var exponent = 0
        if i < s.count, s[i].value == 101 || s[i].value == 69 {
            var j = i + 1
            var negative = false
            if j < s.count, [43, 45, 0x2212].contains(s[j].value) {
                negative = s[j].value != 43
                j += 1
            }
            if j < s.count, isDigit(s[j].value) {
                while j < s.count, isDigit(s[j].value) {
                    if exponent < 100_000 { exponent = exponent * 10 + Int(s[j].value - 48) }
                    j += 1
                }
                if negative { exponent = -exponent }
                i = j
            } else if j >= s.count {
                throw EngineError(column: s.count + 1, message: "Finish the exponent after 'e'.", isIncomplete: true)
            }
        }
        let k = scale + exponent
        if exact && digits <= 15 {
            if mantissa == 0 { return 0 }
            if k >= 0 && k <= 22 {
                let x = Double(mantissa) * powersOfTen[k]
                if x.isFinite { return x }
            } else if k < 0 && k >= -22 {
                return Double(mantissa) / powersOfTen[-k]
            }
        }
        var text = ""
        for c in s[start..<mantissaEnd] where c != "." { text.unicodeScalars.append(c) }
        let fractionDigits = s[start..<mantissaEnd].firstIndex(of: ".").map { mantissaEnd - $0 - 1 } ?? 0
        text += "e" + String(exponent - fractionDigits)
        guard let x = Double(text) else {
            throw EngineError(column: start + 1, message: "This number cannot be read.")
        }
        if !x.isFinite { throw EngineError.tooLarge(start + 1) }
        return x
    }
}
