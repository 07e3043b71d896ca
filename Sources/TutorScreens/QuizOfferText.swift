import TutorSession

/// How an unfinished quiz is described: in the `dltutor quiz` question and on the start screen.
enum QuizOfferText {
    /// "Q3 Q4 · seed 4 · 2 answered · 02:40 left"
    static func summary(_ offer: QuizResumeOffer) -> String {
        let s = offer.snapshot
        let answered = s.questions.reduce(0) { $0 + $1.steps.filter { !$0.inputs.isEmpty }.count }
        let variant = s.seed.map { "variant seed \($0)" } ?? "original exam"
        return s.questions.map { $0.id.uppercased() }.joined(separator: " ")
            + " · \(variant) · \(answered) answered · \(QuizState.clock(s.secondsLeft)) left"
    }

    static func dialog(_ offer: QuizResumeOffer) -> [String] {
        [
            "Continue your unfinished quiz?", "", summary(offer), "",
            "y  continue it (answers and time left as they were)",
            "n  start a new quiz (the old one is kept, unscored,",
            "   as abandoned)"
        ]
    }

    /// The start screen's line.
    static func startLine(_ offer: QuizResumeOffer) -> String {
        "Unfinished quiz: " + summary(offer) + " · c continue"
    }
}
