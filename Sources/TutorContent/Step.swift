import MathEngine

/// A named wrong answer: the value a specific misconception produces, and why it is wrong.
public struct MistakeSpec: Sendable {
    /// Formula for the wrong value (same dialect and names as the step's answer).
    public let value: Formula
    /// One sentence shown to the student; may contain `{placeholders}`. Empty when the mistake
    /// gives `causes` instead.
    public let why: Template
    /// `causes:` several explanations of the one value, each with the condition under which it
    /// applies; the feedback gives those that apply in the variant, and a variant where none
    /// applies has no such mistake. Empty: `why` is the explanation, always.
    public var causes: [MistakeCause] = []
    /// `from_answers: true`: the value is also computed with the student's own earlier answers
    /// (the `given` values error carried forward uses), so a slip made on top of an earlier
    /// wrong answer is still named (`1 - mean(k_pred == y)` with the student's predictions).
    public var fromAnswers = false
}

/// One explanation of a named mistake's value (`causes:`), e.g. `{when: "C > 1", text: …}`:
/// `when` decides, per variant, whether this slip can give the value at all.
public struct MistakeCause: Sendable {
    /// nil: the cause always applies.
    public let when: Formula?
    public let text: Template

    public init(when: Formula?, text: Template) {
        self.when = when
        self.text = text
    }

    /// The feedback of the causes that apply: one as it stands; several as one sentence
    /// ("More than one slip gives this value: a; or b"), since the value cannot tell them apart.
    public static func joined(_ texts: [String]) -> String {
        guard texts.count > 1 else { return texts.first ?? "" }
        var clauses = texts.map { text -> String in
            var t = Substring(text)
            while let last = t.last, last == "." || last == " " { t.removeLast() }
            return String(t)
        }
        clauses[0] = "More than one slip gives this value: " + clauses[0]
        return clauses.joined(separator: "; or ") + "."
    }
}

/// Another correct form of the answer (e.g. accuracy typed as a percentage), with its note.
public struct AlternativeSpec: Sendable {
    public let value: Formula
    /// What the student sees when this form is accepted; a template like the other texts.
    public let note: Template
    /// `map:` how the student's value in this form becomes the canonical answer, a formula in
    /// `answer` (the student's value) and the question's names, e.g. `answer/100` for a
    /// percentage. Later steps see the mapped value; without a map they see the key's value, so
    /// another form never flows raw into a formula written for the canonical one.
    public var map: Formula? = nil
}

/// The options of a `choice` step: either templates (one per option, rendered per variant)
/// or one formula that evaluates to a list of texts (e.g. the features of a variant).
public enum OptionsSpec: Sendable {
    case none
    case templates([Template])
    case formula(Formula)
}

/// One checkable step of a question.
///
/// The answer is a formula, never a typed-in result, so the same step serves the original exam
/// and every random variant. Formulas may name earlier steps (`a_total` for step `a.total`);
/// those names are the step's `dependencies` and give error carried forward for free: rebinding
/// `a_total` to the student's own answer and re-evaluating yields the consistent value.
public struct Step: Sendable {
    public let id: String
    public let part: String
    /// Template with `{formula}` / `{formula:2}` placeholders.
    public let prompt: Template
    public let kind: StepKind
    public let answer: Formula
    /// Tolerance for numeric answers (`check:` → `exact`, `abs 0.005`, `rel 0.01`, `dp 2`, `sf 3`).
    public let check: Tolerance
    public let points: Double
    public let options: OptionsSpec
    /// Expression steps: the student's variable names, each with a formula giving its value at a
    /// sample point from the other names (`a: "tanh(z)"` lets `1 - a^2` equal `1 - tanh(z)^2`).
    public let variables: [(name: String, formula: Formula)]
    public let accept: [AlternativeSpec]
    public let mistakes: [MistakeSpec]
    public let hints: [Template]
    public let solution: Template
    /// Text steps: the model answer the student compares with.
    public let model: String?
    /// Text steps: key ideas, each a list of synonyms (lower-case stems).
    public let keywords: [[String]]
    /// Ids of earlier steps the answer formula names (`a.total` for `a_total`).
    public let dependencies: [String]
    /// Quiz scoring: a vector or matrix answer earns the fraction of its entries that are right.
    public let partialCredit: Bool
    /// Texts the student must read off the question text (e.g. a categorical feature's levels);
    /// a formula giving a list of texts, checked by lint (`LevelsLint`). nil: no such texts.
    public let levels: Formula?
    public let line: Int
    /// `percent: true` (number steps): the answer is a proportion in [0, 1], so a plain number
    /// from 1 to 100 is also read as a percentage (`67` for 4/6), under the step's own check.
    public var percent: Bool = false
    /// A short human name for the step lists (`label:`, e.g. "total parameters"); nil: the id.
    public var label: String? = nil
    /// The author's question tests (`tests:`), run by lint.
    public var tests: [StepTest] = []
    /// Choice steps: `shuffle: false` keeps the file's order, for options that are ordered
    /// (decreases / stays / increases), where any other order would confuse.
    public var shuffle = true
    /// `distinct: true`: every variant keeps the step's named mistakes apart from its answer and
    /// from each other under the step's check rule (a draw where two coincide is drawn again).
    public var distinct = false

    /// The name formulas use for this step's value: `a.total` → `a_total`.
    public var variableName: String { Step.variableName(for: id) }

    public static func variableName(for id: String) -> String {
        // Fast path for the usual ASCII ids (this runs on every carried-forward check).
        var bytes = Array(id.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for i in bytes.indices {
                let b = bytes[i]
                let ok = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
                if !ok { bytes[i] = 0x5F }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(id.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    /// Self-assessed steps (free text) carry no automatic check.
    public var isSelfAssessed: Bool { kind == .text }
}
