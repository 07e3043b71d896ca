/// Judges a submitted answer against the key, its accepted alternatives, the student's own earlier
/// answers, and the step's named mistakes, in that order; then, under a `dp N` / `sf N` rule, an
/// answer that is the right value rounded at fewer places is `.imprecise` (give N places), not wrong.
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
    /// - `percent`: the answer is a proportion in [0, 1] (content `percent: true`), so a plain number
    ///   from 1 to 100 typed without `%` is also read as a percentage (see `grade(value:)`).
    /// - `log`: what a one-argument `log` means in the typed text (content `log:` setting).
    public static func grade(
        input: String, kind: AnswerKind, expected: Value, rule: Tolerance,
        mistakes: [Mistake] = [], alternatives: [Alternative] = [], carried: [Value] = [],
        definitions: [String: String] = [:], percent: Bool = false, log: LogBase = .natural
    ) -> Verdict {
        switch AnswerReader.read(input, as: kind, log: log, preview: false) {
        case .empty:
            return .invalid(column: 1, reason: "Type an answer first.")
        case .incomplete(let reason):
            return .invalid(column: input.unicodeScalars.count + 1, reason: reason)
        case .invalid(let column, let reason):
            return .invalid(column: column, reason: reason)
        case .valid(let value, _):
            // A typed `%` already made it a proportion: never divide by 100 twice.
            return grade(
                value: value, kind: kind, expected: expected, rule: rule, mistakes: mistakes,
                alternatives: alternatives, carried: carried, definitions: definitions,
                percent: percent && !input.unicodeScalars.contains("%"), log: log)
        }
    }

    /// Grades a value already read by `AnswerReader` (same rules as above).
    ///
    /// With `percent`, a number step whose value is not right as typed and lies in [1, 100] is
    /// graded again divided by 100, under the step's own rule, so `67` and `66.7` for 4/6 pass
    /// exactly when `67%` and `66.7%` do; that reading is right when the typed value is not, since
    /// a proportion above 1 is impossible (and exactly 1 was already compared as typed).
    /// Right that way, the verdict notes "read as a percentage"; a named mistake found that way
    /// (`33` for the error rate) is named when the value as typed names none.
    public static func grade(
        value: Value, kind: AnswerKind, expected: Value, rule: Tolerance,
        mistakes: [Mistake] = [], alternatives: [Alternative] = [], carried: [Value] = [],
        definitions: [String: String] = [:], percent: Bool = false, log: LogBase = .natural
    ) -> Verdict {
        let verdict = gradeAsTyped(
            value: value, kind: kind, expected: expected, rule: rule, mistakes: mistakes,
            alternatives: alternatives, carried: carried, definitions: definitions, log: log)
        guard percent, kind == .number, verdict.countsAsTry, !verdict.isCorrect, case .number(let x) = value, x >= 1,
            x <= 100
        else {
            return verdict
        }
        let proportion = gradeAsTyped(
            value: .number(x / 100), kind: kind, expected: expected, rule: rule, mistakes: mistakes,
            alternatives: alternatives, carried: carried, definitions: definitions, log: log)
        switch proportion {
        case .correct: return .correctAlternative(note: Grader.percentNote)
        case .correctAlternative(let note): return .correctAlternative(note: Grader.percentNote + "; " + note)
        case .carriedForward: return .carriedForward
        case .incorrect(let named, _, _) where !named.isEmpty:
            if case .incorrect(let asTyped, _, _) = verdict, asTyped.isEmpty { return proportion }
            return verdict
        default: return verdict
        }
    }

    /// The note a proportion typed as a percentage without `%` gets.
    public static let percentNote = "read as a percentage"

    /// The ordered comparisons (key, alternatives, carried, mistakes) of one value.
    private static func gradeAsTyped(
        value: Value, kind: AnswerKind, expected: Value, rule: Tolerance, mistakes: [Mistake],
        alternatives: [Alternative], carried: [Value], definitions: [String: String], log: LogBase
    ) -> Verdict {
        let r: Tolerance = kind == .integer ? .exact : rule
        let isShape = kind == .shape || kind == .vectorLength || kind == .shapeList
        var matcher: ExpressionMatcher?
        if case .expression(let variables) = kind {
            matcher = ExpressionMatcher(variables: variables, definitions: definitions, log: log)
        }
        // A local function, not a stored closure: nothing is allocated per check.
        func matches(_ a: Value, _ b: Value) -> Bool {
            if let matcher { return matcher.equivalent(a, b) }
            return isShape ? ShapeRank.matches(a, b, rule: r) : r.matches(a, b)
        }
        if matches(value, expected) { return .correct }
        // By index, reading each value in place: iterating the arrays (`first(where:)`, `filter`)
        // copies every element, retaining and releasing its texts, which cost more than comparing.
        for i in alternatives.indices where matches(value, alternatives[i].value) {
            return .correctAlternative(note: alternatives[i].note)
        }
        for i in carried.indices where matches(value, carried[i]) { return .carriedForward }
        var named: [Mistake] = []
        for i in mistakes.indices where matches(value, mistakes[i].value) { named.append(mistakes[i]) }
        if !named.isEmpty { return .incorrect(mistakes: named, wrongEntries: [], reason: nil) }
        if let asked = r.askedPrecision,
            r.isShortRounding(value, expected) || carried.contains(where: { r.isShortRounding(value, $0) })
        {
            return .imprecise(asked: asked)
        }
        if case .expression = kind { return .incorrect(mistakes: [], wrongEntries: [], reason: nil) }
        if isShape {
            let wrong = ShapeRank.wrongEntries(value, expected, rule: r)
            return .incorrect(
                mistakes: [], wrongEntries: wrong ?? [],
                reason: ShapeRank.reason(value, expected) ?? (wrong == nil ? sizeReason(value, expected) : nil))
        }
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
        case (.list(let a), .list):
            // The expected count is often another step's answer (how many features), so the
            // feedback says only that the count is off.
            return "Not the right number of items (you gave \(plural(a.count, "item")))."
        case (.matrix(let a), .matrix(let b)):
            return "Expected a \(b.count)×\(b.first?.count ?? 0) matrix, got \(a.count)×\(a.first?.count ?? 0)."
        case (.number, .number), (.set, .set), (.shape, .shape), (.text, .text):
            return nil
        default:
            return "Expected \(expected.kindName), got \(got.kindName)."
        }
    }
}
