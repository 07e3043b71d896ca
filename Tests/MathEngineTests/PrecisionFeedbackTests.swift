import Testing

@testable import MathEngine

/// Precision feedback: the right value at fewer places than a `dp N` / `sf N` step asks is
/// `.imprecise` (not yet an answer), never wrong; every other answer is graded as before.
@Suite struct PrecisionFeedbackTests {
    /// 1.417 and its roundings, from the engine's own rounding of the exact value.
    static let exact = 1.417
    static func rounded(_ x: Double, _ places: Int) -> String { Value.number(x).display(decimals: places) }

    func grade(
        _ typed: String, _ rule: Tolerance, expected: Value = .number(exact), mistakes: [Mistake] = [], carried: [Value] = []
    )
        -> Verdict
    {
        Grader.grade(input: typed, kind: .number, expected: expected, rule: rule, mistakes: mistakes, carried: carried)
    }

    @Test func fewerDecimalPlacesOfTheRightValueAskForMore() {
        let two = Self.rounded(Self.exact, 2), one = Self.rounded(Self.exact, 1)
        #expect(grade(two, .decimals(3)) == .imprecise(asked: "3 decimal places"))
        #expect(grade(one, .decimals(3)) == .imprecise(asked: "3 decimal places"))
        #expect(grade(two, .decimals(3)).message == "Right value; give 3 decimal places.")
        #expect(grade(Self.rounded(Self.exact, 3), .decimals(3)) == .correct)
        #expect(grade(String(Self.exact), .decimals(3)) == .correct)
        #expect(grade(one, .decimals(1)) == .correct)
    }

    @Test func aWrongRoundingOrAZeroIsStillWrong() {
        let off = Self.rounded(Self.exact + 0.01, 2) // a different 2-decimal value
        guard case .incorrect = grade(off, .decimals(3)) else {
            Issue.record("\(off) was not wrong")
            return
        }
        guard case .incorrect = grade("0", .decimals(3), expected: .number(0.003)) else {
            Issue.record("0 was taken for a rounding")
            return
        }
        // Tens are no rounding at dp N.
        guard case .incorrect = grade("10", .decimals(3), expected: .number(12.345)) else {
            Issue.record("10 was taken for a rounding")
            return
        }
    }

    @Test func significantFiguresAskForMoreFiguresOneOrMany() {
        #expect(grade(Self.rounded(Self.exact, 1), .significant(3)) == .imprecise(asked: "3 significant figures"))
        #expect(grade("1", .significant(2)) == .imprecise(asked: "2 significant figures"))
        #expect(grade(Self.rounded(Self.exact, 2), .significant(3)) == .correct)
        #expect(Tolerance.significant(1).askedPrecision == "1 significant figure")
        #expect(Tolerance.decimals(1).askedPrecision == "1 decimal place")
        #expect(Tolerance.absolute(0.01).askedPrecision == nil)
    }

    @Test func aNamedMistakeAtThatPrecisionIsStillNamed() {
        let two = Self.rounded(Self.exact, 2)
        let m = Mistake(id: "s#1", value: .number(Double(two)!), explanation: "That rounds too early.")
        #expect(grade(two, .decimals(3), mistakes: [m]) == .incorrect(mistakes: [m], wrongEntries: [], reason: nil))
    }

    @Test func theCarriedForwardValueAtFewerPlacesAsksForMoreToo() {
        let carried = 2.718
        #expect(
            grade(Self.rounded(carried, 2), .decimals(3), carried: [.number(carried)]) == .imprecise(asked: "3 decimal places"))
    }

    @Test func vectorsAskForMoreWhenEveryEntryIsRightOrShort() {
        let exact: [Double] = [0.665, 0.245, 0.09]
        let short = "[\(Self.rounded(exact[0], 2)), \(exact[1]), \(exact[2])]"
        #expect(
            Grader.grade(input: short, kind: .vector, expected: .vector(exact), rule: .decimals(3))
                == .imprecise(asked: "3 decimal places"))
        let oneWrong = "[\(Self.rounded(exact[0], 2)), \(exact[1] + 0.1), \(exact[2])]"
        guard case .incorrect = Grader.grade(input: oneWrong, kind: .vector, expected: .vector(exact), rule: .decimals(3))
        else {
            Issue.record("a vector with a wrong entry asked for more places")
            return
        }
    }

    @Test func anImpreciseAnswerIsNoTryAndHasItsOwnName() {
        let v = Verdict.imprecise(asked: "3 decimal places")
        #expect(!v.isCorrect)
        #expect(!v.countsAsTry)
        #expect(v.shortName == "imprecise")
        #expect(Verdict.invalid(column: 1, reason: "x").countsAsTry == false)
        #expect(Verdict.incorrect(mistakes: [], wrongEntries: [], reason: nil).countsAsTry)
        #expect(Verdict.correct.countsAsTry)
    }

    @Test func aPercentStepAsksForMorePlacesBeforeReadingAPercentage() {
        // 0.42 for 0.4167 at dp 3 is the right value short, not 0.42 %.
        let verdict = Grader.grade(
            input: Self.rounded(5.0 / 12, 2), kind: .number, expected: .number(5.0 / 12), rule: .decimals(3), percent: true)
        #expect(verdict == .imprecise(asked: "3 decimal places"))
    }
}
