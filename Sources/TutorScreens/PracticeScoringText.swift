import TutorSession

/// The practice scoring rule as the help screen states it (the numbers come from
/// `PracticeScoring`, so the help cannot disagree with the score).
enum PracticeScoringText {
    static var helpSection: (title: String, rows: [(String, String)]) {
        let tryShare = fraction(PracticeScoring.wrongTryShare)
        let hintShare = fraction(PracticeScoring.hintShare)
        return (
            "Practice points",
            [
                ("first try", "full points (no hint, no reveal)"),
                ("wrong try", "−\(tryShare) of the step's points"),
                ("choice of k", "−2/(k−1) per wrong try: guessing averages 0"),
                ("hint", "−\(hintShare) each; reviewed as not known"),
                ("reveal", "0 (also after a choice's k−1 wrong tries)")
            ]
        )
    }

    /// "1/4" for 0.25 (plain digits, so an ASCII terminal shows it too), else the number.
    static func fraction(_ x: Double) -> String {
        for d in 2...10 where abs(x * Double(d) - 1) < 1e-9 { return "1/\(d)" }
        return formatPoints(x)
    }
}
