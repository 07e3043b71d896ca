/// Readers for answers that are words rather than numbers: text lists and choices.
///
/// Text comparison is normalised (`Tolerance.normalised`), so the reader keeps what was typed
/// (trimmed) and only splits it; the preview shows the items as the grader will see them.
enum ListReader {
    /// `genderfemale, gendermale, age` (also `;`, optional outer brackets and quotes).
    static func texts(_ input: String) throws(EngineError) -> Value {
        var s = Array(input.unicodeScalars)
        if let f = s.firstIndex(where: { $0 != " " }), s[f] == "[",
            let l = s.lastIndex(where: { $0 != " " }), l > f, s[l] == "]"
        {
            s[f] = " "
            s[l] = " "
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

    /// An option by letter (`b`, `(b)`, `B`), by number (`2`), by its text or a unique prefix of it
    /// (`inc` for `increased`), or by key words (`leaky relu`, `deep`), case-insensitively.
    ///
    /// `options` is the list as the student sees it (seeded variants shuffle it), so letters and
    /// numbers always refer to that order. A prefix that fits several options is incomplete (more
    /// typing can settle it); key words that fit several are invalid, naming them by letter.
    static func choice(_ input: String, _ options: [String]) throws(EngineError) -> String {
        var t = Substring(input.lowercased())
        while let f = t.first, f == " " || f == "(" { t.removeFirst() }
        while let l = t.last, l == " " || l == ")" || l == "." { t.removeLast() }
        let word = String(t)
        let lowered = options.map { $0.lowercased() }
        if let i = lowered.firstIndex(of: word) { return options[i] }
        if let i = ChoiceWords.copiedWithLetter(word, lowered) { return options[i] }
        if let letters = ChoiceWords.severalLetters(word, count: options.count) {
            throw EngineError(column: 1, message: "Choose one option, not " + letters + ".")
        }
        if word.unicodeScalars.count == 1, let v = word.unicodeScalars.first?.value, v >= 97,
            v < 97 + UInt32(min(options.count, 26))
        {
            return options[Int(v - 97)]
        }
        if let n = Int(word), n >= 1, n <= options.count { return options[n - 1] }
        let matches = lowered.indices.filter { !word.isEmpty && lowered[$0].hasPrefix(word) }
        if matches.count == 1 { return options[matches[0]] }
        // A bare number is an option number, never a key word ("3" must not pick "3 layers").
        var keyed = Int(word) == nil ? ChoiceWords.matching(word, lowered) : []
        if keyed.count > 1, let only = ChoiceWords.completelyNamed(word, keyed, lowered) { keyed = [only] }
        if keyed.count == 1 && matches.isEmpty { return options[keyed[0]] }
        if matches.count > 1 {
            throw EngineError(
                column: 1, message: "'\(word)' could be " + listed(matches, options, "or") + ".", isIncomplete: true)
        }
        if keyed.count > 1 {
            throw EngineError(
                column: 1, message: "'\(word)' fits more than one option: " + listed(keyed, options, "and") + "; type its letter."
            )
        }
        throw EngineError(column: 1, message: "Choose one of: " + listed(Array(options.indices), options, nil) + ".")
    }

    /// `a) increased, b) decreased` (the last joined by `conjunction` when given).
    private static func listed(_ indices: [Int], _ options: [String], _ conjunction: String?) -> String {
        let items = indices.map { ChoiceWords.label($0) + ") " + options[$0] }
        guard let conjunction, items.count > 1 else { return items.joined(separator: ", ") }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }
}

/// Key-word matching of choice options: the words typed, in comma-separated phrases, against the
/// words of each option.
enum ChoiceWords {
    /// The letter a student sees for option `i` (`a`, `b`, …; numbers past `z`).
    static func label(_ i: Int) -> String {
        i < 26 ? String(Character(Unicode.Scalar(UInt8(97 + i)))) : String(i + 1)
    }

    /// Indices of the options (lower-cased) that every phrase of `typed` fits: a phrase (split at
    /// `,` or `;`) fits when its words appear one after another in the option, each typed word
    /// equal to the option's word or a prefix of it (`bias` fits "biases", `leaky rel` "Leaky
    /// ReLU"). Phrases are kept in order within themselves only, so `accuracy increased, loss
    /// decreased` fits "loss decreased, accuracy increased".
    static func matching(_ typed: String, _ options: [String]) -> [Int] {
        let phrases = typed.split(whereSeparator: { $0 == "," || $0 == ";" }).map { words(String($0)) }.filter { !$0.isEmpty }
        guard !phrases.isEmpty else { return [] }
        return options.indices.filter { i in
            let have = words(options[i])
            return phrases.allSatisfy { contains(have, $0) }
        }
    }

    /// An option copied with its letter, as the key prints it (`d) loss increased`, `(b) deep`,
    /// `c. plain relu`): the option whose text follows the letter (nil when none does).
    static func copiedWithLetter(_ typed: String, _ options: [String]) -> Int? {
        let s = Array(typed.unicodeScalars)
        guard s.count > 3, s[0].value >= 97, s[0].value <= 122, s[1] == ")" || s[1] == "." || s[1] == ":" else { return nil }
        var rest = Substring(typed.dropFirst(2))
        while rest.first == " " { rest.removeFirst() }
        return options.firstIndex { $0 == rest }
    }

    /// `a, d`, `a and d`, `b c`: several option letters at once, listed as typed (nil otherwise).
    static func severalLetters(_ typed: String, count: Int) -> String? {
        let items = typed.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" || $0 == "/" || $0 == "&" })
            .filter { $0 != "and" && $0 != "or" }
        guard items.count >= 2,
            items.allSatisfy({
                $0.count == 1 && ($0.unicodeScalars.first?.value ?? 0) >= 97
                    && ($0.unicodeScalars.first?.value ?? 0) < 97 + UInt32(min(count, 26))
            })
        else { return nil }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// Words that qualify without naming a different thing (`plain ReLU` is ReLU).
    static let fillers: Set<Substring> = ["plain", "simple", "standard", "ordinary", "vanilla", "the", "a", "an"]

    /// Among `candidates` that the typed key words fit, the one option every one of whose own
    /// words (those not shared by all candidates, fillers aside) was typed: `relu` names "plain
    /// ReLU", not "Leaky ReLU". nil when that is not exactly one option, or when the options are
    /// compound (hold a comma), where a single word cannot say which part it means.
    static func completelyNamed(_ typed: String, _ candidates: [Int], _ options: [String]) -> Int? {
        guard !options.contains(where: { $0.contains(",") }) else { return nil }
        let typedWords = Set(words(typed))
        let wordsOf = options.map { Set(words($0)) }
        let shared = candidates.dropFirst().reduce(wordsOf[candidates[0]]) { $0.intersection(wordsOf[$1]) }
        let complete = candidates.filter { i in
            wordsOf[i].subtracting(shared).subtracting(fillers).isSubset(of: typedWords)
        }
        return complete.count == 1 ? complete[0] : nil
    }

    /// Runs of letters and digits (so `leaky-relu` and `Leaky ReLU` give the same words).
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    private static func contains(_ have: [Substring], _ phrase: [Substring]) -> Bool {
        guard phrase.count <= have.count else { return false }
        for start in 0...(have.count - phrase.count)
        where phrase.indices.allSatisfy({ have[start + $0].hasPrefix(phrase[$0]) }) {
            return true
        }
        return false
    }
}
