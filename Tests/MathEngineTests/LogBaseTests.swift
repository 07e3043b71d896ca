import Testing

@testable import MathEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The content's meaning of a one-argument `log` (AML 5202 writes `log` for log base 10).
struct LogBaseTests {
    @Test(arguments: [("10", LogBase.base(10)), ("2", .base(2)), ("e", .natural), ("natural", .natural), ("ln", .natural)])
    func readsTheContentSpelling(text: String, base: LogBase) {
        #expect(LogBase(text) == base)
    }

    @Test(arguments: ["1", "0", "-10", "ten", ""])
    func rejectsImpossibleBases(text: String) {
        #expect(LogBase(text) == nil)
    }

    @Test func theAnswerFieldReadsLogInTheQuestionsBase() {
        let typed = "-log(0.99)"
        #expect(
            AnswerReader.read(typed, as: .number, log: .base(10))
                == .valid(.number(-log10(0.99)), preview: "= " + Value.number(-log10(0.99)).display + " (log is log base 10)"))
        // The default is unchanged: the natural log, and the preview says so.
        #expect(
            AnswerReader.read(typed, as: .number)
                == .valid(.number(-log(0.99)), preview: "= " + Value.number(-log(0.99)).display + " (log is natural log)"))
    }

    @Test func explicitBasesNeverChange() {
        for typed in ["ln(5)", "log10(5)", "log2(5)", "log(5, 3)"] {
            #expect(
                AnswerReader.read(typed, as: .number, log: .base(10)).value == AnswerReader.read(typed, as: .number).value,
                "\(typed)")
        }
        #expect(AnswerReader.read("ln(5)", as: .number, log: .base(10)).value == .number(log(5)))
    }

    @Test func vectorsSetsAndTheCalculatorFollowTheSetting() throws {
        let losses = [0.99, 0.93, 0.51].map { -log10($0) }
        #expect(AnswerReader.read("[-log(0.99), -log(0.93), -log(0.51)]", as: .vector, log: .base(10)).value == .vector(losses))
        #expect(try Calculator.evaluate("-log(0.99)", log: .base(10)) == .number(-log10(0.99)))
        guard case .valid(_, let preview) = Calculator.live("log(100)", log: .base(10)) else {
            Issue.record("not valid")
            return
        }
        #expect(preview == "= 2 (log is log base 10)")
    }

    @Test func gradingReadsTheStudentsLogInTheSetting() {
        // Q1, epoch k+1: the key's mean loss is the mean of −log₁₀ p.
        let p = [0.99, 0.93, 0.51, 0.02]
        let key = p.map { -log10($0) }.reduce(0, +) / Double(p.count)
        let typed = "(-log(0.99) - log(0.93) - log(0.51) - log(0.02))/4"
        #expect(
            Grader.grade(input: typed, kind: .number, expected: .number(key), rule: .absolute(0.005), log: .base(10)) == .correct)
        #expect(!Grader.grade(input: typed, kind: .number, expected: .number(key), rule: .absolute(0.005)).isCorrect)
    }

    @Test func expressionStepsReadOnlyTheStudentsLogInTheSetting() {
        // The key's formula is content (natural `log`); the student's `log` is base 10.
        let kind = AnswerKind.expression(variables: ["x"])
        let key = Value.text("ln(x^2 + 1)/ln(10)")
        #expect(Grader.grade(input: "log(x^2 + 1)", kind: kind, expected: key, rule: .exact, log: .base(10)) == .correct)
        #expect(Grader.grade(input: "log(x^2 + 1)", kind: kind, expected: key, rule: .exact) != .correct)
    }

    @Test func sentencesForHelpAndPrompts() {
        #expect(LogBase.natural.sentence == "log is the natural log.")
        #expect(LogBase.base(10).sentence == "log is log base 10 here.")
    }
}
