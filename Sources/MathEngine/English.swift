/// Small rules of English the rendered texts need: ordinals, "a"/"an" before a number, and
/// capitalising the first word of a sentence without touching mathematical symbols.
///
/// They live in the engine because `ordinal` is a content function and `Verdict` (here) turns a
/// mistake's explanation into a sentence; the template renderer uses `article` too.
public enum English {
    /// `21` → "21st", `12` → "12th", `22` → "22nd", `103` → "103rd".
    public static func ordinal(_ n: Int) -> String {
        let tens = abs(n) % 100, units = abs(n) % 10
        let suffix = (11...13).contains(tens) ? "th" : units == 1 ? "st" : units == 2 ? "nd" : units == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }

    /// The article a number written in digits takes when read aloud: "an" for numbers read
    /// "eight…", "eleven…", "eighteen…" (8, 80, 11, 18, 8000, 11000), "a" otherwise.
    /// nil when `text` does not start with a digit.
    public static func article(beforeNumber text: some StringProtocol) -> String? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let first = digits.first else { return nil }
        let groupLength = digits.count % 3 == 0 ? 3 : digits.count % 3
        let leading = Int(digits.prefix(groupLength)) ?? 0
        return first == "8" || leading == 11 || leading == 18 ? "an" : "a"
    }

    /// Math function names that stay lower case even at the start of a sentence.
    static let lowercaseNames: Set<String> = ["ln", "log", "exp", "tanh", "sech", "sinh", "cosh", "sin", "cos", "diag", "argmax"]

    /// Capitalises the first letter of `s` when it begins an ordinary word: a Latin letter
    /// followed by another letter ("that" → "That"), or the article "a" before a word. Symbols
    /// are left alone: Greek letters (σ stays σ, not Σ), single-letter variables (n, x_B, x⁽³⁾,
    /// z^[1], w_{25}, a = tanh z) and function names such as tanh and ln.
    public static func capitalisingFirstWord(_ s: String) -> String {
        guard let first = s.first, isLatinLowercase(first) else { return s }
        let letters = s.prefix { $0.isLetter }
        if letters.count == 1 {
            // Only the article: "a" + space + a word.
            let rest = s.dropFirst()
            guard first == "a", rest.first == " ", let next = rest.dropFirst().first, next.isLetter else { return s }
        } else if lowercaseNames.contains(String(letters)) || !letters.allSatisfy(isLatin) {
            return s
        }
        return first.uppercased() + s.dropFirst()
    }

    /// Basic Latin, Latin-1 and Latin Extended-A/B letters (not Greek, not letter-like symbols).
    static func isLatin(_ c: Character) -> Bool {
        guard c.isLetter, let v = c.unicodeScalars.first?.value else { return false }
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || ((0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7)
    }

    static func isLatinLowercase(_ c: Character) -> Bool { isLatin(c) && c.isLowercase }
}
