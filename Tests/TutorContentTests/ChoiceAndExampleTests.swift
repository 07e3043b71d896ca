import Foundation
import MathEngine
import Testing

@testable import TutorContent

/// Choice order and answer-field examples: nothing in how a step is presented gives its answer.
@Suite struct ChoiceAndExampleTests {
    static let questions = loaded.exam.questions

    /// The original exam had a) as the answer of 9 of its 10 choice steps; now no letter holds
    /// more than half of them, and every presentation is the same for the same seed.
    @Test func correctLettersAreSpreadInTheOriginalExam() throws {
        var letters: [String] = []
        for q in Self.questions {
            let v = try q.variant()
            for s in v.steps where s.kind == .choice { letters.append(answerLetter(v, s.id)) }
        }
        #expect(letters.count >= 10)
        let most = Dictionary(grouping: letters, by: { $0 }).values.map(\.count).max() ?? 0
        #expect(most * 2 <= letters.count, "\(letters)")
        let again = try Self.questions.flatMap { q in try q.variant().steps.filter { $0.kind == .choice }.map(\.options) }
        let first = try Self.questions.flatMap { q in try q.variant().steps.filter { $0.kind == .choice }.map(\.options) }
        #expect(again == first)
    }

    /// Shuffling keeps every option, and grading by the letter shown works in every seed.
    @Test func theShownLetterGradesCorrectInEverySeed() throws {
        for q in Self.questions {
            for seed in [nil] + (1...40).map(UInt64.init) {
                let v = try q.variant(seed: seed)
                for s in v.steps where s.kind == .choice {
                    #expect(Set(s.options).count == s.options.count)
                    #expect(
                        v.grade(step: s.id, input: answerLetter(v, s.id)) == .correct,
                        "\(q.id) \(s.id) seed \(String(describing: seed))")
                }
            }
        }
    }

    /// Typing an example as it stands never answers any step of the variant on screen, and no
    /// example contains an answer (checked independently of how the examples were chosen).
    @Test func examplesAnswerNoStep() throws {
        for q in Self.questions {
            for seed in [nil] + (1...60).map(UInt64.init) {
                let v = try q.variant(seed: seed)
                for s in v.steps {
                    let example = FormatExample.placeholder(for: s, in: v)
                    let items =
                        example.replacingOccurrences(of: "e.g. ", with: "|").split(separator: "|").last
                        .map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
                    for item in items where !item.isEmpty {
                        for other in v.steps where other.kind != .text {
                            let verdict =
                                other.kind == .choice
                                ? Verdict.invalid(column: 1, reason: "")
                                : v.grade(step: other.id, input: item)
                            #expect(
                                !verdict.isCorrect,
                                "\(q.id) seed \(String(describing: seed)): example '\(item)' of \(s.id) answers \(other.id)")
                        }
                    }
                }
                let tip = FormatExample.helpTip(for: v)
                #expect(AnswerLeak().answersStated(in: tip, among: v.steps, ownStep: nil).isEmpty, "\(q.id) \(tip)")
            }
        }
    }

    /// A mistake that gives the correct value in a variant is not named there.
    @Test func noNamedMistakeIsTheAnswer() throws {
        for q in Self.questions {
            for seed in [nil] + (1...60).map(UInt64.init) {
                let v = try q.variant(seed: seed)
                for s in v.steps where s.kind != .text {
                    for m in s.mistakes {
                        let verdict = Grader.grade(
                            value: m.value, kind: s.answerKind, expected: s.expected, rule: s.tolerance,
                            definitions: s.definitions)
                        #expect(verdict != .correct, "\(q.id) \(s.id) \(m.id ?? "")")
                    }
                }
            }
        }
    }
}
