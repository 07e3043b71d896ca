/// What a formula can see while it is evaluated: named values, the dialect, and for parameter
/// variants the random source.
///
/// The random source is a reference so that evaluating several formulas in a row advances one
/// shared stream, which is what makes `--seed N` reproduce a whole variant.
public struct Environment: Sendable {
    public var variables: [String: Value]
    public var dialect: Dialect
    public var rng: RandomSource?
    /// What a one-argument `log` means (a content setting for student answers; natural elsewhere).
    public var log: LogBase
    /// Names that shadow `variables`: error carried forward rebinds a few step names over the
    /// variant's whole table without copying it. Read names through `value(of:)`.
    public var overlay: [String: Value] = [:]

    public init(
        variables: [String: Value] = [:], dialect: Dialect = .content, rng: RandomSource? = nil,
        log: LogBase = .natural
    ) {
        self.variables = variables
        self.dialect = dialect
        self.rng = rng
        self.log = log
    }

    /// The value a name has here: the overlay's, else the table's.
    @inlinable public func value(of name: String) -> Value? {
        if !overlay.isEmpty, let v = overlay[name] { return v }
        return variables[name]
    }

    /// Every name with its value, the overlay applied (for code that needs the whole table).
    public var allVariables: [String: Value] {
        overlay.isEmpty ? variables : variables.merging(overlay) { $1 }
    }
}

/// A box around `SeededGenerator` so evaluation can draw from it through an immutable Environment.
///
/// `@unchecked Sendable`: the box is mutable and unsynchronised. It is meant to be created, used
/// and dropped by one task while it builds one variant; do not share it across tasks.
public final class RandomSource: @unchecked Sendable {
    public var generator: SeededGenerator

    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }
}
