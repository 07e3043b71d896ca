/// What a mode allows on a question: the same question screen serves practice, quiz and drill,
/// and these rules are the differences.
public struct StepRules: Sendable, Equatable {
    public var hints = true
    public var reveal = true
    public var newVariant = true
    /// Show each verdict when the answer is checked (a quiz with feedback at the end does not).
    public var showVerdicts = true
    /// A checked step cannot be changed (a quiz with immediate feedback).
    public var lockOnSubmit = false
    /// Wrong tries before the worked step is shown (0: never).
    public var revealAfter = 3

    public init(
        hints: Bool = true, reveal: Bool = true, newVariant: Bool = true, showVerdicts: Bool = true,
        lockOnSubmit: Bool = false, revealAfter: Int = 3
    ) {
        self.hints = hints
        self.reveal = reveal
        self.newVariant = newVariant
        self.showVerdicts = showVerdicts
        self.lockOnSubmit = lockOnSubmit
        self.revealAfter = revealAfter
    }

    public static func practice(revealAfter: Int) -> StepRules { StepRules(revealAfter: revealAfter) }

    public static func quiz(_ feedback: QuizSettings.Feedback) -> StepRules {
        StepRules(
            hints: false, reveal: false, newVariant: false, showVerdicts: feedback == .immediate,
            lockOnSubmit: feedback == .immediate, revealAfter: 0)
    }

    /// Two wrong tries fail a drill item: its worked step is shown and the drill moves on.
    public static let drill = StepRules(hints: false, reveal: false, newVariant: false, revealAfter: 2)
}
