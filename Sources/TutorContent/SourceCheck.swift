import Foundation

/// Checks a content file's bytes before YAML sees them, so the two problems YAML reports
/// without a usable line get one: invalid UTF-8 (the line of the first bad byte) and control
/// characters (their line and column, the character shown escaped so a diagnostic never sends a
/// raw escape sequence to the author's terminal).
package enum SourceCheck {
    /// The text, or the diagnostic that stops this file.
    package static func decode(_ data: Data, file: String) -> Result<String, ContentError> {
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidByte(bytes)
            let line = 1 + bytes[..<bad].lazy.filter { $0 == 0x0A }.count
            let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return .failure(
                ContentError(
                    file: file, line: line,
                    message:
                        "the file is not UTF-8: byte 0x\(hex) at byte \(bad - lineStart + 1) of this line (save it as UTF-8)."))
        }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isForbidden(scalar) {
                return .failure(
                    ContentError(
                        file: file, line: line,
                        message: "control character \(escaped(scalar)) at column \(column) is not allowed; remove it."))
            }
            column += 1
        }
        return .success(text)
    }

    /// C0 controls other than tab, LF and CR, DEL and the C1 controls: YAML forbids them, and
    /// in a student's terminal they would move the cursor or change colours.
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x09 || v == 0x0A || v == 0x0D { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v)
    }

    /// `U+001B`, the way a diagnostic names a character it must not print.
    static func escaped(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Text with every control character replaced by its `U+XXXX` name, for messages.
    package static func printable(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if isForbidden(s) || s == "\t" || s == "\n" || s == "\r" { out += escaped(s) } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n: Int
            switch b {
            case 0x00...0x7F: n = 1
            case 0xC2...0xDF: n = 2
            case 0xE0...0xEF: n = 3
            case 0xF0...0xF4: n = 4
            default: return i
            }
            guard i + n <= bytes.count else { return i }
            let chunk = Array(bytes[i..<(i + n)])
            if String(validating: chunk, as: UTF8.self) == nil { return i }
            i += n
        }
        return max(0, bytes.count - 1)
    }
}
