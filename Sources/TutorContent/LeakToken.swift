/// What a student reads out of a text: numbers (with a `%`), shapes and bracketed lists.
///
/// The scanner is deliberately forgiving about how a value is written (`−` or `-`, `×` or `x`,
/// `4 × 8`, `(256, 1025)`, `[0.97, 0.91]`, `{1, 3}`), because a leak written one way gives the
/// answer away as surely as one written another.
public enum LeakToken: Sendable, Hashable {
    case number(Double, percent: Bool)
    case shape([Int])
    case list([Double])

    /// Every token of `text`, in order. A list's or shape's numbers are tokens of their own too.
    public static func scan(_ text: String) -> [LeakToken] {
        let chars = Array(text.unicodeScalars)
        var out: [LeakToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "[" || c == "{" || c == "(" {
                let close: Unicode.Scalar = c == "[" ? "]" : c == "{" ? "}" : ")"
                if let end = chars[(i + 1)...].prefix(400).firstIndex(of: close),
                    let numbers = numbersOnly(chars[(i + 1)..<end]), numbers.count >= 2
                {
                    out.append(.list(numbers))
                    if c == "(" && numbers.allSatisfy({ $0 == $0.rounded() && $0 >= 0 && $0 < 1e9 }) {
                        out.append(.shape(numbers.map { Int($0) }))
                    }
                }
                i += 1
                continue
            }
            if let (x, next) = number(chars, at: i) {
                var j = next
                var percent = false
                if j < chars.count, chars[j] == "%" {
                    percent = true
                    j += 1
                }
                out.append(.number(x, percent: percent))
                // Shapes: 4×8, 4 x 8, 256x1025x1.
                var dims = [x]
                var k = j
                while true {
                    var m = k
                    while m < chars.count, chars[m] == " " { m += 1 }
                    guard m < chars.count, chars[m] == "×" || chars[m] == "x" || chars[m] == "X" else { break }
                    m += 1
                    while m < chars.count, chars[m] == " " { m += 1 }
                    guard let (y, after) = number(chars, at: m), y >= 0 else { break }
                    dims.append(y)
                    out.append(.number(y, percent: false))
                    k = after
                }
                if dims.count >= 2, dims.allSatisfy({ $0 == $0.rounded() && $0 >= 0 && $0 < 1e9 }) {
                    out.append(.shape(dims.map { Int($0) }))
                }
                i = max(k, j)
                continue
            }
            i += 1
        }
        return out
    }

    /// The numbers of a bracket's inside when it holds nothing else (separators: `,` `;` space).
    private static func numbersOnly(_ inside: ArraySlice<Unicode.Scalar>) -> [Double]? {
        let chars = Array(inside)
        var out: [Double] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "," || c == ";" || c == "[" || c == "]" {
                i += 1
                continue
            }
            guard let (x, next) = number(chars, at: i) else { return nil }
            out.append(x)
            i = next
        }
        return out
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// A decimal number starting at `i` (a leading `-`/`−` when it is not a subtraction), with
    /// an optional exponent; nil when `i` does not start one. Digits glued to a letter before
    /// them (`x⁽4⁾`, `w_25`, `log10`) are part of a name, not a number.
    static func number(_ chars: [Unicode.Scalar], at start: Int) -> (Double, Int)? {
        var i = start
        var negative = false
        if i < chars.count, chars[i] == "-" || chars[i] == "−" {
            let before = i > 0 ? chars[i - 1] : " "
            guard before == " " || before == "(" || before == "[" || before == "{" || before == "," || before == "=" else {
                return nil
            }
            negative = true
            i += 1
        }
        guard i < chars.count, isDigit(chars[i]) else { return nil }
        if !negative, start > 0 {
            let before = chars[start - 1]
            if before.properties.isAlphabetic || before == "_" || before == "." || before == "^" || isDigit(before) { return nil }
        }
        var text = negative ? "-" : ""
        text.reserveCapacity(12)
        while i < chars.count, isDigit(chars[i]) {
            text.unicodeScalars.append(chars[i])
            i += 1
        }
        if i + 1 < chars.count, chars[i] == ".", isDigit(chars[i + 1]) {
            text.append(".")
            i += 1
            while i < chars.count, isDigit(chars[i]) {
                text.unicodeScalars.append(chars[i])
                i += 1
            }
        }
        if i + 1 < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            var exp = "e"
            if j < chars.count, chars[j] == "-" || chars[j] == "+" {
                exp.unicodeScalars.append(chars[j])
                j += 1
            }
            if j < chars.count, isDigit(chars[j]) {
                while j < chars.count, isDigit(chars[j]) {
                    exp.unicodeScalars.append(chars[j])
                    j += 1
                }
                text += exp
                i = j
            }
        }
        guard let x = Double(text), x.isFinite else { return nil }
        return (x, i)
    }
}
