import Testing

@testable import MathEngine

struct ToleranceTests {
    @Test(arguments: [0.44, 0.440, 0.4405, 0.4449, 0.4355, 0.440483])
    func twoDecimalsAcceptsWithinHalfAUnit(got: Double) {
        #expect(Tolerance.decimals(2).accepts(got, 0.440483))
    }

    @Test(arguments: [0.45, 0.43, 0.4354, 0.446])
    func twoDecimalsRejectsOutside(got: Double) {
        #expect(!Tolerance.decimals(2).accepts(got, 0.440483))
    }

    @Test func q5DiagonalAtTwoDecimals() {
        let exact = Value.vector([8.24e-9, 0.419974, 8.24e-9, 0.419974])
        let typed = AnswerReader.read("[0.00, 0.42, 0.00, 0.42]", as: .vector).value!
        #expect(Tolerance.decimals(2).matches(typed, exact))
        #expect(Tolerance.decimals(2).matches(AnswerReader.read("[8.2e−9, 0.42, 0, 0.42]", as: .vector).value!, exact))
        #expect(!Tolerance.decimals(2).matches(.vector([0, 0.43, 0, 0.42]), exact))
        #expect(Tolerance.decimals(2).wrongEntries(.vector([0, 0.43, 0, 0.40]), exact) == [.entry(1), .entry(3)])
    }

    @Test func significantFigures() {
        #expect(Tolerance.significant(2).accepts(0.44, 0.440483))
        #expect(!Tolerance.significant(2).accepts(0.45, 0.440483))
        #expect(Tolerance.significant(3).accepts(619, 619.4))
        #expect(Tolerance.significant(3).accepts(619.8, 619.4))
        #expect(!Tolerance.significant(3).accepts(620, 619.4))
        #expect(Tolerance.significant(2).accepts(620, 619.4))
        #expect(Tolerance.significant(3).accepts(8.24e-9, 8.244614546626394e-9))
        #expect(!Tolerance.significant(3).accepts(8.3e-9, 8.244614546626394e-9))
    }

    @Test func exactAbsoluteRelative() {
        #expect(Tolerance.exact.accepts(0.1 + 0.2, 0.3))
        #expect(!Tolerance.exact.accepts(619.001, 619))
        #expect(Tolerance.absolute(0.005).accepts(0.975, 0.97))
        #expect(!Tolerance.absolute(0.005).accepts(0.976, 0.97))
        #expect(Tolerance.relative(0.01).accepts(99.1, 100))
        #expect(!Tolerance.relative(0.01).accepts(98.9, 100))
    }

    @Test func matricesPerEntry() {
        let exact = Value.matrix([[8.24e-9, 0], [0, 0.419974]])
        #expect(Tolerance.decimals(2).matches(.matrix([[0, 0], [0, 0.42]]), exact))
        #expect(Tolerance.decimals(2).wrongEntries(.matrix([[0, 0.1], [0, 0.42]]), exact) == [.cell(row: 0, column: 1)])
    }

    @Test func setsShapesTexts() {
        #expect(Tolerance.exact.matches(Value.makeSet([3, 1]), .set([1, 3])))
        #expect(!Tolerance.exact.matches(.set([1, 4]), .set([1, 3])))
        #expect(Tolerance.exact.matches(.shape([257, 1]), .shape([257])))
        #expect(Tolerance.exact.matches(.shape([257]), .shape([257])))
        #expect(!Tolerance.exact.matches(.shape([1, 257]), .shape([257])))
        for scalar in [[], [1], [1, 1]] as [[Int]] { #expect(Tolerance.exact.matches(.shape(scalar), .shape([]))) }
        #expect(!Tolerance.exact.matches(.shape([8, 4]), .shape([4, 8])))
        #expect(Tolerance.exact.matches(.text("Gender_Female"), .text("genderfemale")))
        #expect(Tolerance.exact.matches(.text("blood-glucose"), .text("Blood glucose")))
        #expect(Tolerance.exact.matches(.text("gender=male"), .text("gendermale")))
        #expect(!Tolerance.exact.matches(.list([.text("age"), .text("bmi")]), .list([.text("bmi"), .text("age")])))
    }

    @Test func contentSpelling() {
        #expect(Tolerance("exact") == .exact)
        #expect(Tolerance("abs 0.005") == .absolute(0.005))
        #expect(Tolerance("rel 0.01") == .relative(0.01))
        #expect(Tolerance("dp 2") == .decimals(2))
        #expect(Tolerance("sf 3") == .significant(3))
        #expect(Tolerance("dp x") == nil)
        #expect(Tolerance("close") == nil)
    }
}
