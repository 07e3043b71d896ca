/// A finite double read as the exact decimal it stands for, so that rounding to decimal places or
/// significant figures is done on decimal digits rather than on binary fractions.
///
/// Why: `2.675` is stored as 2.67499999999999982…, so rounding the double gives 2.67 although
/// everybody (and every calculator) rounds the typed 2.675 to 2.68. Reading the double through its
/// shortest round-trip form (`Double.description`, no Foundation) recovers the decimal that was
/// typed, and rounding digits is then exact. Ties round half away from zero, the calculator rule,
/// which treats `0.125` and `-0.125` alike (0.13 and -0.13).
///
/// The value is `±(digits as an integer) × 10^exponent`; `digits` has no leading or trailing
/// zeros, so two equal numbers have equal fields, and zero is `digits == []`, never negative.
struct DecimalDigits: Equatable, Sendable {
    let negative: Bool
    /// Most significant first, each 0...9.
    let digits: [UInt8]
    /// The power of ten of the last digit.
    let exponent: Int

    /// Normalises: strips leading and trailing zeros, and gives zero one spelling.
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var d = digits[...]
        while d.first == 0 { d.removeFirst() }
        var e = exponent
        while d.last == 0 {
            d.removeLast()
            e += 1
        }
        self.digits = Array(d)
        self.exponent = d.isEmpty ? 0 : e
        self.negative = d.isEmpty ? false : negative
    }

    /// The shortest decimal that reads back as `x` (which must be finite): `0.1` → 1×10⁻¹,
    /// `6.02214086e+23` → 602214086×10¹⁵.
    init(_ x: Double) {
        precondition(x.isFinite, "DecimalDigits needs a finite number")
        var digits: [UInt8] = []
        var fraction = 0, inFraction = false
        var power = 0, powerSign = 1, inPower = false
        for c in x.magnitude.description.unicodeScalars {
            switch c {
            case "0"..."9" where inPower: power = power * 10 + Int(c.value - 48)
            case "0"..."9":
                digits.append(UInt8(c.value - 48))
                if inFraction { fraction += 1 }
            case ".": inFraction = true
            case "e", "E": inPower = true
            case "-": powerSign = -1
            default: break // "+" of the exponent
            }
        }
        self.init(negative: x < 0, digits: digits, exponent: powerSign * power - fraction)
    }

    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the first significant digit (`0.0441` → -2); nil for zero.
    var leadingPower: Int? { isZero ? nil : exponent + digits.count - 1 }

    /// Rounded to a multiple of 10^place, ties away from zero: place -2 is 2 decimal places.
    func rounded(toPlace place: Int) -> DecimalDigits {
        guard exponent < place else { return self }
        let dropped = place - exponent // digits that fall below the place, ≥ 1
        if dropped > digits.count { // even the first digit is below half a unit
            return DecimalDigits(negative: negative, digits: [], exponent: 0)
        }
        var kept = Array(digits.prefix(digits.count - dropped))
        if digits[digits.count - dropped] >= 5 { // what is dropped is at least half a unit
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0) }
        }
        return DecimalDigits(negative: negative, digits: kept, exponent: place)
    }

    /// Rounded to `figures` significant figures (the place follows the number's own magnitude).
    func rounded(toFigures figures: Int) -> DecimalDigits {
        guard let lead = leadingPower else { return self }
        return rounded(toPlace: lead - figures + 1)
    }

    /// The reading used for grading: the shortest form, then 15 significant figures, the precision
    /// a double always carries. Noise in the last bits of a computed value (0.12499999999999997
    /// for 0.125) is dropped, so it cannot move a value across a rounding tie.
    static func reading(_ x: Double) -> DecimalDigits {
        DecimalDigits(x).rounded(toFigures: 15)
    }
}
