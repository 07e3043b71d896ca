#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How close a number must be to the exact value to count as equal.
///
/// `decimals(N)` and `significant(N)` accept every value within half a unit of the N-th place of
/// the *exact* value (plus a tiny epsilon for binary floating point), so 0.44, 0.440 and 0.4405
/// all pass for 0.440483 at 2 dp while 0.45 does not, and a student who keeps more digits is never
/// punished. Vectors and matrices apply the rule per entry.
public enum Tolerance: Sendable, Hashable {
    /// Equal up to floating-point noise (relative 1e-9).
    case exact
    case absolute(Double)
    /// Relative to the expected value.
    case relative(Double)
    /// Rounded to N decimal places.
    case decimals(Int)
    /// Rounded to N significant figures.
    case significant(Int)

    /// Reads the content spelling: `exact`, `abs 0.005`, `rel 0.01`, `dp 2`, `sf 3`.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let head = parts.first else { return nil }
        if parts.count == 1 { if head == "exact" { self = .exact; return } else { return nil } }
        guard parts.count == 2, let x = Double(parts[1]), x >= 0 else { return nil }
        switch head {
        case "abs": self = .absolute(x)
        case "rel": self = .relative(x)
        case "dp" where x == x.rounded() && x <= 15: self = .decimals(Int(x))
        case "sf" where x == x.rounded() && x >= 1 && x <= 15: self = .significant(Int(x))
        default: return nil
        }
    }

    private static let epsilon = 1e-9

    /// Whether `got` counts as `expected` under this rule.
    public func accepts(_ got: Double, _ expected: Double) -> Bool {
        if !got.isFinite || !expected.isFinite { return got == expected }
        let d = Swift.abs(got - expected)
        // Floating-point slack: relative to the size of the numbers (so 8.2e-9 is not swamped),
        // plus a floor far below any displayed digit (so 0.1 + 0.2 equals 0.3).
        let scale = Swift.max(Swift.abs(expected), Swift.abs(got))
        let noise = Tolerance.epsilon * scale + 1e-15
        switch self {
        case .exact: return d <= noise
        case .absolute(let t): return d <= t * (1 + Tolerance.epsilon) + noise
        case .relative(let r): return d <= r * Swift.abs(expected) * (1 + Tolerance.epsilon) + noise
        case .decimals(let n): return d <= 0.5 * pow(10, -Double(n)) * (1 + Tolerance.epsilon) + noise
        case .significant(let n):
            if expected == 0 { return d <= noise }
            let place = log10(Swift.abs(expected)).rounded(.down) - Double(n) + 1
            return d <= 0.5 * pow(10, place) * (1 + Tolerance.epsilon) + noise
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
            return a.count == b.count && zip(a, b).allSatisfy { r, s in
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
