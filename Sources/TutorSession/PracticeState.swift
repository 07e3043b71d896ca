import MathEngine
import TutorContent

/// One open question: its variant, the active step, what the student has done on each step, and
/// the two fields (answer and calculator) with their live states.
public struct PracticeState: Sendable {
    public enum Focus: Sendable, Equatable { case answer, calculator }
    public enum Panel: Sendable, Equatable { case text, picture }

    public private(set) var variant: Variant
    /// What the mode allows (hints, reveals, verdicts, locking).
    public internal(set) var rules = StepRules()
    public var stepIndex: Int = 0
    public var records: [StepRecord]
    public var focus: Focus = .answer
    public var panel: Panel = .text
    /// First visible line of the question text (the screen clamps it to what fits).
    public var textScroll: Int = 0
    public var calculator = Draft()
    /// What the calculator shows for its draft: `= value` or the reason it cannot evaluate.
    public var calculatorLive: LiveState = .empty
    /// The calculator's last result (Enter): `ans` in the next calculation, Tab puts it into the answer.
    public var calculatorResult: Value?
    /// The engine's reading of the answer draft, recomputed on every keystroke.
    public var live: LiveState = .empty
    /// Position in this step's earlier tries while browsing them with ↑/↓ (nil: not browsing).
    public var historyIndex: Int?
    /// The verdict of the latest submission on the active step, shown under the field.
    public var lastVerdict: Verdict?
    /// A one-line notice (e.g. "No more hints"), cleared by the next action.
    public var notice: String?
    /// When the active step was opened or last checked (seconds, from ticks).
    public var stepClock: Double?
    /// The finished question's summary is on screen (Enter: next unfinished question).
    public var showingSummary = false
    /// First visible line of the feedback (hints, worked step, answer) when it overflows.
    public var feedbackScroll = 0

    public init(variant: Variant, rules: StepRules = StepRules()) {
        self.variant = variant
        self.rules = rules
        records = Array(repeating: StepRecord(), count: variant.steps.count)
    }

    public var step: VariantStep { variant.steps[stepIndex] }
    public var record: StepRecord {
        get { records[stepIndex] }
        set { records[stepIndex] = newValue }
    }

    /// Points earned so far in practice, under `PracticeScoring` (never below 0).
    public var score: Double { PointsSplit(self).total }

    public var totalPoints: Double { variant.steps.reduce(0) { $0 + $1.points } }
    public var isStarted: Bool { records.contains { $0.status != .notTried } }
    public var isFinished: Bool { records.allSatisfy { $0.status.isDone } }

    /// The student's own earlier answers by step id, for error carried forward: the latest value
    /// read on each step before `index`, or the key's value where the worked step was revealed.
    public func given(before index: Int) -> [String: Value] {
        var out: [String: Value] = [:]
        for i in 0..<index {
            let r = records[i]
            if let v = r.latestValue, !(r.revealed && !r.status.earnsPoints) {
                out[variant.steps[i].id] = v
            } else if r.revealed {
                out[variant.steps[i].id] = variant.steps[i].expected
            }
        }
        return out
    }

    /// The next step not yet done after the active one (wrapping), nil when every step is done.
    public var nextUnfinishedIndex: Int? {
        let n = records.count
        return (1..<max(1, n + 1)).lazy.map { (self.stepIndex + $0) % n }.first { !self.records[$0].status.isDone }
    }

    /// Re-reads the answer draft; called after every edit.
    mutating func refreshLive() {
        live = AnswerReader.read(record.draft.text, as: step.answerKind, log: variant.log)
    }
}
