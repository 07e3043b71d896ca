import TutorSession

/// The quiz's rules, shown before the clock starts: how long, which questions, when verdicts
/// come, what is allowed. The clock starts on Enter, so reading them costs no quiz time.
enum QuizReadyText {
    static func lines(_ q: QuizState, settings: QuizSettings) -> [String] {
        let minutes = q.minutes == q.minutes.rounded() ? String(Int(q.minutes)) : String(q.minutes)
        let steps = q.questions.reduce(0) { $0 + $1.records.count }
        let ids = q.questions.map { $0.variant.id.uppercased() }.joined(separator: ", ")
        let feedback =
            q.feedback == .immediate
            ? "immediate: a step locks when submitted and shows its verdict."
            : "at the end: answers stay editable until time is up."
        return [
            "\(minutes) minute\(q.minutes == 1 ? "" : "s") · \(q.questions.count) question\(q.questions.count == 1 ? "" : "s") (\(ids)) · \(steps) steps",
            settings.classSitting
                ? "Your own variant of the class quiz." : q.seed.map { "Variant seed \($0)." } ?? "The original exam.",
            "",
            "Feedback \(feedback)",
            "No hints or reveals; the calculator (F4) stays.",
            "Typed but unsubmitted answers (✎) are graded as typed at the end.",
            "Enter submits, then the next step; F12 flags, F11 next question.",
            "A local quiz is self-administered: graded work is a class quiz.",
            settings.quietTimer ? "Quiet timer: F7 tells the time left." : "The countdown is always on screen; F10 ends early.",
            "",
            "Enter  start the clock        Esc  back"
        ]
    }
}
