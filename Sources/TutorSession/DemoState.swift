import MathEngine
import TutorContent

/// The presenter view of one question: which steps are revealed, and the value a student called
/// out, typed by the instructor and judged on screen. Nothing here is a student's attempt.
public struct DemoState: Sendable {
    public internal(set) var variant: Variant
    public internal(set) var stepIndex = 0
    public internal(set) var revealed: [Bool]
    /// The called-out value being typed (focused after `t`), its live state and verdict.
    public internal(set) var draft = Draft()
    public internal(set) var fieldFocused = false
    public internal(set) var live: LiveState = .empty
    public internal(set) var verdict: Verdict?
    /// The value that was judged, shown with the verdict.
    public internal(set) var judgedInput: String?
    /// Show the question text instead of the picture (where they do not fit side by side). The
    /// demo opens on the text: it holds the data the class needs before the first prediction.
    public internal(set) var showText = true
    /// When the presenter last moved (for `--auto`).
    public internal(set) var lastAdvance: Double?
    /// Live class demo, presenter: the class's predictions (nil until counts arrive).
    public internal(set) var tally: DemoTally?
    /// Live class demo, student: no step is open yet; the prediction sent for this step.
    public internal(set) var waiting = false
    public internal(set) var prediction: String?
    public internal(set) var predictionVerdict: Verdict?
    /// `--auto` is paused: no countdown runs until the presenter resumes it.
    public internal(set) var autoPaused = false
    /// Seconds the countdown had left when it was paused (it resumes from there).
    public internal(set) var pausedRemaining: Double?
    /// The current step's label and answer in large type.
    public internal(set) var largeType = false
    /// The screen is blank (the class looks at the presenter); any key brings it back.
    public internal(set) var blanked = false
    /// Digits of a step number typed so far (steps 10 and up need more than one digit).
    public internal(set) var pendingStep: Int?

    public init(variant: Variant) {
        self.variant = variant
        revealed = Array(repeating: false, count: variant.steps.count)
    }

    public var step: VariantStep { variant.steps[stepIndex] }
    public var isRevealed: Bool { revealed[stepIndex] }
    public var allRevealed: Bool { revealed.allSatisfy { $0 } }

    /// → / Space: reveal the current step, or when it is revealed, move to the next one.
    mutating func advance(at now: Double?) {
        if !revealed[stepIndex] {
            revealed[stepIndex] = true
        } else if stepIndex + 1 < variant.steps.count {
            go(to: stepIndex + 1)
        }
        lastAdvance = now
    }

    mutating func go(to index: Int) {
        guard variant.steps.indices.contains(index) else { return }
        stepIndex = index
        clearCalledOut()
    }

    /// One digit of a step number. With fewer than ten steps a digit jumps at once (0 is step
    /// 10, as before); otherwise a first digit waits for Enter unless no further digit could make
    /// a step that exists (e.g. 2 of 12 steps jumps at once: 20 and up do not exist), and a
    /// number of two digits always waits for the Enter the help asks for ("1 2 Enter"), so that
    /// Enter jumps and does not also reveal the step.
    mutating func typeStepDigit(_ digit: Int) {
        let count = variant.steps.count
        if count <= 9 {
            go(to: digit == 0 ? 9 : digit - 1)
            pendingStep = nil
            return
        }
        let number = (pendingStep ?? 0) * 10 + digit
        guard number >= 1 || pendingStep == nil else {
            pendingStep = nil
            return
        }
        if pendingStep != nil {
            pendingStep = number <= count ? number : nil
        } else if number * 10 > count {
            if number >= 1 && number <= count { go(to: number - 1) }
            pendingStep = nil
        } else {
            pendingStep = number
        }
    }

    /// Enter after the digits of a step number.
    mutating func finishStepNumber() {
        if let n = pendingStep, n >= 1, n <= variant.steps.count { go(to: n - 1) }
        pendingStep = nil
    }

    /// Seconds left before `--auto` moves on; nil when there is no countdown.
    public func autoRemaining(every seconds: Double?, now: Double?) -> Double? {
        guard let seconds, seconds > 0 else { return nil }
        if autoPaused { return pausedRemaining ?? seconds }
        guard let now, let last = lastAdvance else { return seconds }
        return max(0, seconds - (now - last))
    }

    mutating func toggleAutoPause(every seconds: Double?, now: Double?) {
        if autoPaused {
            // Resume with the time that was left: the countdown goes on from where it stopped.
            if let now, let seconds, let left = pausedRemaining { lastAdvance = now - (seconds - left) }
            autoPaused = false
            pausedRemaining = nil
        } else {
            pausedRemaining = autoRemaining(every: seconds, now: now)
            autoPaused = true
        }
    }

    mutating func revealAll() {
        revealed = Array(repeating: true, count: revealed.count)
    }

    mutating func clearCalledOut() {
        draft = Draft()
        live = .empty
        verdict = nil
        judgedInput = nil
        fieldFocused = false
    }

    mutating func refreshLive() {
        live = AnswerReader.read(draft.text, as: step.answerKind, log: variant.log)
    }

    /// The steps the pictures may show: the revealed ones.
    public var practiceView: PracticeState {
        var p = PracticeState(variant: variant)
        p.stepIndex = stepIndex
        for i in revealed.indices where revealed[i] {
            p.records[i].revealed = true
            p.records[i].status = .revealed
        }
        p.panel = showText ? .text : .picture
        return p
    }
}
