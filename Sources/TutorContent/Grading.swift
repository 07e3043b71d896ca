import Foundation
import MathEngine

/// Grading through a variant (error carried forward is in `CarriedForward.swift`).
extension Variant {
    /// Grades `input` for step `stepID`, with the student's earlier answers `given` (by step id)
    /// used for error carried forward and for the mistakes marked `from_answers`. Text steps are self-assessed: any non-empty text is
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
        let fromAnswers = given.isEmpty ? [] : mistakesFromAnswers(at: i, given: given, carried: carried)
        let verdict = Grader.grade(
            input: input, kind: steps[i].answerKind, expected: steps[i].expected, rule: steps[i].tolerance,
            mistakes: fromAnswers.isEmpty ? steps[i].mistakes : steps[i].mistakes + fromAnswers,
            alternatives: steps[i].alternatives,
            carried: carried, definitions: steps[i].definitions, percent: table.facts.percent[i], log: log)
        return fromAnswers.isEmpty ? verdict : Variant.namingEachOnce(verdict)
    }

    /// A mistake matched both with the key's values and with the student's names itself once.
    static func namingEachOnce(_ verdict: Verdict) -> Verdict {
        guard case .incorrect(let mistakes, let wrong, let reason) = verdict, mistakes.count > 1 else { return verdict }
        var seen: [String] = []
        let once = mistakes.filter { m in
            guard let id = m.id else { return true }
            if seen.contains(id) { return false }
            seen.append(id)
            return true
        }
        return .incorrect(mistakes: once, wrongEntries: wrong, reason: reason)
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
