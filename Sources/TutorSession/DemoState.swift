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
    /// Show the question text instead of the picture.
    public internal(set) var showText = false
    /// When the presenter last moved (for `--auto`).
    public internal(set) var lastAdvance: Double?
    /// Live class demo, presenter: the class's predictions (nil until counts arrive).
    public internal(set) var tally: DemoTally?
    /// Live class demo, student: no step is open yet; the prediction sent for this step.
    public internal(set) var waiting = false
    public internal(set) var prediction: String?
    public internal(set) var predictionVerdict: Verdict?

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
