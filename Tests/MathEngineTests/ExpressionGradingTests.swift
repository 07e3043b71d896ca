import Testing

@testable import MathEngine

/// Expression answers are compared as functions at fixed sample points.
struct ExpressionGradingTests {
    static let q5Kind = AnswerKind.expression(variables: ["z", "a"])
    static let q5Definitions = ["z": "z", "a": "tanh(z)"]

    @Test(arguments: [
        "1 - tanh²(z)", "sech²(z)", "1 - a²", "(1-a)(1+a)", "4/(e^z+e^(-z))^2", "4/(e^z+e^{−z})²", "1-a^2", "sech(z)^2",
        "1/cosh(z)^2"
    ])
    func q5FormsAreEquivalent(typed: String) {
        let v = Grader.grade(
            input: typed, kind: ExpressionGradingTests.q5Kind, expected: .text("1 - tanh(z)^2"), rule: .exact,
            definitions: ExpressionGradingTests.q5Definitions)
        #expect(v == .correct, "\(typed)")
    }

    @Test func q5Mistakes() {
        let sigmoid = Mistake(value: .text("sigmoid(z)*(1 - sigmoid(z))"), explanation: "That is the derivative of the sigmoid.")
        let noSquare = Mistake(value: .text("1 - tanh(z)"), explanation: "The derivative squares tanh.")
        func grade(_ typed: String) -> Verdict {
            Grader.grade(
                input: typed, kind: ExpressionGradingTests.q5Kind, expected: .text("1 - tanh(z)^2"), rule: .exact,
                mistakes: [sigmoid, noSquare], definitions: ExpressionGradingTests.q5Definitions)
        }
        #expect(grade("σ(z)(1-σ(z))") == .incorrect(mistakes: [sigmoid], wrongEntries: [], reason: nil))
        #expect(grade("1 - a") == .incorrect(mistakes: [noSquare], wrongEntries: [], reason: nil))
        #expect(grade("1 + a^2") == .incorrect(mistakes: [], wrongEntries: [], reason: nil))
        #expect(grade("1 + a^2").message == "Not quite.")
        #expect(grade("1 - x^2") == .invalid(column: 5, reason: "Unknown name 'x'."))
    }

    @Test func q3ShallowCount() {
        let kind = AnswerKind.expression(variables: ["n"])
        let noBias = Mistake(value: .text("22*n"), explanation: "You left out the biases.")
        for typed in ["20n + 3(n+1)", "23n+3", "23*n + 3", "3 + 23n", "n*23+3"] {
            #expect(
                Grader.grade(input: typed, kind: kind, expected: .text("20*n + 3*(n+1)"), rule: .exact, definitions: ["n": "n"])
                    == .correct, "\(typed)")
        }
        #expect(
            Grader.grade(input: "22n", kind: kind, expected: .text("20*n + 3*(n+1)"), rule: .exact, mistakes: [noBias])
                == .incorrect(mistakes: [noBias], wrongEntries: [], reason: nil))
        #expect(!Grader.grade(input: "23n", kind: kind, expected: .text("23*n+3"), rule: .exact).isCorrect)
    }

    @Test func domainErrorsOfTheAnswerAreNotEquivalence() {
        // ln(n) is undefined at the negative sample points where n itself is fine.
        #expect(
            !Grader.grade(input: "n + ln(n) - ln(n)", kind: .expression(variables: ["n"]), expected: .text("n"), rule: .exact)
                .isCorrect)
    }
}
