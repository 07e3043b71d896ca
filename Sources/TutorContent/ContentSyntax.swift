import MathEngine

/// What the expression parser cannot know about an author's intent, said in the author's terms:
/// `mod(7, 3)` is a call of a function the language lacks (the parser, which allows `n(n+1)`,
/// sees a name times a bracket and complains about the comma), and `x % q` parses as "x percent
/// times q", which no author means.
enum ContentSyntax {
    /// The message for a formula the parser refused: an unknown function's name and the way to
    /// write it, when the error sits inside the brackets right after a name; else the parser's own.
    static func explain(_ error: EngineError, in source: String) -> String {
        guard let name = callBefore(column: error.column, in: source), !FunctionNames.available(in: .random).contains(name)
        else { return error.message }
        let advice = FunctionNames.advice(for: name, in: .content).map { "; \($0)" } ?? ""
        return "unknown function '\(name)'\(advice)."
    }

    /// The name written right before the innermost unclosed `(` that contains `column` (1-based).
    static func callBefore(column: Int, in source: String) -> String? {
        let s = Array(source.unicodeScalars)
        var opens: [Int] = []
        for i in 0..<min(max(column - 1, 0), s.count) {
            if s[i] == "(" { opens.append(i) } else if s[i] == ")", !opens.isEmpty { opens.removeLast() }
        }
        guard let open = opens.last else { return nil }
        var start = open
        while start > 0, isNameScalar(s[start - 1]) { start -= 1 }
        guard start < open, !("0"..."9").contains(s[start]) else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: s[start..<open])
        return name
    }

    /// The column of a `%` followed by something it would multiply (a name, a number or a
    /// bracket), or nil: content writes percentages as fractions or as `5%` alone.
    static func percentTimes(in source: String) -> Int? {
        let s = Array(source.unicodeScalars)
        for (i, c) in s.enumerated() where c == "%" {
            var j = i + 1
            while j < s.count, s[j] == " " { j += 1 }
            if j < s.count, isNameScalar(s[j]) || s[j] == "(" || s[j] == "[" { return i + 1 }
        }
        return nil
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "σ"
    }
}
