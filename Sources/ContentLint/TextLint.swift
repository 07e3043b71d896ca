import MathEngine
import TutorContent

/// Lint of the texts a student reads, over the original exam and random variants: no template
/// placeholder reaches the screen unrendered (`PlaceholderLint`), every level a step expects
/// is shown in the question text (`LevelsLint`), no text has a stray separator or an empty
/// ordinal (`SeparatorLint`), and no mistake's explanation states the answer (`ExplanationLint`). Problems are errors, reported once per kind with
/// the number of seeds where they happen.
enum TextLint {
    static func check(_ q: Question, seeds: Int) -> [Diagnostic] {
        check(q, variants: LintVariants(q, seeds: seeds))
    }

    static func check(_ q: Question, variants: LintVariants) -> [Diagnostic] {
        let seeds = variants.seeds
        var counts: [String: (line: Int, message: String, original: Bool, seeds: Int)] = [:]
        func add(_ v: Variant) {
            for p in LevelsLint.problems(v) + PlaceholderLint.problems(v) + SeparatorLint.problems(v)
                + ExplanationLint.problems(v)
            {
                let key = "\(p.line)|\(p.message)"
                var c = counts[key] ?? (p.line, p.message, false, 0)
                if v.isOriginal { c.original = true } else { c.seeds += 1 }
                counts[key] = c
            }
        }
        for v in variants.all { add(v) }
        return counts.values.sorted { ($0.line, $0.message) < ($1.line, $1.message) }.map { c in
            let original = c.original ? "the original exam" : nil
            let seeded = c.seeds > 0 ? "\(c.seeds) of \(seeds) seeds" : nil
            let whereText = [original, seeded].compactMap { $0 }.joined(separator: " and ")
            return Diagnostic(file: q.file, line: c.line, message: "\(c.message) (in \(whereText)).")
        }
    }
}

/// A `{name}` or `{formula:2}` left in a rendered text: a field that is shown to the student
/// but was not rendered as a template (e.g. an accepted form's note). Literal braces in rendered
/// text (`{1, 3}`) do not hold a formula, and braces right after `_` or `^` are sub- and
/// superscripts (`w_{:,2}`, `Σ_{k=0}^{?}`); a placeholder elsewhere holds a formula.
enum PlaceholderLint {
    static func problems(_ v: Variant) -> [(line: Int, message: String)] {
        var out: [(line: Int, message: String)] = []
        if let p = leftover(in: v.text) {
            out.append((v.question.line, "the question text shows the placeholder \(p)"))
        }
        for (spec, s) in zip(v.question.steps, v.steps) {
            var texts: [(String, String)] = [("prompt", s.prompt), ("solution", s.solution)]
            texts += s.options.map { ("option", $0) } + s.hints.map { ("hint", $0) }
            texts +=
                s.mistakes.map { ("mistake explanation", $0.explanation) }
                + s.alternatives.map { ("accepted-form note", $0.note) }
            if let m = s.model { texts.append(("model answer", m)) }
            for (what, text) in texts {
                if let p = leftover(in: text) {
                    out.append((spec.line, "step '\(spec.id)': a \(what) shows the placeholder \(p)"))
                }
            }
        }
        return out
    }

    /// The first `{…}` holding a repeat header (`{@i=1..n}`) or a content formula that starts
    /// with a name (`{g}`, `{g:2}`, `{at(v, 2)}`), if any.
    static func leftover(in text: String) -> String? {
        var i = text.startIndex
        while let open = text[i...].firstIndex(of: "{") {
            let next = text.index(after: open)
            let subscripted = open > text.startIndex && "_^".contains(text[text.index(before: open)])
            if !subscripted, let close = text[next...].firstIndex(of: "}"), next < close,
                text[next].isLetter || text[next] == "_" || text[next] == "@"
            {
                var inner = String(text[next..<close])
                if let colon = inner.lastIndex(of: ":"), Int(inner[inner.index(after: colon)...]) != nil {
                    inner = String(inner[..<colon])
                }
                if inner.hasPrefix("@") || (try? Parser.parse(inner, dialect: .content)) != nil {
                    return String(text[open...close])
                }
            }
            i = next
        }
        return nil
    }
}
