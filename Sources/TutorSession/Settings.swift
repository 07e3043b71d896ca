/// Choices that shape a session but are not state: how many wrong tries before the worked step
/// is revealed, and which mode is running.
public struct SessionSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable { case practice }

    public var mode: Mode = .practice
    /// The worked step is revealed automatically after this many wrong tries (0: never).
    public var revealAfter: Int = 3
    /// The exam seed for all questions (nil: the original exam).
    public var seed: UInt64?

    public init(mode: Mode = .practice, revealAfter: Int = 3, seed: UInt64? = nil) {
        self.mode = mode
        self.revealAfter = revealAfter
        self.seed = seed
    }
}
