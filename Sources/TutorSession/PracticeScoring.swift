import MathEngine
import TutorContent

/// Practice points that mean knowing, in the spirit of STACK (a penalty per wrong try), Numbas
/// (revealing a step costs its marks) and Khan Academy (a hinted answer is not counted as known):
///
/// - Full points only for an answer right at the first try without a hint.
/// - Each wrong try costs `wrongTryShare` (¼) of the step's points; a choice step with k options
///   costs 2/(k−1) per wrong try instead, and may go down to minus its points, so that guessing
///   the options in any order until one is right earns 0 on average (k = 3: 1, 0 or −1).
/// - Each hint taken before the step is done costs `hintShare` (¼) of its points.
/// - A revealed step earns 0 (less its wrong tries, for a choice).
/// - Other steps never go below 0, and neither does a question's total.
///
/// Why these numbers: the live preview shows exactly what the engine reads before Enter, so a
/// wrong try is a wrong value, not a typo, and costs more than STACK's default 0.1; four wrong
/// tries (or two hints and two tries) leave nothing, which is also where a number step stops being
/// worth guessing.
public enum PracticeScoring {
    /// The share of a step's points one wrong try costs (steps other than choices).
    public static let wrongTryShare = 0.25
    /// The share of a step's points one hint costs.
    public static let hintShare = 0.25

    /// How a step's points were earned, for the split the start screen and the summary show.
    public enum Help: Sendable, Equatable {
        case notDone, unaided, withHelp, revealed, missed
    }

    /// The share of the points one wrong try of `step` costs.
    public static func tryCost(_ step: VariantStep) -> Double {
        guard step.kind == .choice else { return wrongTryShare }
        let k = step.options.count
        return k > 1 ? 2 / Double(k - 1) : 1
    }

    /// Points `record` earns on `step` under the rule above.
    public static func credit(_ record: StepRecord, step: VariantStep) -> Double {
        let earned = record.status.earnsPoints && !record.revealed
        let base = earned ? 1 - hintShare * Double(record.hintsTaken) : 0
        let share = base - tryCost(step) * Double(record.wrongTries)
        let floor: Double = step.kind == .choice ? -1 : 0
        return step.points * max(floor, min(1, share))
    }

    /// Whether the step's points came unaided, with a hint, or not at all.
    public static func help(_ record: StepRecord) -> Help {
        if record.revealed && !record.status.earnsPoints { return .revealed }
        if record.status == .revealed { return .revealed }
        if record.status.earnsPoints { return record.hintsTaken > 0 ? .withHelp : .unaided }
        return record.status.isDone ? .missed : .notDone
    }

    /// Right at the first try, with no hint and no reveal.
    public static func isFirstTry(_ record: StepRecord) -> Bool {
        record.status.earnsPoints && !record.revealed && record.hintsTaken == 0
            && (record.attempts.count == 1 && record.attempts[0].verdict.isCorrect
                || record.status == .assessedCovered && record.attempts.count == 1)
    }
}

/// Points of a question (or several) split by how they were earned.
public struct PointsSplit: Sendable, Equatable {
    public var unaided = 0.0
    public var withHelp = 0.0
    /// Steps whose worked step was shown before they were answered, and their points.
    public var revealedSteps = 0
    public var revealedPoints = 0.0
    /// What wrong tries of choice steps took below 0 (0 or less).
    public var guessingLoss = 0.0
    /// Steps right at the first try without help.
    public var firstTry = 0
    public var steps = 0

    public init() {}

    public init(_ p: PracticeState) {
        for i in 0..<min(p.records.count, p.variant.steps.count) {
            let r = p.records[i], step = p.variant.steps[i]
            steps += 1
            if PracticeScoring.isFirstTry(r) { firstTry += 1 }
            let credit = PracticeScoring.credit(r, step: step)
            // What guessing a choice took below 0 is kept apart, so the buckets never go negative.
            guessingLoss += min(0, credit)
            switch PracticeScoring.help(r) {
            case .unaided: unaided += max(0, credit)
            case .withHelp: withHelp += max(0, credit)
            case .revealed:
                revealedSteps += 1
                revealedPoints += step.points
            case .notDone, .missed: break
            }
        }
    }

    /// The points earned: never below 0.
    public var total: Double { max(0, unaided + withHelp + guessingLoss) }

    /// Adds another question's split.
    public static func + (a: PointsSplit, b: PointsSplit) -> PointsSplit {
        var out = a
        out.unaided += b.unaided
        out.withHelp += b.withHelp
        out.revealedSteps += b.revealedSteps
        out.revealedPoints += b.revealedPoints
        out.guessingLoss += b.guessingLoss
        out.firstTry += b.firstTry
        out.steps += b.steps
        return out
    }
}
