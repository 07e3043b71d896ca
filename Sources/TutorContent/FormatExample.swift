import MathEngine

/// The grey example in an empty answer field (and the tip under help): how to *write* an answer
/// of the step's kind, with values that are never an answer of any step of the variant on screen.
///
/// The examples used to be this exam's answers (`[0.97, 0.91, 0.51, 0.96]`, `20n + 3(n+1)`), which
/// gave away about 6 of the 50 points. Each kind now has a few candidate examples; the first one
/// that neither states nor evaluates to any step's answer (or accepted form) is shown, so the
/// example follows the variant and `lint` can prove it clean for every seed it tries.
public enum FormatExample {
    /// The example line for `step` in `variant`.
    public static func placeholder(for step: VariantStep, in variant: Variant) -> String {
        // Drawn on every frame, it scans for leaks and grades candidates: once per step.
        if let known = variant.memo.placeholders.withLock({ $0[step.id] }) { return known }
        let text = computePlaceholder(for: step, in: variant)
        variant.memo.placeholders.withLock { $0[step.id] = text }
        return text
    }

    static func computePlaceholder(for step: VariantStep, in variant: Variant) -> String {
        let (lead, families) = candidates(for: step)
        let items = families.compactMap { family in family.first { clean($0, as: step.answerKind, in: variant) } }
        if items.isEmpty { return lead.isEmpty ? description(step.kind) : lead }
        return (lead.isEmpty ? "e.g. " : lead + ", e.g. ") + items.joined(separator: ", ")
    }

    /// The tip line of the help screen: one example per kind, clean for `variant` when a question
    /// is on screen (any example otherwise).
    public static func helpTip(for variant: Variant?) -> String {
        let kinds: [(AnswerKind, [String])] = [
            (.number, numberFractions), (.number, numberPercents), (.shape, shapePairs), (.vector, vectors),
            (.set, sets), (.expression(variables: ["n"]), expressions(in: "n"))
        ]
        let items = kinds.compactMap { kind, family in
            family.first { item in variant.map { clean(item, as: kind, in: $0) } ?? true }
        }
        return "Answers look like: " + items.joined(separator: ", ") + "."
    }

    /// The first item of `family` that gives nothing away in any of `variants` (the first-run
    /// tour shows examples before any question is open, so they must be clean for all of them).
    public static func example(_ family: [String], as kind: AnswerKind, cleanIn variants: [Variant]) -> String? {
        family.first { item in variants.allSatisfy { clean(item, as: kind, in: $0) } }
    }

    /// Whether `item`, shown for a step read as `kind`, gives no step of `variant` away: it neither
    /// contains an answer as text nor is read (typed as it stands) as an answer of a step.
    public static func clean(_ item: String, as kind: AnswerKind, in variant: Variant) -> Bool {
        if !AnswerLeak().answersStated(in: item, among: variant.steps, ownStep: nil).isEmpty { return false }
        let value = AnswerReader.read(item, as: kind).value
        for s in variant.steps where s.kind != .text {
            guard let value, sameFamily(kind, s.answerKind) else { continue }
            let verdict = Grader.grade(
                value: value, kind: s.answerKind, expected: s.expected, rule: s.tolerance,
                alternatives: s.alternatives, definitions: s.definitions)
            if verdict.isCorrect { return false }
        }
        return true
    }

    private static func sameFamily(_ a: AnswerKind, _ b: AnswerKind) -> Bool {
        switch (a, b) {
        case (.number, .number), (.number, .integer), (.integer, .number), (.integer, .integer),
            (.vector, .vector), (.matrix, .matrix), (.shape, .shape), (.shape, .vectorLength), (.vectorLength, .shape),
            (.vectorLength, .vectorLength), (.set, .set), (.shapeList, .shapeList):
            return true
        case (.expression(let x), .expression(let y)):
            return Set(x) == Set(y)
        default:
            return false
        }
    }

    // MARK: Candidates (each family gives one example; the first clean candidate is used)

    public static let numberFractions = ["3/8", "5/8", "2/5", "7/10", "1/3"]
    public static let numberPercents = ["35%", "65%", "15%", "85%", "45%"]
    public static let numberLogs = ["-log10(0.8)", "-log10(0.6)", "-ln(0.7)", "-log10(0.3)"]
    static let integers = ["42", "37", "58", "71"]
    static let integerSums = ["6*9 + 3", "4*11 + 2", "7*8 + 5"]
    public static let shapePairs = ["12x7", "6x11", "9x4", "14x3"]
    static let shapeTuples = ["(12, 7)", "(6, 11)", "(9, 4)", "(14, 3)"]
    static let shapeSingles = ["5", "11", "13", "17"]
    public static let vectors = ["[0.2, 0.6, 0.3]", "[0.15, 0.85]", "[0.4, 0.35, 0.7]"]
    static let matrices = ["[[2, 0], [0, 5]]", "[[3, 0], [0, 7]]"]
    public static let matrixRows = ["[2 0; 0 5]", "[3 0; 0 7]"]
    static let diagonals = ["diag(2, 5)", "diag(3, 7)"]
    static let sets = ["{2, 5}", "{1, 4}", "{3, 6}", "{2, 3}"]
    static let shapeLists = ["5x3, 5x6", "7x2, 7x9", "4x10, 4x5"]

    public static func expressions(in v: String) -> [String] {
        ["5\(v) + 2(\(v)+1)", "3\(v)^2 - 1", "(\(v) + 2)/4", "7\(v) - 3"]
    }

    private static func candidates(for step: VariantStep) -> (lead: String, families: [[String]]) {
        switch step.answerKind {
        case .number: return ("a number or arithmetic", [numberFractions, numberPercents, numberLogs])
        case .integer: return ("a whole number or arithmetic", [integers, integerSums])
        case .shape, .vectorLength:
            let scalar = step.expected == .shape([]) ? [] : [["scalar"]]
            return ("", [shapePairs, shapeTuples, shapeSingles] + scalar)
        case .vector: return ("", [vectors])
        case .matrix: return ("", [matrices, matrixRows, diagonals])
        case .set: return ("", [sets])
        case .expression(let variables): return ("", [expressions(in: variables.first ?? "n")])
        case .shapeList: return ("shapes separated by commas", [shapeLists])
        case .choice, .textList, .freeText: return ("", [])
        }
    }

    private static func description(_ kind: StepKind) -> String {
        switch kind {
        case .choice: return "a letter or a key word of the option"
        case .text: return "one sentence, then compare with the model answer"
        case .list: return "items separated by commas"
        default: return "type your answer"
        }
    }
}
