import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLint
@testable import TutorContent

/// Lint catches each leak the exam had, in the form it had: a copy of the bundled exam with one
/// text put back as it was must give the leak; the shipped exam gives none (`LintTests`).
@Suite struct EarnedLeakLintTests {
    /// Lint messages for the bundled exam with `old` put back in place of `new` in `file`.
    func lint(_ file: String, new: String, old: String, seeds: Int = 3) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-earned-\(getpid())-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: ExamFolder.sessional1) where name.hasSuffix(".yaml") {
            var text = try String(contentsOfFile: ExamFolder.sessional1 + "/" + name, encoding: .utf8)
            if name == file {
                #expect(text.contains(new), "the shipped \(file) has the fixed text")
                text = text.replacingOccurrences(of: new, with: old)
            }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return Lint.run(directory: dir.path, seeds: seeds).filter(\.isError).map(\.message)
    }

    @Test func aHintStatingItsOwnValueThatTheQuestionPrints() throws {
        let messages = try lint(
            "q4.yaml", new: "Find the hidden layer's width in the question text.", old: "The hidden layer has {h} nodes.")
        #expect(messages.contains { $0.contains("step 'z1': the hint 2 states its own answer") }, "\(messages)")
        let classes = try lint("q4.yaml", new: "Count the classes the question lists.", old: "There are {C} classes.")
        #expect(classes.contains { $0.contains("step 'z2': the hint 2 states its own answer") }, "\(classes)")
    }

    /// Feedback to a later step's mistake named the categorical feature, which is the answer of
    /// the choice step that asks for it.
    @Test func feedbackNamingTheCategoricalFeature() throws {
        let messages = try lint(
            "q2.yaml", new: "\"The categorical feature was not one-hot encoded: it needs one column per level",
            old: "\"{cat_name} was not one-hot encoded: it needs one column per level")
        #expect(
            messages.contains { $0.contains("step 'a.W_shape': the feedback to mistake") && $0.contains("'a.categorical'") },
            "\(messages)")
    }

    @Test func aHintAddingUpToItsOwnValue() throws {
        let messages = try lint(
            "q2.yaml", new: "Each numeric feature is one column; the categorical one becomes one column per level.",
            old: "{k} numeric features + {m} one-hot columns.")
        #expect(messages.contains { $0.contains("step 'a.n_features': the hint 2 states its own answer") }, "\(messages)")
    }

    @Test func aPromptGivingTheDerivativeWithSubscripts() throws {
        let messages = try lint(
            "q5.yaml", new: "The diagonal entries ∂a_i/∂z_i, for", old: "The diagonal entries ∂a_i/∂z_i = 1 − tanh²(z_i), for")
        #expect(
            messages.contains { $0.contains("step 'a.diag': the prompt states the answer of step 'a.formula'") }, "\(messages)")
    }

    @Test func aPromptNamingTheCategoricalFeature() throws {
        let messages = try lint(
            "q2.yaml", new: "a level's column is named feature + level, as colourred for level red of a feature colour)",
            old: "names like {at(prefix_each(cat_name, levels), 1)})")
        #expect(
            messages.contains { $0.contains("step 'a.features': the prompt states the answer of step 'a.categorical'") },
            "\(messages)")
    }

    @Test func anOptionThatIsTheNextPartsAnswer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-option-\(getpid())-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: ExamFolder.sessional1) where name.hasSuffix(".yaml") {
            var text = try String(contentsOfFile: ExamFolder.sessional1 + "/" + name, encoding: .utf8)
            if name == "q2.yaml" {
                // The column-major reading as it was, and no constraint keeping the parts apart.
                text = text.replacingOccurrences(
                    of: "formula: \"if(b_cm_next, D + 1, b_cm_c0)\"", with: "formula: \"b_cm_c0\"")
                text = text.replacingOccurrences(
                    of: "formula: \"if(b_cm_next, bias_q, b_cm_r0)\"", with: "formula: \"b_cm_r0\"")
                let constraint =
                    "  - \"sum(bias_cells == at(weight_cells, 1)) == 0 and sum(weight_cells == at(bias_cells, 1)) == 0\"\n"
                #expect(text.contains(constraint))
                text = text.replacingOccurrences(of: constraint, with: "")
            }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let messages = Lint.run(directory: dir.path, seeds: 1).filter(\.isError).map(\.message)
        #expect(
            messages.contains {
                $0.contains("step 'b.bias'") && $0.contains("states the answer of step 'b.weight'")
                    && $0.contains("original exam")
            },
            "\(messages)")
    }

    @Test func aGivenLineThatDeterminesTheStep() throws {
        let v = original("q5")
        let jacobian = try #require(v.step("a.jacobian"))
        let diagonal = try #require(v.step("a.diag"))
        // The line review used to show: the diagonal, which is the whole matrix's content.
        let old = "Given (from part a): \(diagonal.label) = \(diagonal.expected.display)"
        #expect(AnswerLeak().states(jacobian, in: old))
        #expect(!v.givenLines(for: "a.jacobian").contains(old))
        #expect(EarnedLeakLint.leaks(in: v).allSatisfy { $0.place != "review's given line" })
    }

    @Test func theDiagonalAloneIsANamedMistakeOfTheJacobian() throws {
        let v = original("q5")
        let diagonal = try #require(v.step("a.diag"))
        let verdict = v.grade(step: "a.jacobian", input: diagonal.expected.display)
        guard case .incorrect(let mistakes, _, _) = verdict else {
            Issue.record("\(verdict)")
            return
        }
        #expect(mistakes.first?.explanation.contains("That is the diagonal") == true)
        let matrix = try #require(v.step("a.jacobian")).expected.display
        #expect(v.grade(step: "a.jacobian", input: matrix).isCorrect)
    }

    @Test func modelAnswersAndWorkedStepsThatStateOtherAnswersAreCounted() {
        // Q3's free-text model compares the deep total with the shallow count: held back.
        #expect(EarnedLeakLint.heldTexts(in: original("q3")) > 0)
        #expect(original("q3").stepsStated(in: original("q3").step("c.why")!.model!, except: "c.why").contains("a.total"))
    }
}
