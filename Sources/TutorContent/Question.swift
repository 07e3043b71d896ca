import MathEngine

/// One exam question: its parameters, derived values, constraints and steps.
///
/// A question is a recipe, not numbers: `Variant` instantiates it for the original exam or a seed.
public struct Question: Sendable {
    public let id: String
    public let title: String
    public let points: Double
    /// shapes | params | loss | gradients (used to pick drills).
    public let topic: String
    /// The picture the terminal draws beside the question (nil: none).
    public let picture: QuestionPicture?
    /// Template with `{placeholders}`.
    public let text: Template
    public let params: [ParamSpec]
    public let derived: [DerivedSpec]
    /// Formulas that must be non-zero in every variant (rejection sampling).
    public let constraints: [Formula]
    public let steps: [Step]
    /// The file this question came from, for diagnostics.
    public let file: String
    public let line: Int
    /// `log:` as the question file gives it (nil: not given, so the exam's setting applies).
    public internal(set) var logSetting: LogBase? = nil
    /// What a one-argument `log` means in the student's answers: the question's `log:`, else the
    /// exam's, else the natural log (see `LogSetting.swift`).
    public package(set) var log: LogBase = .natural

    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// Parts in order of first appearance (`a`, `b`, `c`).
    public var parts: [String] {
        var seen: [String] = []
        for s in steps where !seen.contains(s.part) { seen.append(s.part) }
        return seen
    }
}

/// An exam: its questions in the order `exam.yaml` gives.
public struct Exam: Sendable {
    public let id: String
    public let title: String
    public let questions: [Question]
    /// The directory it was loaded from.
    public let directory: String
    /// The exam's `log:` setting (nil: not given); each question's `log` already includes it.
    public internal(set) var log: LogBase? = nil
    /// The listed questions whose files have errors, in the exam's order.
    public package(set) var broken: [BrokenQuestion] = []

    package init(id: String, title: String, questions: [Question], directory: String, log: LogBase? = nil) {
        self.id = id
        self.title = title
        self.questions = questions
        self.directory = directory
        self.log = log
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The broken question with this id (a file stem), if the exam lists one.
    public func brokenQuestion(_ id: String) -> BrokenQuestion? { broken.first { $0.id == id } }
}
