import Foundation
import MathEngine

/// Grading through a variant (error carried forward is in `CarriedForward.swift`).
extension Variant {
    /// Grades `input` for step `stepID`, with the student's earlier answers `given` (by step id)
    /// used for error carried forward. Text steps are self-assessed: any non-empty text is
    /// `.correct` here and the session shows the model answer and key ideas.
    public func grade(step stepID: String, input: String, given: [String: Value] = [:]) -> Verdict {
        // By index, reading fields in place: copying a whole step (two large structs) cost more
        // than the rest of a check. The variant's steps are the question's, in the same order.
        let table = self.table
        guard let i = table.index(of: stepID) else {
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
        let carried = given.isEmpty ? [] : self.carried(at: i, stepID, given: given, table: table).map { [$0] } ?? []
        return Grader.grade(
            input: input, kind: steps[i].answerKind, expected: steps[i].expected, rule: steps[i].tolerance,
            mistakes: steps[i].mistakes, alternatives: steps[i].alternatives, carried: carried,
            definitions: steps[i].definitions, percent: table.facts.percent[i], log: log)
    }

    /// What a one-argument `log` means in answers to this question (content `log:` setting).
    public var log: LogBase { question.log }

    /// Reads a student's typed answer for a step as the engine does (for building `given`).
    public func read(step stepID: String, input: String) -> Value? {
        guard let s = step(stepID) else { return nil }
        return AnswerReader.read(input, as: s.answerKind, log: log).value
    }

    /// Keyword coverage of a free-text answer: for each key idea, whether any synonym appears.
    public func keywordsCovered(step stepID: String, input: String) -> [Bool] {
        guard let s = step(stepID) else { return [] }
        let text = input.lowercased()
        return s.keywords.map { synonyms in synonyms.contains { text.contains($0) } }
    }
}
