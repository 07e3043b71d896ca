import Testing

@testable import MathEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of a rule table: what a student types, the exact value, and whether the rule accepts.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let rule: Tolerance
    let typed: String
    let expected: Double
    let accepted: Bool

    init(_ rule: Tolerance, _ typed: String, _ expected: Double, _ accepted: Bool) {
        self.rule = rule
        self.typed = typed
        self.expected = expected
        self.accepted = accepted
    }

    var testDescription: String { "\(rule): \(typed) for \(expected) → \(accepted ? "accept" : "reject")" }

    /// The rule's verdict on the typed text, read as the tutor reads a number answer.
    func verdict() -> Bool? {
        guard case .valid(.number(let got), _) = AnswerReader.read(typed, as: .number) else { return nil }
        return rule.accepts(got, expected)
    }
}

/// The rules against their own wording (see `Tolerance` and `Tolerance+Rounding`): both sides of
/// every boundary, tiny and huge magnitudes, negative values. Expected values come from formulas
/// where the point is a computed value.
struct ToleranceRuleTests {
    /// sech²(20) as the engine computes it (about 1.6994e-17).
    static let sech20 = 1 / (cosh(20.0) * cosh(20.0))

    /// The cases of the issue: each was accepted by the old hidden margin and is rejected now,
    /// next to its correct neighbour.
    static let issue: [RuleCase] = [
        RuleCase(.relative(0.05), "1.06e-33", 1e-33, false),
        RuleCase(.relative(0.05), "1.04e-33", 1e-33, true),
        RuleCase(.significant(8), "5.3910631e-44", 5.3910632e-44, false),
        RuleCase(.significant(8), "5.3910632e-44", 5.3910632e-44, true),
        RuleCase(.significant(9), "6.02214087e23", 6.02214086e23, false),
        RuleCase(.significant(9), "6.02214086e23", 6.02214086e23, true),
        RuleCase(.exact, "1000000001", 1e9, false),
        RuleCase(.exact, "1000000000", 1e9, true),
        RuleCase(.decimals(2), "123456789.0", 123456789.123, false),
        RuleCase(.decimals(2), "123456789.12", 123456789.123, true),
        RuleCase(.significant(2), "0", sech20, false),
        RuleCase(.significant(2), "1.7e-17", sech20, true),
        RuleCase(.significant(2), "9.5", 10, false),
        RuleCase(.significant(2), "10", 10, true)
    ]

    static let decimalPlaces: [RuleCase] = [
        // At the asked precision: exactly the rounded value.
        RuleCase(.decimals(2), "0.44", 0.440483, true),
        RuleCase(.decimals(2), "0.45", 0.440483, false),
        RuleCase(.decimals(2), "0.43", 0.440483, false),
        // More digits: within half a unit of the 2nd place, inclusive.
        RuleCase(.decimals(2), "0.4412", 0.44123, true),
        RuleCase(.decimals(2), "0.445", 0.44, true),
        RuleCase(.decimals(2), "0.4451", 0.44, false),
        RuleCase(.decimals(2), "0.435", 0.44, true),
        RuleCase(.decimals(2), "0.4349", 0.44, false),
        RuleCase(.decimals(2), "-0.435", -0.44, true),
        RuleCase(.decimals(2), "-0.4451", -0.44, false),
        // Ties half away from zero, on the decimal digits (2.675 is 2.67499999… in binary).
        RuleCase(.decimals(2), "0.13", 0.125, true),
        RuleCase(.decimals(2), "0.12", 0.125, false),
        RuleCase(.decimals(2), "-0.13", -0.125, true),
        RuleCase(.decimals(2), "-0.12", -0.125, false),
        RuleCase(.decimals(2), "2.68", 2.675, true),
        RuleCase(.decimals(2), "2.67", 2.675, false),
        RuleCase(.decimals(2), "1.01", 1.005, true),
        RuleCase(.decimals(2), "1.00", 1.005, false),
        RuleCase(.decimals(0), "3", 2.5, true),
        RuleCase(.decimals(0), "2", 2.5, false),
        RuleCase(.decimals(0), "-3", -2.5, true),
        // A computed 0.125 with noise in its last bits is still the tie.
        RuleCase(.decimals(2), "0.13", 0.12499999999999997, true),
        RuleCase(.decimals(2), "0.12", 0.12499999999999997, false),
        // Tiny and huge magnitudes.
        RuleCase(.decimals(2), "0.00", 8.24e-9, true),
        RuleCase(.decimals(2), "8.2e-9", 8.24e-9, true),
        RuleCase(.decimals(2), "0.01", 8.24e-9, false),
        RuleCase(.decimals(4), "0", 1e-35, true),
        RuleCase(.decimals(2), "6.02214086e23", 6.02214086e23, true),
        RuleCase(.decimals(2), "6.02214087e23", 6.02214086e23, false),
        // Exact value 0: the band itself (and the floor).
        RuleCase(.decimals(2), "0.005", 0, true),
        RuleCase(.decimals(2), "-0.005", 0, true),
        RuleCase(.decimals(2), "0.0051", 0, false),
        RuleCase(.decimals(2), "0.01", 0, false)
    ]

    static let significantFigures: [RuleCase] = [
        RuleCase(.significant(3), "619", 619.4, true),
        RuleCase(.significant(3), "620", 619.4, false),
        RuleCase(.significant(3), "619.8", 619.4, true),
        RuleCase(.significant(3), "619.9", 619.4, true), // exactly half a unit: inclusive
        RuleCase(.significant(3), "619.91", 619.4, false),
        RuleCase(.significant(3), "618.9", 619.4, true),
        RuleCase(.significant(3), "618.89", 619.4, false),
        RuleCase(.significant(2), "620", 619.4, true),
        RuleCase(.significant(2), "-0.44", -0.440483, true),
        RuleCase(.significant(2), "0.44", -0.440483, false),
        // Around a power of ten the finer grid below it applies: for 10 at 2 sf, [9.95, 10.5].
        RuleCase(.significant(2), "9.9", 10, false),
        RuleCase(.significant(2), "9.94", 10, false),
        RuleCase(.significant(2), "9.95", 10, true),
        RuleCase(.significant(2), "9.96", 10, true),
        RuleCase(.significant(2), "10.5", 10, true),
        RuleCase(.significant(2), "10.51", 10, false),
        RuleCase(.significant(2), "11", 10, false),
        RuleCase(.significant(2), "-9.5", -10, false),
        RuleCase(.significant(2), "-9.95", -10, true),
        RuleCase(.significant(2), "-10.5", -10, true),
        RuleCase(.significant(2), "10", 9.97, true), // rounding carries into a new figure
        RuleCase(.significant(2), "9.9", 9.97, false),
        RuleCase(.significant(2), "9.96", 10.3, false), // 0.34 away, more than 0.05 below 10
        RuleCase(.significant(2), "10.64", 10.3, true), // 0.34 away, within 0.5 above 10
        // Ties half away from zero.
        RuleCase(.significant(1), "2e-35", 1.5e-35, true),
        RuleCase(.significant(1), "1e-35", 1.5e-35, false),
        RuleCase(.significant(1), "-2e-35", -1.5e-35, true),
        RuleCase(.significant(1), "-1e-35", -1.5e-35, false),
        // Tiny and huge magnitudes, both sides of the half unit.
        RuleCase(.significant(1), "1e-35", 1.2e-35, true),
        RuleCase(.significant(1), "1.25e-35", 1.2e-35, true),
        RuleCase(.significant(1), "1.71e-35", 1.2e-35, false),
        RuleCase(.significant(8), "5.39106315e-44", 5.3910632e-44, true),
        RuleCase(.significant(8), "5.39106314e-44", 5.3910632e-44, false),
        RuleCase(.significant(9), "6.022140865e23", 6.02214086e23, true),
        RuleCase(.significant(9), "6.022140866e23", 6.02214086e23, false),
        RuleCase(.significant(9), "-6.022140855e23", -6.02214086e23, true),
        RuleCase(.significant(9), "-6.022140854e23", -6.02214086e23, false),
        RuleCase(.significant(2), "1.69e-17", sech20, true),
        RuleCase(.significant(2), "1.6e-17", sech20, false),
        // Exact value 0: only 0, or noise below the floor.
        RuleCase(.significant(2), "0", 0, true),
        RuleCase(.significant(2), "1e-16", 0, true),
        RuleCase(.significant(2), "1e-14", 0, false)
    ]

    static let absolute: [RuleCase] = [
        RuleCase(.absolute(0.005), "0.975", 0.97, true),
        RuleCase(.absolute(0.005), "0.965", 0.97, true),
        RuleCase(.absolute(0.005), "0.9751", 0.97, false),
        RuleCase(.absolute(0.005), "0.9649", 0.97, false),
        RuleCase(.absolute(0.005), "-0.975", -0.97, true),
        RuleCase(.absolute(0.005), "-0.9751", -0.97, false),
        RuleCase(.absolute(1e-35), "1.01e-33", 1e-33, true),
        RuleCase(.absolute(1e-35), "1.02e-33", 1e-33, false),
        RuleCase(.absolute(0.5), "6.02214086e23", 6.02214086e23, true),
        RuleCase(.absolute(0.5), "6.02214087e23", 6.02214086e23, false),
        RuleCase(.absolute(0), "0.1 + 0.2", 0.3, true),
        RuleCase(.absolute(0), "0.3000001", 0.3, false),
        RuleCase(.absolute(0.005), "0.005", 0, true),
        RuleCase(.absolute(0.005), "-0.0051", 0, false)
    ]

    static let relative: [RuleCase] = [
        RuleCase(.relative(0.01), "99", 100, true),
        RuleCase(.relative(0.01), "101", 100, true),
        RuleCase(.relative(0.01), "98.99", 100, false),
        RuleCase(.relative(0.01), "101.01", 100, false),
        RuleCase(.relative(0.01), "-101", -100, true),
        RuleCase(.relative(0.01), "-101.01", -100, false),
        RuleCase(.relative(0.05), "1.05e-33", 1e-33, true),
        RuleCase(.relative(0.05), "0.95e-33", 1e-33, true),
        RuleCase(.relative(0.05), "0.94e-33", 1e-33, false),
        RuleCase(.relative(0.05), "-1.06e-33", -1e-33, false),
        RuleCase(.relative(1e-6), "6.022146e23", 6.02214086e23, true),
        RuleCase(.relative(1e-6), "6.022147e23", 6.02214086e23, false),
        RuleCase(.relative(0.1), "1e-16", 0, true),
        RuleCase(.relative(0.1), "1e-10", 0, false)
    ]

    static let exact: [RuleCase] = [
        RuleCase(.exact, "0.1 + 0.2", 0.3, true),
        RuleCase(.exact, "70", 0.7 * 100, true), // 70.00000000000001 computed
        RuleCase(.exact, "1.000000001", 1, false),
        RuleCase(.exact, "1.0000001e-33", 1e-33, false),
        RuleCase(.exact, "-619", -619, true),
        RuleCase(.exact, "-618", -619, false),
        RuleCase(.exact, "9007199254740994", 9007199254740992, false),
        RuleCase(.exact, "1e-16", 0, true),
        RuleCase(.exact, "-1e-16", 0, true),
        RuleCase(.exact, "1e-14", 0, false)
    ]

    static func check(_ c: RuleCase) {
        let v = c.verdict()
        #expect(v != nil, "could not read \(c.typed)")
        #expect(v == c.accepted)
    }

    @Test(arguments: issue) func issueCases(_ c: RuleCase) { Self.check(c) }
    @Test(arguments: decimalPlaces) func decimalPlacesRule(_ c: RuleCase) { Self.check(c) }
    @Test(arguments: significantFigures) func significantFiguresRule(_ c: RuleCase) { Self.check(c) }
    @Test(arguments: absolute) func absoluteRule(_ c: RuleCase) { Self.check(c) }
    @Test(arguments: relative) func relativeRule(_ c: RuleCase) { Self.check(c) }
    @Test(arguments: exact) func exactRule(_ c: RuleCase) { Self.check(c) }

    /// Integer steps and integer entries of sets and vectors compare exactly through the grader.
    @Test func wholeNumbersThroughTheGrader() {
        #expect(!Grader.grade(input: "1000000001", kind: .integer, expected: .number(1e9), rule: .exact).isCorrect)
        #expect(Grader.grade(input: "1000000000", kind: .integer, expected: .number(1e9), rule: .exact).isCorrect)
        #expect(!Tolerance.exact.matches(.set([1, 1_000_000_001]), .set([1, 1_000_000_000])))
        #expect(Tolerance.exact.matches(.set([1, 3]), .set([1, 3])))
        #expect(Tolerance.significant(2).wrongEntries(.vector([9.5, 10]), .vector([10, 10])) == [.entry(0)])
    }
}
