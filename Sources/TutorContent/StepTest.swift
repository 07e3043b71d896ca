import MathEngine

/// A question test an author keeps with the step it tests: an input, the verdict a careful grader
/// gives it, and optionally the named mistake and the student's earlier answers. `dltutor lint`
/// runs every test on the original exam, and a test whose input or givens have `{placeholders}`
/// on every seeded variant lint builds too, so a test keeps holding as the question changes.
/// A test with a `seed` runs on that one seeded variant only: it pins a mistake the original exam
/// cannot show (it equals the answer there) and only some seeds show.
public struct StepTest: Sendable {
    /// The verdicts a test may expect: the words `dltutor check --batch` and the export use.
    public enum Expected: String, Sendable, CaseIterable {
        case correct
        case correctAlternative = "correct-alternative"
        case carriedForward = "carried-forward"
        case incorrect
        case namedMistake = "named-mistake"
        case invalid
        case imprecise
    }

    /// What the student types (a template: `{P + 1}` is one more than the key's P).
    public let input: Template
    public let expected: Expected
    /// With `named-mistake`: the mistake's number in the file (1 = the step's first mistake).
    public let mistake: Int?
    /// Earlier answers by step id, as the student typed them (templates too).
    public let given: [(step: String, input: Template)]
    /// The one seeded variant the test runs on (`dltutor key --seed N` shows it), or nil for the
    /// original exam and, with placeholders, every seed.
    public let seed: UInt64?
    public let line: Int

    init(
        input: Template, expected: Expected, mistake: Int?, given: [(step: String, input: Template)], seed: UInt64? = nil,
        line: Int
    ) {
        self.input = input
        self.expected = expected
        self.mistake = mistake
        self.given = given
        self.seed = seed
        self.line = line
    }

    /// Whether the test differs between variants (a placeholder in its input or givens).
    public var varies: Bool {
        !input.formulas.isEmpty || given.contains { !$0.input.formulas.isEmpty }
    }
}

extension StepTest.Expected {
    /// The word for what the grader said: `Verdict.shortName`, the words storage and reports
    /// use (the same seven, so every verdict has its case).
    package init(_ verdict: Verdict) {
        self = Self(rawValue: verdict.shortName)!
    }
}
