#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How close a number must be to the exact value to count as equal. Each rule means exactly what
/// it says, with no hidden margin beyond what binary floating point itself needs
/// (`Tolerance.slack`: a few ulps of the two numbers compared).
///
/// - `exact`: equal up to that slack; two whole numbers must be identical (1000000001 is not
///   1000000000), which covers integer steps, counts, shapes and sets of indices.
/// - `absolute(t)`: |answer − exact| ≤ t. `relative(r)`: |answer − exact| ≤ r·|exact|. Both
///   bounds are inclusive and hold the same at every magnitude (1e-33 as at 1e23).
/// - `decimals(N)` and `significant(N)` (see `acceptsRounded`): an answer given at that
///   precision (at most N places or figures) must be the exact value rounded to it, ties half
///   away from zero (so 9.5 is not 10 at 2 sf, and 0.125 gives 0.13); an answer with more digits
///   must lie within half a unit of the N-th place (inclusive), so a student who keeps more
///   digits (0.4412 for 0.44123 at 2 dp) is never punished.
/// - Only an exact value of 0, which has no scale, gets an absolute floor (`zeroFloor`).
///
/// Vectors, matrices and sets apply the rule per entry.
public enum Tolerance: Sendable, Hashable {
    /// Equal up to floating-point noise; whole numbers exactly.
    case exact
    /// Within this distance of the exact value.
    case absolute(Double)
    /// Within this fraction of the exact value's magnitude.
    case relative(Double)
    /// Correct to N decimal places.
    case decimals(Int)
    /// Correct to N significant figures.
    case significant(Int)

    /// Reads the content spelling: `exact`, `abs 0.005`, `rel 0.01`, `dp 2`, `sf 3`.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let head = parts.first else { return nil }
        if parts.count == 1 {
            if head == "exact" {
                self = .exact
                return
            } else {
                return nil
            }
        }
        guard parts.count == 2, let x = Double(parts[1]), x >= 0 else { return nil }
        switch head {
        case "abs": self = .absolute(x)
        case "rel": self = .relative(x)
        case "dp" where x == x.rounded() && x <= 15: self = .decimals(Int(x))
        case "sf" where x == x.rounded() && x >= 1 && x <= 15: self = .significant(Int(x))
        default: return nil
        }
    }

    /// Ulps of slack for binary floating point: a typed decimal is off by half an ulp, a
    /// difference or product by another, so 4 covers both sides with room and no more.
    static let ulps = 4.0

    /// The answer's magnitude that counts as 0 when the exact value is 0 (a formula and the
    /// student's expression can leave 1e-17 where the mathematics gives 0). Never used otherwise,
    /// so it cannot swallow a genuinely tiny exact value such as sech²(20) ≈ 1.7e-17.
    static let zeroFloor = 1e-15

    /// The slack floating point needs when comparing `a` with `b`: `ulps` ulps of the larger.
    static func slack(_ a: Double, _ b: Double) -> Double {
        ulps * Swift.max(a.ulp, b.ulp)
    }

    /// Whether `got` counts as `expected` under this rule.
    public func accepts(_ got: Double, _ expected: Double) -> Bool {
        if !got.isFinite || !expected.isFinite { return got == expected }
        let d = Swift.abs(got - expected)
        let slack = Tolerance.slack(got, expected)
        if expected == 0 { return Swift.abs(got) <= Swift.max(halfWidthAtZero, Tolerance.zeroFloor) + slack }
        switch self {
        case .exact:
            if got == got.rounded() && expected == expected.rounded() { return got == expected }
            return d <= slack
        case .absolute(let t): return d <= t + slack
        case .relative(let r): return d <= r * Swift.abs(expected) + slack
        case .decimals(let n): return Tolerance.acceptsRounded(got, expected, decimals: n)
        case .significant(let n): return Tolerance.acceptsRounded(got, expected, figures: n)
        }
    }

    /// How far from an exact 0 an answer may be under this rule (before `zeroFloor`).
    private var halfWidthAtZero: Double {
        switch self {
        case .exact, .relative, .significant: return 0
        case .absolute(let t): return t
        case .decimals(let n): return 0.5 * pow(10, -Double(n))
        }
    }

    /// Whether two values match: numbers per entry, sets in any order, shapes after treating
    /// `[n, 1]` as `[n]` and `[1]`, `[1, 1]` as a scalar, texts and text lists normalised.
    public func matches(_ got: Value, _ expected: Value) -> Bool {
        switch (got, expected) {
        case (.number(let a), .number(let b)): return accepts(a, b)
        case (.vector(let a), .vector(let b)), (.set(let a), .set(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { accepts($0, $1) }
        case (.matrix(let a), .matrix(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { r, s in
                    r.count == s.count && zip(r, s).allSatisfy { accepts($0, $1) }
                }
        case (.shape(let a), .shape(let b)):
            return Tolerance.normalised(a) == Tolerance.normalised(b)
        case (.text(let a), .text(let b)):
            return Tolerance.normalised(a) == Tolerance.normalised(b)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        default:
            return false
        }
    }

    /// Entries that differ, when both are vectors of one length or matrices of one size.
    public func wrongEntries(_ got: Value, _ expected: Value) -> [EntryIndex]? {
        switch (got, expected) {
        case (.vector(let a), .vector(let b)) where a.count == b.count:
            return a.indices.filter { !accepts(a[$0], b[$0]) }.map(EntryIndex.entry)
        case (.matrix(let a), .matrix(let b)) where a.count == b.count && zip(a, b).allSatisfy({ $0.count == $1.count }):
            var out: [EntryIndex] = []
            for i in a.indices { for j in a[i].indices where !accepts(a[i][j], b[i][j]) { out.append(.cell(row: i, column: j)) } }
            return out
        case (.list(let a), .list(let b)) where a.count == b.count:
            return a.indices.filter { !matches(a[$0], b[$0]) }.map(EntryIndex.entry)
        default:
            return nil
        }
    }

    /// Trailing 1s dropped: `[257, 1]` → `[257]`, `[1, 1]` and `[1]` → `[]` (scalar).
    /// A row vector `[1, n]` stays as it is, so it does not pass for a column vector.
    static func normalised(_ s: [Int]) -> [Int] {
        var t = s
        while t.last == 1 { t.removeLast() }
        return t
    }

    /// Lowercased, with spaces, `_`, `-` and `=` removed: `Gender_Female` equals `genderfemale`.
    public static func normalised(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.lowercased().unicodeScalars where c != " " && c != "_" && c != "-" && c != "=" && c != "\t" {
            out.append(c)
        }
        return String(out)
    }
}
