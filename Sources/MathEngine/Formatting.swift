#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Canonical display of numbers and values, written by hand so it needs no Foundation and gives
/// the same text on every platform.
///
/// Numbers: whole numbers without a decimal point (`619`), others with up to 4 decimals trimmed
/// (`0.4405`), and very small or large magnitudes in scientific form with 3 significant figures
/// (`8.24e-9`), because 4 decimals would show those as `0` or as a wall of digits.
public enum Formatting {
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        if x == 0 { return "0" }
        let a = Swift.abs(x)
        if a >= 1e15 || a < 1e-4 { return scientific(x) }
        if x == x.rounded() { return String(Int64(x)) }
        return decimal4(x)
    }

    /// Up to 4 decimals, trimmed, built digit by digit into a small (inline, allocation-free) string.
    private static func decimal4(_ x: Double) -> String {
        // Past 9.2e14 the units no longer fit an Int64 (a trap found by the answer fuzz: a typed
        // 999999999999999.5); such a number shows in scientific form instead.
        guard Swift.abs(x) * 10_000 < 9.2e18 else { return scientific(x) }
        let units = Int64((Swift.abs(x) * 10_000).rounded(.toNearestOrAwayFromZero))
        if units == 0 { return "0" }
        var whole = units / 10_000
        var part = units % 10_000
        var places = 4
        while places > 0 && part % 10 == 0 {
            part /= 10
            places -= 1
        }
        var out = x < 0 ? "-" : ""
        var wholeDigits: [UInt8] = []
        repeat {
            wholeDigits.append(UInt8(whole % 10))
            whole /= 10
        } while whole > 0
        for d in wholeDigits.reversed() { out.unicodeScalars.append(Unicode.Scalar(48 + d)) }
        if places > 0 {
            out.unicodeScalars.append(".")
            var divisor: Int64 = 1
            for _ in 1..<places { divisor *= 10 }
            while divisor > 0 {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(48 + (part / divisor) % 10)))
                divisor /= 10
            }
        }
        return out
    }

    /// Exactly `decimals` decimals, not trimmed (`0.00`, `0.42`), for "2 dp" displays.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        let n = Swift.max(0, Swift.min(decimals, 15))
        let scale = pow(10.0, Double(n))
        let scaled = (Swift.abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard x.isFinite, scaled < 9e15 else { return number(x) }
        let units = Int64(scaled)
        let p = Int64(scale)
        let whole = units / p, part = units % p
        var s = (x < 0 && units != 0) ? "-" : ""
        s += String(whole)
        if n > 0 {
            let digits = String(part)
            s += "." + String(repeating: "0", count: n - digits.count) + digits
        }
        return s
    }

    /// `8.24e-9`: 3 significant figures, exponent without padding.
    public static func scientific(_ x: Double) -> String {
        let a = Swift.abs(x)
        var e = Int(log10(a).rounded(.down))
        // Two steps for tiny magnitudes, where 10^-e alone would overflow (subnormals).
        var m = e < -300 ? (a * 1e300) / pow(10.0, Double(e + 300)) : a / pow(10.0, Double(e))
        m = (m * 100).rounded() / 100
        if m >= 10 {
            m /= 10
            e += 1
        }
        if m < 1 {
            m *= 10
            e -= 1
        }
        return (x < 0 ? "-" : "") + trim(fixed(m, 2)) + "e" + String(e)
    }

    /// Shortest form that reads back to the same double, for `Expr.description`.
    static func plain(_ x: Double) -> String {
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    static func trim(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t.removeLast() }
        if t.last == "." { t.removeLast() }
        return t == "-0" ? "0" : String(t)
    }

    /// Canonical display of a value; `decimals` switches numbers to exactly N decimals.
    public static func display(_ v: Value, decimals: Int? = nil) -> String {
        let num: (Double) -> String = { x in decimals.map { fixed(x, $0) } ?? number(x) }
        switch v {
        case .number(let x): return num(x)
        case .vector(let xs): return "[" + xs.map(num).joined(separator: ", ") + "]"
        case .matrix(let m): return "[" + m.map { "[" + $0.map(num).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        case .shape(let s): return s.isEmpty ? "scalar" : s.map(String.init).joined(separator: "×")
        case .set(let xs): return "{" + xs.map(num).joined(separator: ", ") + "}"
        case .text(let s): return "\"" + s + "\""
        case .list(let l): return "[" + l.map { display($0, decimals: decimals) }.joined(separator: ", ") + "]"
        }
    }
}

extension Value: CustomStringConvertible {
    /// Canonical display: `0.4405`, `619`, `[0.97, 0.91]`, `256×1025`, `scalar`, `{1, 3}`,
    /// `[[0, 0], [0, 0.42]]`, `"text"`.
    public var display: String { Formatting.display(self) }

    /// The same with every number shown with exactly `decimals` decimals (`[0.00, 0.42]`).
    public func display(decimals: Int) -> String { Formatting.display(self, decimals: decimals) }

    public var description: String { display }
}
