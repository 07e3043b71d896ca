import Foundation

/// SuperMemo-2 (Wozniak 1990), pure. EF starts at 2.5; a review of quality q (0–5) with q ≥ 3
/// gives intervals 1, 6, then round(I·EF) days, using EF as it was before this review; q < 3
/// resets the repetitions and brings the item back in 1 day. After every review
/// EF' = EF + (0.1 − (5−q)(0.08 + (5−q)·0.02)), never below 1.3 (also after a failed review, so a
/// step that keeps being missed comes back more often once it is learnt).
public enum SM2 {
    public static let initialEasiness = 2.5
    public static let minimumEasiness = 1.3

    /// The state after a review of quality `quality` (clamped to 0...5) at `time`.
    public static func review(
        _ item: ReviewItem?, questionID: String, stepID: String,
        quality: Int, at time: Date
    ) -> ReviewItem {
        let q = min(5, max(0, quality))
        let ef = item?.easiness ?? initialEasiness
        let reps = item?.repetitions ?? 0
        let previous = item?.intervalDays ?? 0
        let interval: Int
        let newReps: Int
        if q >= 3 {
            switch reps {
            case 0: interval = 1
            case 1: interval = 6
            default: interval = max(1, Int((Double(previous) * ef).rounded()))
            }
            newReps = reps + 1
        } else {
            interval = 1
            newReps = 0
        }
        let d = Double(5 - q)
        let newEF = max(minimumEasiness, ef + (0.1 - d * (0.08 + d * 0.02)))
        return ReviewItem(
            questionID: questionID, stepID: stepID, easiness: newEF, repetitions: newReps,
            intervalDays: interval, due: time.addingTimeInterval(Double(interval) * 86_400),
            lastReviewed: time, lastQuality: q)
    }

    /// How a step went, for the review quality. The app decides it where the verdict is known;
    /// the schedule sees only the outcome's quality.
    public enum Outcome: Sendable, Equatable {
        case correctFirstTry, correctAfterTries, carriedForward, withHelp, namedMistake, wrong, revealed
    }

    /// Quality: correct first try 5, correct after tries 4, carried forward 3, right after a
    /// hint 2 (a hinted answer is not counted as known, so it comes back the next day), wrong 2,
    /// named mistake 1, revealed 0.
    public static func quality(_ outcome: Outcome) -> Int {
        switch outcome {
        case .correctFirstTry: 5
        case .correctAfterTries: 4
        case .carriedForward: 3
        case .withHelp: 2
        case .wrong: 2
        case .namedMistake: 1
        case .revealed: 0
        }
    }
}
