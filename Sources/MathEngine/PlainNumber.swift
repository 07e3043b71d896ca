/// The short way through `AnswerReader` for the commonest answer of all: a bare number.
///
/// Most answers to number and integer steps are one literal (`619`, `0.44`, `-1.5e-3`). The full
/// path lexes into a token array, parses into a boxed syntax tree and walks it, which is most of a
/// check's time. Here the text's UTF-8 is read in place with the lexer's own number routine
/// (`Lexer.lexNumber`), so the value is bit for bit the one the full path computes; anything else
/// (an operator, a letter, a non-ASCII character, a number the lexer rejects) returns nil and
/// takes the full path, which also produces every message and column.
extension AnswerReader {
    /// A bare number typed for a number step, or a bare whole number for an integer step, as the
    /// full path reads it; nil for other kinds and other texts (a bare 2.5 for an integer step
    /// too: the full path words its error).
    static func plainAnswer(_ input: String, as kind: AnswerKind) -> Double? {
        switch kind {
        case .number: return plainNumber(input)
        case .integer:
            guard let x = plainNumber(input), x == x.rounded() else { return nil }
            return x
        default: return nil
        }
    }

    /// The value of `input` when it is, apart from ASCII spaces, tabs and line breaks around it,
    /// one number literal with at most a `-` written straight before it; nil otherwise.
    ///
    /// The full path reads `-x` as negation applied to `x`, which for a finite `x` is exactly `-x`.
    static func plainNumber(_ input: String) -> Double? {
        let read = input.utf8.withContiguousStorageIfAvailable { bytes -> Double? in
            let n = bytes.count
            var i = 0
            while i < n, isSpace(bytes[i]) { i += 1 }
            var negative = false
            if i < n, bytes[i] == 45 { // "-"
                negative = true
                i += 1
            }
            // Where the lexer starts a number: a digit, or "." followed by a digit.
            guard i < n, Lexer.isDigit(UInt32(bytes[i])) || (bytes[i] == 46 && i + 1 < n && Lexer.isDigit(UInt32(bytes[i + 1])))
            else { return nil }
            guard let x = try? Lexer.lexNumber(ASCIIScalars(bytes: bytes), &i) else { return nil }
            while i < n, isSpace(bytes[i]) { i += 1 }
            return i == n ? (negative ? -x : x) : nil
        }
        return read ?? nil
    }

    /// The ASCII whitespace the lexer skips (it also skips U+00A0, which is not ASCII and so
    /// sends the text down the full path).
    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
}

/// UTF-8 bytes seen as Unicode scalars, one per byte: exact for ASCII, and any other byte is a
/// scalar no number contains (the lexer stops there and `plainNumber` gives up).
struct ASCIIScalars: RandomAccessCollection {
    let bytes: UnsafeBufferPointer<UInt8>

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }
    subscript(i: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[i]) }
}
