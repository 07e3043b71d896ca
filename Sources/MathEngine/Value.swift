/// A value the engine computes or reads from an answer.
///
/// One closed set of cases serves formulas, answers and expected results, so the grader can compare
/// any two of them without knowing where they came from.
public enum Value: Sendable, Hashable {
    /// A real number (integers are numbers with no fractional part).
    case number(Double)
    /// A column vector of numbers.
    case vector([Double])
    /// A matrix stored as rows; every row has the same length.
    case matrix([[Double]])
    /// A tensor shape such as `[256, 1025]`; `[]` is a scalar, `[257]` a vector.
    case shape([Int])
    /// A set of numbers, kept sorted and without duplicates (build it with `Value.makeSet`).
    case set([Double])
    /// A piece of text (a choice, a list item, or for `.expression` steps a formula).
    case text(String)
    /// A list of values, usually texts (`["age", "weight"]`) or shapes (`8×20, 8×9`).
    case list([Value])

    /// Builds a `.set` from any numbers: sorted, duplicates removed, so equal sets are equal values.
    public static func makeSet(_ numbers: [Double]) -> Value {
        var sorted = numbers.sorted()
        var unique: [Double] = []
        unique.reserveCapacity(sorted.count)
        for x in sorted where unique.last != x { unique.append(x) }
        sorted = unique
        return .set(sorted)
    }

    /// A short name of the kind of value, used in messages ("Expected a vector, got a matrix.").
    public var kindName: String {
        switch self {
        case .number: "a number"
        case .vector: "a vector"
        case .matrix: "a matrix"
        case .shape: "a shape"
        case .set: "a set"
        case .text: "a text"
        case .list: "a list"
        }
    }

    /// The number inside `.number`, else nil.
    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// Whether the value is true in a condition: a non-zero number (content `if`, constraints).
    public var isTruthy: Bool {
        switch self {
        case .number(let x): x != 0 && !x.isNaN
        case .vector(let v): !v.isEmpty && v.allSatisfy { $0 != 0 }
        case .text(let s): !s.isEmpty
        case .list(let l): !l.isEmpty
        default: true
        }
    }
}
