import MathEngine

/// Where a student stands on one step; shown as a mark beside the step (never by colour alone).
public enum StepStatus: String, Sendable, Equatable {
    case notTried
    case wrong
    /// Some entries of a vector/matrix answer were right.
    case partlyRight
    case correct
    /// Right given the student's own earlier (wrong) answer.
    case carriedForward
    /// The worked step was shown before it was answered correctly.
    case revealed
    /// Free-text step submitted, waiting for the student's self-assessment.
    case awaitingAssessment
    case assessedCovered
    case assessedMissed
    /// Quiz with feedback at the end: answered, verdict withheld until the results.
    case answered

    public var isDone: Bool {
        switch self {
        case .correct, .carriedForward, .revealed, .assessedCovered, .assessedMissed, .answered: true
        default: false
        }
    }

    /// Earns points in practice (how many: `PracticeScoring`): right, or right given the
    /// student's own earlier value.
    public var earnsPoints: Bool {
        self == .correct || self == .carriedForward || self == .assessedCovered
    }
}

/// One submitted try and its verdict.
public struct Attempt: Sendable, Equatable {
    public var input: String
    public var verdict: Verdict
    /// The value the engine read (nil for invalid input).
    public var value: Value?
    /// Seconds from opening the step (or the previous try) to this one; nil without ticks.
    public var seconds: Double? = nil
}

/// Everything recorded about one step of the open question.
public struct StepRecord: Sendable, Equatable {
    public var status: StepStatus = .notTried
    public var attempts: [Attempt] = []
    /// How many progressive hints are showing.
    public var hintsShown: Int = 0
    /// Hints taken before the step was done: each costs a share of its points.
    public var hintsTaken: Int = 0
    /// A self-assessment of "covered" for a sentence that matched none of the key ideas was
    /// asked again; the next "covered" counts.
    public var assessmentQuestioned = false
    public var revealed: Bool = false
    /// Checked and closed to changes (a quiz with immediate feedback).
    public var locked: Bool = false

    /// Typed text that differs from the last submitted answer (a quiz grades it as typed at the
    /// end, so the step list marks it for the student to submit or clear).
    public var hasUnsubmittedDraft: Bool {
        !locked && !draft.text.trimmingSpaces.isEmpty && draft.text != attempts.last?.input
    }
    /// The draft kept when the student moves to another step and back.
    public var draft = Draft()

    public init() {}

    /// Wrong (not invalid) tries so far; reveal comes after `revealAfter` of these.
    public var wrongTries: Int {
        attempts.filter { if case .incorrect = $0.verdict { true } else { false } }.count
    }

    /// The student's own latest readable answer, used for error carried forward in later steps.
    public var latestValue: Value? { attempts.last(where: { $0.value != nil })?.value }
}
