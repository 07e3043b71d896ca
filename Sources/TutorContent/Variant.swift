import MathEngine
import Synchronization

/// A value with its name, for ordered parameter listings.
public struct NamedValue: Sendable, Hashable {
    public let name: String
    public let value: Value
}

/// One step of a `Variant`: everything the session needs to ask and grade it, already computed.
public struct VariantStep: Sendable {
    public let id: String
    public let part: String
    public let kind: StepKind
    /// How the engine reads the typed answer (choice options included).
    public let answerKind: AnswerKind
    public let prompt: String
    public let expected: Value
    public let tolerance: Tolerance
    public let points: Double
    /// Rendered options (choice steps), de-duplicated, in the order shown (`ChoiceOrder`).
    public let options: [String]
    public let mistakes: [Mistake]
    public let alternatives: [Alternative]
    public let hints: [String]
    public let solution: String
    /// Text steps: the rendered model answer and its key ideas.
    public let model: String?
    public let keywords: [[String]]
    /// Earlier step ids the expected value depends on (error carried forward).
    public let dependencies: [String]
    /// Quiz scoring gives per-entry credit (vector and matrix steps that say `partial: true`).
    public let partialCredit: Bool
    /// Expression steps: how each student variable gets its value at a sample point.
    public let definitions: [String: String]
    /// The short name shown in step lists (the content's `label:`, else the id).
    public var label: String = ""
}

/// A question instantiated for the original exam (`seed == nil`) or for a seed.
///
/// All numbers a session shows or grades against live here, computed once, so the terminal layer
/// never evaluates a formula itself; `carried(for:given:)` is the one place that re-evaluates,
/// with the student's own earlier answers bound in.
/// What a variant computes once and keeps (a reference, so copies of the variant share it).
final class VariantMemo: Sendable {
    /// The answer field's example per step id (`FormatExample.placeholder`).
    let placeholders = Mutex<[String: String]>([:])
    /// What a check looks up by step index (`StepTable`), built on the variant's first check.
    let table = StepTableCell()
}

public struct Variant: Sendable {
    public let question: Question
    /// nil: the original exam's values.
    public let seed: UInt64?
    /// Parameters then derived values, in file order.
    public let parameters: [NamedValue]
    /// The same values by name (the environment formulas are evaluated in).
    public let values: [String: Value]
    /// Rendered question text.
    public let text: String
    public let steps: [VariantStep]
    /// Per-variant results that never change, computed once (the answer field's example).
    let memo = VariantMemo()

    public var id: String { question.id }
    public var title: String { question.title }
    public var isOriginal: Bool { seed == nil }

    public func step(_ id: String) -> VariantStep? { steps.first { $0.id == id } }
}
