import Foundation
import MathEngine

/// Error carried forward and grading through a variant.
///
/// A step's answer formula names the earlier steps it depends on (`a_total`), so the value
/// consistent with the student's own earlier answers is the same formula re-evaluated with those
/// names rebound. Earlier steps the student has not answered are recomputed from the ones they
/// have, so the chain carries through (sizes → total → hidden width).
extension Variant {
    /// The expected value of `stepID` recomputed with the student's earlier answers (`given`,
    /// keyed by step id). nil when the step depends on no given answer, the recomputation fails
    /// (e.g. the student's value has the wrong kind), or it equals the key's value.
    public func carried(for stepID: String, given: [String: Value]) -> Value? {
        if given.isEmpty { return nil }
        // The question's steps are read in place through a buffer: `steps[i].field` on the array
        // copies the whole step (retaining every field), which cost more than the recomputation.
        return question.steps.withUnsafeBufferPointer { specs -> Value? in
            var found: Int?
            for i in specs.indices where specs[i].id == stepID { found = i; break }
            guard let target = found, !specs[target].dependencies.isEmpty else { return nil }
            // The student's values shadow the variant's table (never copied) in a small overlay.
            var env = Environment(variables: values, dialect: .content)
            env.overlay.reserveCapacity(target)
            var changed = false
            for i in 0..<target {
                let value: Value
                if let g = given[specs[i].id] {
                    value = specs[i].percent ? Variant.proportion(g) : g
                    if !steps[i].tolerance.matches(value, steps[i].expected) { changed = true }
                } else if changed, let v = recompute(specs[i], i, env: env) {
                    value = v
                } else {
                    value = steps[i].expected
                }
                env.overlay[Step.variableName(for: specs[i].id)] = value
            }
            guard changed, let v = recompute(specs[target], target, env: env) else { return nil }
            return steps[target].tolerance.matches(v, steps[target].expected) ? nil : v
        }
    }

    private func recompute(_ spec: borrowing Step, _ index: Int, env: Environment) -> Value? {
        if spec.dependencies.isEmpty { return steps[index].expected }
        let raw = (try? question.options(of: spec, env: env)) ?? []
        return try? question.answerValue(spec.answer, step: spec, env: env, rawOptions: raw, what: "answer formula")
    }

    /// Grades `input` for step `stepID`, with the student's earlier answers `given` (by step id)
    /// used for error carried forward. Text steps are self-assessed: any non-empty text is
    /// `.correct` here and the session shows the model answer and key ideas.
    public func grade(step stepID: String, input: String, given: [String: Value] = [:]) -> Verdict {
        // By index, reading fields in place: copying a whole step (two large structs) cost more
        // than the rest of a check. The variant's steps are the question's, in the same order.
        guard let i = steps.firstIndex(where: { $0.id == stepID }) else {
            return .invalid(column: 1, reason: "This question has no step '\(stepID)'.")
        }
        if steps[i].kind == .text {
            let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .invalid(column: 1, reason: "Type an answer first.") }
            if case .invalid(let column, let reason) = AnswerReader.read(input, as: .freeText) {
                return .invalid(column: column, reason: reason) // the length cap
            }
            return .correct
        }
        let carried = given.isEmpty ? [] : self.carried(for: stepID, given: given).map { [$0] } ?? []
        return Grader.grade(
            input: input, kind: steps[i].answerKind, expected: steps[i].expected, rule: steps[i].tolerance,
            mistakes: steps[i].mistakes, alternatives: steps[i].alternatives, carried: carried,
            definitions: steps[i].definitions, percent: percent(at: i, stepID), log: log)
    }

    private func percent(at i: Int, _ stepID: String) -> Bool {
        question.steps.indices.contains(i) && question.steps[i].id == stepID
            ? question.steps[i].percent : question.step(stepID)?.percent ?? false
    }

    /// What a one-argument `log` means in answers to this question (content `log:` setting).
    public var log: LogBase { question.log }

    /// Reads a student's typed answer for a step as the engine does (for building `given`).
    public func read(step stepID: String, input: String) -> Value? {
        guard let s = step(stepID) else { return nil }
        return AnswerReader.read(input, as: s.answerKind, log: log).value
    }

    /// A `percent: true` step's answer as a proportion: a plain number from 1 to 100 was typed as
    /// a percentage (a proportion cannot exceed 1), so later steps see 0.67 for 67.
    static func proportion(_ v: Value) -> Value {
        if case .number(let x) = v, x > 1, x <= 100 { return .number(x / 100) }
        return v
    }

    /// Keyword coverage of a free-text answer: for each key idea, whether any synonym appears.
    public func keywordsCovered(step stepID: String, input: String) -> [Bool] {
        guard let s = step(stepID) else { return [] }
        let text = input.lowercased()
        return s.keywords.map { synonyms in synonyms.contains { text.contains($0) } }
    }
}
