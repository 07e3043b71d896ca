import Foundation
import MathEngine
import Testing

@testable import TutorContent

/// Grading through a Variant: named mistakes, accepted forms and error carried forward.
@Suite struct GradingTests {
    func explanation(_ v: Verdict) -> String {
        if case .incorrect(let mistakes, _, _) = v { return mistakes.map(\.explanation).joined(separator: " | ") }
        return "not a named mistake: \(v)"
    }

    @Test func q3NamedMistakesAndCarriedForward() {
        let v = original("q3")
        #expect(v.grade(step: "a.total", input: "619") == .correct)
        #expect(explanation(v.grade(step: "a.total", input: "691")).contains("8 hidden layers"))
        #expect(explanation(v.grade(step: "b.n_hidden", input: "27")).contains("Rounding up"))
        #expect(v.grade(step: "b.n_hidden", input: "26", given: ["a.total": .number(691)]) == .correct)
        #expect(v.grade(step: "b.n_hidden", input: "29", given: ["a.total": .number(691)]) == .carriedForward)
        #expect(v.carried(for: "b.n_hidden", given: ["a.total": .number(691)]) == .number(29))
        // Carried through a chain: sizes → total.
        let tenSizes = Value.vector([19] + Array(repeating: 8, count: 8) + [3])
        #expect(v.carried(for: "a.total", given: ["a.sizes": tenSizes]) == .number(691))
        #expect(v.grade(step: "b.expression", input: "23n + 3") == .correct)
        #expect(v.grade(step: "b.expression", input: "20n + 3(n+1)") == .correct)
        #expect(explanation(v.grade(step: "b.expression", input: "22n")).contains("bias"))
        #expect(v.grade(step: "c.choice", input: answerLetter(v, "c.choice")) == .correct)
    }

    @Test func q1LogBaseAndAccuracyForms() {
        let v = original("q1")
        #expect(v.grade(step: "k.mean_loss", input: "0.44") == .correct)
        #expect(v.grade(step: "k.mean_loss", input: "0.4405") == .correct)
        #expect(explanation(v.grade(step: "k.mean_loss", input: "1.01")).contains("base is wrong"))
        #expect(explanation(v.grade(step: "k1.mean_loss", input: "1.17")).contains("base is wrong"))
        #expect(explanation(v.grade(step: "k.mean_loss", input: "1.76")).contains("average"))
        #expect(v.grade(step: "k.accuracy", input: "2/4") == .correct)
        #expect(v.grade(step: "k.accuracy", input: "50%") == .correct)
        #expect(v.grade(step: "k.accuracy", input: "50") == .correctAlternative(note: "read as a percentage"))
        #expect(explanation(v.grade(step: "k.accuracy", input: "75%")).contains("makes x⁽⁴⁾ look correctly classified"))
        #expect(v.grade(step: "k.sigma", input: "0.97, 0.91, 0.51, 0.96") == .correct)
        #expect(explanation(v.grade(step: "k.per_sample_loss", input: "[0.0305, 0.0943, 0.7133, 3.2189]")).contains("wrong base"))
        #expect(v.grade(step: "driver", input: "x4") == .correct)
        #expect(v.grade(step: "compare", input: answerLetter(v, "compare")) == .correct)
    }

    @Test func q5SetsAndDerivative() {
        let v = original("q5")
        #expect(v.grade(step: "b.nodes", input: "{3, 1}") == .correct)
        #expect(v.grade(step: "b.nodes", input: "nodes 1 and 3") == .correct)
        #expect(explanation(v.grade(step: "b.nodes", input: "{1,4}")).contains("ReLU"))
        #expect(v.grade(step: "a.formula", input: "1 - tanh(z)^2") == .correct)
        #expect(v.grade(step: "a.formula", input: "1 - a^2") == .correct)
        #expect(v.grade(step: "a.formula", input: "sech(z)^2") == .correct)
        #expect(explanation(v.grade(step: "a.formula", input: "1 - tanh(z)")).contains("squared"))
        #expect(v.grade(step: "a.diag", input: "[0, 0.42, 0, 0.42]") == .correct)
        #expect(v.grade(step: "a.jacobian", input: "diag(0, 0.42, 0, 0.42)") == .correct)
        // The diagonal alone is not the 4×4 matrix the step asks for: a named mistake.
        #expect(explanation(v.grade(step: "a.jacobian", input: "[0, 0.42, 0, 0.42]")).contains("That is the diagonal"))
        #expect(explanation(v.grade(step: "a.diag", input: "[0, 0.2, 0, 0.2]")).contains("sigmoid"))
    }

    @Test func q4ColumnVectors() {
        let v = original("q4")
        #expect(v.grade(step: "xB", input: "1025") == .correct)
        #expect(v.grade(step: "xB", input: "1025x1") == .correct)
        #expect(explanation(v.grade(step: "xB", input: "1x1025")).contains("column vectors"))
        #expect(v.grade(step: "W1", input: "256 x 1025") == .correct)
        #expect(v.grade(step: "loss", input: "scalar") == .correct)
        #expect(v.grade(step: "ext.params", input: "263171") == .correct)
        #expect(v.grade(step: "W2", input: "3x257") == .correct)
    }

    @Test func q2ChoicesAndShapes() {
        let v = original("q2")
        #expect(v.grade(step: "a.W_shape", input: "4x8") == .correct)
        #expect(v.grade(step: "a.W_shape", input: "4x7", given: ["a.n_features": .number(6)]) == .carriedForward)
        if case .incorrect(let m, _, _) = v.grade(step: "a.W_shape", input: "4x7") {
            #expect(
                m.count == 1 && m[0].explanation.contains("bias column is missing")
                    && m[0].explanation.contains("not one-hot encoded"))
        } else {
            Issue.record("4x7 should name the coinciding causes in one mistake")
        }
        #expect(
            v.grade(step: "a.features", input: "gender_female, gender_male, age, weight, BMI, blood glucose, total cholesterol")
                == .correct)
        let options = v.step("b.weight")!.options
        let correct = options.firstIndex(of: "the weight on BMI in the pre-diabetic score")!
        #expect(v.grade(step: "b.weight", input: String(correct + 1)) == .correct)
        #expect(v.grade(step: "c.why", input: "because the slope is positive") == .correct)
        #expect(v.keywordsCovered(step: "c.why", input: "the slope is positive") == [true, true])
    }
}
