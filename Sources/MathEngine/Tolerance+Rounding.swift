#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rounding rules, `dp N` and `sf N`.
///
/// An answer is judged by what it claims. One given at the asked precision (at most N decimal
/// places, or at most N significant figures, trailing zeros not counted) claims to be the exact
/// value rounded to it, so it must be exactly that: with 10 expected at 2 sf, 9.5 is a different
/// 2-figure value and is rejected, however close it is. One given with more digits claims more
/// than was asked; it passes when it is as accurate as the rounded value would be, i.e. within
/// half a unit of the N-th place (inclusive), so 0.4412 passes for 0.44123 at 2 dp and 619.8 for
/// 619.4 at 3 sf, while 0.4354 (0.0051 away) fails for 0.440483 at 2 dp.
///
/// Both numbers are read as decimals (`DecimalDigits.reading`), so 2.675 rounds to 2.68 and
/// 0.125 to 0.13 (ties half away from zero, the same for negative values), and the rule is the
/// same at 1e-35 as at 1e23. For significant figures the half unit is taken at the smaller of
/// the two magnitudes: near a power of ten the finer grid below it applies, so for 10 at 2 sf
/// the band is [9.95, 10.5] and not [9.5, 10.5].
extension Tolerance {
    /// `dp n`: `got` at most n decimals must equal `expected` rounded to n decimals; otherwise
    /// within half of 10⁻ⁿ.
    static func acceptsRounded(_ got: Double, _ expected: Double, decimals n: Int) -> Bool {
        let answer = DecimalDigits.reading(got)
        if answer.exponent >= -n {
            return answer == DecimalDigits.reading(expected).rounded(toPlace: -n)
        }
        return Swift.abs(got - expected) <= 0.5 * pow(10, -Double(n)) + slack(got, expected)
    }

    /// `sf n`: `got` with at most n significant figures must equal `expected` rounded to n
    /// figures; otherwise within half a unit of the n-th figure of the smaller magnitude.
    /// `expected` is not 0 here (`accepts` deals with 0 first).
    static func acceptsRounded(_ got: Double, _ expected: Double, figures n: Int) -> Bool {
        let answer = DecimalDigits.reading(got)
        let exact = DecimalDigits.reading(expected)
        if answer.digits.count <= n {
            return answer == exact.rounded(toFigures: n)
        }
        guard let a = answer.leadingPower, let b = exact.leadingPower else { return false }
        let place = Swift.min(a, b) - n + 1
        return Swift.abs(got - expected) <= 0.5 * pow(10, Double(place)) + slack(got, expected)
    }
}

/// Precision feedback: the right value typed with fewer places or figures than asked.
extension Tolerance {
    /// What a rounding rule asks for, as the feedback says it ("3 decimal places", "1
    /// significant figure"); nil for the other rules.
    public var askedPrecision: String? {
        switch self {
        case .decimals(let n): n == 1 ? "1 decimal place" : "\(n) decimal places"
        case .significant(let n): n == 1 ? "1 significant figure" : "\(n) significant figures"
        case .exact, .absolute, .relative: nil
        }
    }

    /// Whether `got` is `expected` correctly rounded at fewer decimal places (or figures) than
    /// this rule asks: 1.42 or 1.4 for 1.417 at `dp 3`, 1.4 for 1.417 at `sf 3`. A typed 0 never
    /// is (it says nothing of the value), and neither is a rounding to tens or beyond at `dp N`.
    public func isShortRounding(_ got: Double, _ expected: Double) -> Bool {
        guard got.isFinite, expected.isFinite, got != 0 else { return false }
        let answer = DecimalDigits.reading(got)
        let exact = DecimalDigits.reading(expected)
        switch self {
        case .decimals(let n):
            guard answer.exponent > -n, answer.exponent <= 0 else { return false }
            return exact.rounded(toPlace: answer.exponent) == answer
        case .significant(let n):
            guard answer.digits.count < n else { return false }
            return exact.rounded(toFigures: answer.digits.count) == answer
        case .exact, .absolute, .relative:
            return false
        }
    }

    /// The same for whole values: a number, or a vector or matrix whose every entry is right or
    /// a short rounding, at least one of them short.
    public func isShortRounding(_ got: Value, _ expected: Value) -> Bool {
        var short = false
        func entry(_ a: Double, _ b: Double) -> Bool {
            if accepts(a, b) { return true }
            if isShortRounding(a, b) {
                short = true
                return true
            }
            return false
        }
        switch (got, expected) {
        case (.number(let a), .number(let b)):
            return entry(a, b) && short
        case (.vector(let a), .vector(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { entry($0, $1) } && short
        case (.matrix(let a), .matrix(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { r, s in r.count == s.count && zip(r, s).allSatisfy { entry($0, $1) } }
                && short
        default:
            return false
        }
    }
}
