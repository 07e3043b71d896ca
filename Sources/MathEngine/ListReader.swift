/// Readers for answers that are words rather than numbers: text lists and choices.
///
/// Text comparison is normalised (`Tolerance.normalised`), so the reader keeps what was typed
/// (trimmed) and only splits it; the preview shows the items as the grader will see them.
enum ListReader {
    /// `genderfemale, gendermale, age` (also `;`, optional outer brackets and quotes).
    static func texts(_ input: String) throws(EngineError) -> Value {
        var s = Array(input.unicodeScalars)
        if let f = s.firstIndex(where: { $0 != " " }), s[f] == "[",
           let l = s.lastIndex(where: { $0 != " " }), l > f, s[l] == "]" {
            s[f] = " "; s[l] = " "
        }
        var items: [Value] = []
        var start = 0
        for i in 0...s.count {
            guard i == s.count || s[i] == "," || s[i] == ";" else { continue }
            var a = start, b = i
            while a < b, s[a] == " " || s[a] == "\"" || s[a] == "'" { a += 1 }
            while b > a, s[b - 1] == " " || s[b - 1] == "\"" || s[b - 1] == "'" { b -= 1 }
            if a == b {
                if i == s.count { throw EngineError(column: s.count + 1, message: "Type the next item.", isIncomplete: true) }
                throw EngineError(column: i + 1, message: "Missing an item before ','.")
            }
            var item = ""
            item.unicodeScalars.append(contentsOf: s[a..<b])
            items.append(.text(item))
            start = i + 1
        }
        return .list(items)
    }

    /// The preview of a list: `genderfemale, gendermale, age (3 items)`.
    static func join(_ v: Value) -> String {
        guard case .list(let items) = v else { return v.display }
        let shown = items.map { item -> String in
            if case .text(let t) = item { return t }
            return item.display
        }
        let count = items.count == 1 ? "1 item" : "\(items.count) items"
        return shown.joined(separator: ", ") + " (\(count))"
    }

    /// An option by letter (`b`, `(b)`, `B`), by number (`2`), or by a unique prefix of its
    /// words (`inc` for `increased`), case-insensitively.
    static func choice(_ input: String, _ options: [String]) throws(EngineError) -> String {
        var t = Substring(input.lowercased())
        while let f = t.first, f == " " || f == "(" { t.removeFirst() }
        while let l = t.last, l == " " || l == ")" || l == "." { t.removeLast() }
        let word = String(t)
        let lowered = options.map { $0.lowercased() }
        if let i = lowered.firstIndex(of: word) { return options[i] }
        if word.unicodeScalars.count == 1, let v = word.unicodeScalars.first?.value, v >= 97, v < 97 + UInt32(min(options.count, 26)) {
            return options[Int(v - 97)]
        }
        if let n = Int(word), n >= 1, n <= options.count { return options[n - 1] }
        let matches = lowered.indices.filter { !word.isEmpty && lowered[$0].hasPrefix(word) }
        if matches.count == 1 { return options[matches[0]] }
        if matches.count > 1 {
            throw EngineError(column: 1, message: "'\(word)' could be " + matches.map { options[$0] }.joined(separator: " or ") + ".", isIncomplete: true)
        }
        let letters = options.indices.map { i in
            (i < 26 ? String(Character(Unicode.Scalar(UInt8(97 + i)))) : String(i + 1)) + ") " + options[i]
        }
        throw EngineError(column: 1, message: "Choose one of: " + letters.joined(separator: ", ") + ".")
    }
}
