import MathEngine
import TutorStore

extension SM2.Outcome {
    /// How a checked step went, from its verdict, the wrong tries before this one, whether the
    /// worked step was revealed and whether a hint was taken first. A hinted right answer is
    /// not counted as known (`withHelp`), so the step comes back the next day.
    public init(verdict: VerdictKind, wrongTriesBefore: Int, revealed: Bool, helped: Bool = false) {
        if revealed {
            self = .revealed
        } else if helped, verdict.countsAsRight {
            self = .withHelp
        } else {
            switch verdict {
            case .correct, .correctAlternative, .selfAssessedCovered:
                self = wrongTriesBefore == 0 ? .correctFirstTry : .correctAfterTries
            case .carriedForward: self = .carriedForward
            case .namedMistake: self = .namedMistake
            case .incorrect, .invalid, .imprecise, .selfAssessedMissed, .submitted: self = .wrong
            }
        }
    }
}
