/// The one word a checked answer's verdict is stored and reported under: a `Verdict`'s kind, or a
/// student's own judgement of a free-text step, or a quiz answer sent before any verdict. The raw
/// values are the stored strings, so databases written before this type existed read the same.
public enum VerdictKind: String, Sendable, Hashable, CaseIterable {
    case correct
    case correctAlternative = "correct-alternative"
    case carriedForward = "carried-forward"
    case incorrect
    case namedMistake = "named-mistake"
    case invalid
    case imprecise
    /// A free-text step the student judged as covering the model answer.
    case selfAssessedCovered = "self-assessed covered"
    /// A free-text step the student judged as missing the model answer.
    case selfAssessedMissed = "self-assessed missed"
    /// A quiz answer kept without a verdict (feedback at the end of the quiz).
    case submitted

    /// Whether the answer counts as known: right, right in another form, right given the
    /// student's earlier answers, or judged covered by the student.
    public var countsAsRight: Bool {
        switch self {
        case .correct, .correctAlternative, .carriedForward, .selfAssessedCovered: true
        case .incorrect, .namedMistake, .invalid, .imprecise, .selfAssessedMissed, .submitted: false
        }
    }
}
