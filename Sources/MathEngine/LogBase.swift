#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a one-argument `log(x)` means in what a student types: the natural log (the default), or
/// the base a course writes `log` for (AML 5202's Q1 key reaches 0.44 only with log base 10).
///
/// It is a content setting (`log: 10` in `exam.yaml` or a question file), carried into the student
/// dialect through `Environment.log`, so the answer field, the calculator line and `dltutor check`
/// all read `-log(0.99)` the way the course means it. `ln`, `log10`, `log2` and `log(x, b)` never
/// change, and content formulas always read `log` as natural: an author writes the base they mean.
public enum LogBase: Sendable, Hashable {
    case natural
    /// A positive base other than 1 (and other than e, which is `.natural`).
    case base(Double)

    /// Reads the content spelling: `e`, `natural` or `ln`; or a base such as `10` or `2`.
    public init?(_ text: String) {
        let t = text.lowercased()
        if t == "e" || t == "natural" || t == "ln" {
            self = .natural
            return
        }
        guard let b = Double(t), b.isFinite, b > 0, b != 1 else { return nil }
        self = b == M_E ? .natural : .base(b)
    }

    /// `log(x)` under this setting.
    public func apply(_ x: Double) -> Double {
        switch self {
        case .natural: log(x)
        case .base(let b): b == 10 ? log10(x) : b == 2 ? log2(x) : log(x) / log(b)
        }
    }

    /// "the natural log", "log base 10".
    public var name: String {
        switch self {
        case .natural: "the natural log"
        case .base(let b): "log base " + Formatting.number(b)
        }
    }

    /// The note a preview adds when the typed text uses a bare `log`: "(log is natural log)".
    public var previewNote: String {
        switch self {
        case .natural: " (log is natural log)"
        case .base: " (log is \(name))"
        }
    }

    /// One sentence for help lines: "log is the natural log." / "log is log base 10 here."
    public var sentence: String {
        switch self {
        case .natural: "log is the natural log."
        case .base: "log is \(name) here."
        }
    }
}
