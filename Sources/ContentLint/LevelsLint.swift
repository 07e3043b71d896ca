import MathEngine
import TutorContent

/// Lint: every text a step expects the student to read off the question (its `levels:`, e.g.
/// the levels of a categorical feature that one-hot encoding turns into columns) appears in the
/// rendered question text as a whole word.
///
/// A variant whose illustrative values show only some levels (bloodtype "A, O, B" while the
/// answer expects four one-hot columns) asks for something the student cannot see.
enum LevelsLint {
    /// One message per missing level, for this variant (empty when all are shown).
    static func problems(_ v: Variant) -> [(line: Int, message: String)] {
        var env = Environment(variables: v.values, dialect: .content)
        for (spec, s) in zip(v.question.steps, v.steps) { env.variables[spec.variableName] = s.expected }
        var out: [(line: Int, message: String)] = []
        for spec in v.question.steps {
            guard let f = spec.levels else { continue }
            guard let value = try? Evaluator.evaluate(f.expr, in: env) else {
                out.append((f.line, "step '\(spec.id)': the levels formula cannot be evaluated"))
                continue
            }
            for level in texts(value) where !containsWord(v.text, level) {
                out.append((f.line, "step '\(spec.id)': level '\(level)' does not appear in the question text"))
            }
        }
        return out
    }

    static func texts(_ v: Value) -> [String] {
        switch v {
        case .list(let items): items.flatMap(texts)
        default: [ValueText.format(v)]
        }
    }

    /// Whether `word` occurs in `text` with no letter or digit right before or after it
    /// (case-sensitive, so the level "A" is not found in "a data matrix").
    static func containsWord(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return true }
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let isWordChar: (Character?) -> Bool = { c in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            from = text.index(after: r.lowerBound)
        }
        return false
    }
}
