/// Judges a submitted answer against the key, its accepted alternatives, the student's own earlier
/// answers, and the step's named mistakes, in that order.
///
/// The order matters: a correct answer is never reported as a mistake even if some mistake
/// happens to give the same value, and "carried forward" is only considered once the answer is
/// wrong against the key. When several mistakes match, all are named, because the tutor cannot
/// tell them apart by value and should say so rather than guess.
public enum Grader {
    /// Grades typed text.
    ///
    /// - `expected`, the mistakes', alternatives' and `carried` values are compared under `rule`
    ///   (`.integer` steps always compare exactly).
    /// - `carried`: the expected answer recomputed from the student's own earlier answers (the
    ///   caller computes these); matching one gives `.carriedForward`.
    /// - For `.expression(variables:)` steps every value is `.text(formula)` in those variables,
    ///   and `definitions` says how each variable gets its value at a sample point: a variable with
    ///   no definition, or defined as itself (`n: "n"`), is sampled at fixed points; others are
    ///   computed from it (`a: "tanh(z)"`). Formulas are compared at the sample points (relative 1e-6).
    public static func grade(
        input: String, kind: AnswerKind, expected: Value, rule: Tolerance,
        mistakes: [Mistake] = [], alternatives: [Alternative] = [], carried: [Value] = [],
        definitions: [String: String] = [:]
    ) -> Verdict {
        switch AnswerReader.read(input, as: kind) {
        case .empty:
            return .invalid(column: 1, reason: "Type an answer first.")
        case .incomplete(let reason):
            return .invalid(column: input.unicodeScalars.count + 1, reason: reason)
        case .invalid(let column, let reason):
            return .invalid(column: column, reason: reason)
        case .valid(let value, _):
            return grade(value: value, kind: kind, expected: expected, rule: rule, mistakes: mistakes,
                         alternatives: alternatives, carried: carried, definitions: definitions)
        }
    }

    /// Grades a value already read by `AnswerReader` (same rules as above).
    public static func grade(
        value: Value, kind: AnswerKind, expected: Value, rule: Tolerance,
        mistakes: [Mistake] = [], alternatives: [Alternative] = [], carried: [Value] = [],
        definitions: [String: String] = [:]
    ) -> Verdict {
        let matches: (Value, Value) -> Bool
        if case .expression(let variables) = kind {
            let matcher = ExpressionMatcher(variables: variables, definitions: definitions)
            matches = { matcher.equivalent($0, $1) }
        } else {
            let r: Tolerance = kind == .integer ? .exact : rule
            matches = { r.matches($0, $1) }
        }
        if matches(value, expected) { return .correct }
        if let alt = alternatives.first(where: { matches(value, $0.value) }) { return .correctAlternative(note: alt.note) }
        if carried.contains(where: { matches(value, $0) }) { return .carriedForward }
        let named = mistakes.filter { matches(value, $0.value) }
        if !named.isEmpty { return .incorrect(mistakes: named, wrongEntries: [], reason: nil) }
        if case .expression = kind { return .incorrect(mistakes: [], wrongEntries: [], reason: nil) }
        let r: Tolerance = kind == .integer ? .exact : rule
        if let wrong = r.wrongEntries(value, expected) {
            return .incorrect(mistakes: [], wrongEntries: wrong, reason: nil)
        }
        return .incorrect(mistakes: [], wrongEntries: [], reason: sizeReason(value, expected))
    }

    /// Why two values cannot be compared entry by entry, in one sentence (nil: they simply differ).
    static func sizeReason(_ got: Value, _ expected: Value) -> String? {
        func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
        switch (got, expected) {
        case (.vector(let a), .vector(let b)):
            return "Expected \(b.count == 1 ? "1 entry" : "\(b.count) entries"), got \(a.count)."
        case (.list(let a), .list(let b)):
            return "Expected \(plural(b.count, "item")), got \(a.count)."
        case (.matrix(let a), .matrix(let b)):
            return "Expected a \(b.count)×\(b.first?.count ?? 0) matrix, got \(a.count)×\(a.first?.count ?? 0)."
        case (.number, .number), (.set, .set), (.shape, .shape), (.text, .text):
            return nil
        default:
            return "Expected \(expected.kindName), got \(got.kindName)."
        }
    }
}
