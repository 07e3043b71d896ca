import Testing

@testable import MathEngine

/// The decimal reading behind `dp` and `sf`: the typed decimal is recovered from the double, and
/// rounding is done on its digits, ties half away from zero.
struct DecimalDigitsTests {
    func dec(_ negative: Bool, _ digits: [UInt8], _ exponent: Int) -> DecimalDigits {
        DecimalDigits(negative: negative, digits: digits, exponent: exponent)
    }

    @Test func readsTheShortestDecimal() {
        #expect(DecimalDigits(2.675) == dec(false, [2, 6, 7, 5], -3))
        #expect(DecimalDigits(-0.125) == dec(true, [1, 2, 5], -3))
        #expect(DecimalDigits(1e-33) == dec(false, [1], -33))
        #expect(DecimalDigits(6.02214086e23) == dec(false, [6, 0, 2, 2, 1, 4, 0, 8, 6], 15))
        #expect(DecimalDigits(1_000_000_000) == dec(false, [1], 9))
        #expect(DecimalDigits(0.0001) == dec(false, [1], -4))
        #expect(DecimalDigits(-0.0) == DecimalDigits(0))
        #expect(DecimalDigits(0).isZero && DecimalDigits(0).leadingPower == nil)
        #expect(DecimalDigits(0.0441).leadingPower == -2)
        #expect(DecimalDigits(619.4).leadingPower == 2)
    }

    @Test func roundsHalfAwayFromZero() {
        #expect(DecimalDigits(2.675).rounded(toPlace: -2) == DecimalDigits(2.68))
        #expect(DecimalDigits(-2.675).rounded(toPlace: -2) == DecimalDigits(-2.68))
        #expect(DecimalDigits(2.6749).rounded(toPlace: -2) == DecimalDigits(2.67))
        #expect(DecimalDigits(0.125).rounded(toPlace: -2) == DecimalDigits(0.13))
        #expect(DecimalDigits(0.999).rounded(toPlace: -2) == DecimalDigits(1))
        #expect(DecimalDigits(0.0049).rounded(toPlace: -2).isZero)
        #expect(DecimalDigits(0.005).rounded(toPlace: -2) == DecimalDigits(0.01))
        #expect(DecimalDigits(0.0004).rounded(toPlace: -2).isZero) // below the first digit
        #expect(DecimalDigits(619).rounded(toPlace: -2) == DecimalDigits(619))
    }

    @Test func roundsToSignificantFigures() {
        #expect(DecimalDigits(9.96).rounded(toFigures: 2) == DecimalDigits(10))
        #expect(DecimalDigits(619.4).rounded(toFigures: 2) == DecimalDigits(620))
        #expect(DecimalDigits(5.39106315e-44).rounded(toFigures: 8) == DecimalDigits(5.3910632e-44))
        #expect(DecimalDigits(-1.5e-35).rounded(toFigures: 1) == DecimalDigits(-2e-35))
        #expect(DecimalDigits(999_999).rounded(toFigures: 3) == DecimalDigits(1e6))
    }

    /// The grading reading drops noise in the last bits, so a computed tie stays a tie.
    @Test func readingAtFifteenFigures() {
        #expect(DecimalDigits.reading(0.12499999999999997) == DecimalDigits(0.125))
        #expect(DecimalDigits.reading(0.1 + 0.2) == DecimalDigits(0.3))
        #expect(DecimalDigits.reading(0.99999999999999989) == DecimalDigits(1))
        #expect(DecimalDigits.reading(0.123456789012345) == DecimalDigits(0.123456789012345))
        #expect(DecimalDigits.reading(0.12345678901234567) != DecimalDigits(0.12345678901234567))
    }
}
