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

    public init(variables: [String: Value] = [:], dialect: Dialect = .content, rng: RandomSource? = nil,
                log: LogBase = .natural) {
        self.variables = variables
        self.dialect = dialect
        self.rng = rng
        self.log = log
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
