import MathEngine
import TutorContent

/// Points for a quiz answer: full points when right (or right given the student's own earlier
/// answers), the fraction of right entries for vector and matrix steps that allow partial credit,
/// nothing otherwise.
public enum QuizScoring {
    public static func points(_ verdict: Verdict?, step: VariantStep) -> Double {
        guard let verdict else { return 0 }
        switch verdict {
        case .correct, .correctAlternative, .carriedForward:
            return step.points
        case .incorrect(_, let wrong, _):
            guard step.partialCredit, !wrong.isEmpty else { return 0 }
            let total = step.expected.entryCount
            guard total > 0, wrong.count < total else { return 0 }
            return step.points * Double(total - wrong.count) / Double(total)
        case .invalid, .imprecise:
            return 0 // not yet an answer
        }
    }
}
