import MathEngine
import TutorContent

/// A live class demo: the presenter's moves become cues, and a student's session follows them.
/// A student sees a step's prompt once the presenter opens it and its work, answer and their own
/// verdict only once it is revealed: until then a prediction is checked (so its verdict can be
/// counted) but the verdict stays hidden, and nothing else about the step is on screen.
extension Session {
    /// Where the presenter is, while the demo screen is open.
    public var demoCue: DemoCue? {
        guard screen == .demo, let d = demo else { return nil }
        return DemoCue(
            questionID: d.variant.id, seed: d.variant.seed, stepIndex: d.stepIndex, stepID: d.step.id, revealed: d.revealed)
    }

    /// A student's session follows a cue: the question and variant, the open step, the reveals.
    mutating func followDemo(_ cue: DemoCue) -> [Effect] {
        guard settings.demo.audience == .follower, let q = exam.questions.first(where: { $0.id == cue.questionID }) else {
            return []
        }
        var d: DemoState
        if let current = demo, !current.waiting, current.variant.id == cue.questionID, current.variant.seed == cue.seed {
            d = current
        } else {
            guard let v = try? q.variant(seed: cue.seed) else { return [] }
            d = DemoState(variant: v)
        }
        guard d.variant.steps.indices.contains(cue.stepIndex), cue.revealed.count == d.variant.steps.count else { return [] }
        if d.waiting || d.stepIndex != cue.stepIndex {
            d.go(to: cue.stepIndex)
            d.prediction = nil
            d.predictionVerdict = nil
        }
        d.waiting = false
        d.revealed = cue.revealed
        d.fieldFocused = !d.isRevealed
        if d.isRevealed {
            d.draft = Draft()
            d.live = .empty
        }
        mode = .demo(d)
        return []
    }

    /// A student's keys: type and send a prediction for the open step; nothing moves the demo.
    mutating func handleFollower(_ message: Message) -> [Effect] {
        guard var d = demo, !d.waiting, !d.isRevealed else { return [] }
        switch message {
        case .type, .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .cursorHome, .cursorEnd, .clearField:
            Session.apply(message, to: &d.draft)
            d.verdict = nil
            d.judgedInput = nil
            d.refreshLive()
        case .submit:
            let input = d.draft.text
            guard !input.allSatisfy(\.isWhitespace) else { return [] }
            let given = Dictionary(
                uniqueKeysWithValues: (0..<d.stepIndex).map { (d.variant.steps[$0].id, d.variant.steps[$0].expected) })
            let verdict = d.variant.grade(step: d.step.id, input: input, given: given)
            if !verdict.countsAsTry {
                // Not readable, or the right value at too few places: say so (as practice does); nothing is sent.
                d.verdict = verdict
                d.judgedInput = input
                demo = d
                return []
            }
            // Checked, sent, and kept hidden until the reveal.
            d.verdict = nil
            d.judgedInput = nil
            d.prediction = input
            d.predictionVerdict = verdict
            d.draft = Draft()
            d.refreshLive()
            demo = d
            let mistake: String? = if case .incorrect(let ms, _, _) = verdict, let m = ms.first { m.explanation } else { nil }
            return [
                .record(
                    CheckedAnswer(
                        mode: "demo", questionID: d.variant.id, stepID: d.step.id, seed: d.variant.seed,
                        input: input, verdict: verdict.kind, mistake: mistake,
                        correct: verdict.isCorrect, seconds: nil))
            ]
        default:
            return []
        }
        demo = d
        return []
    }
}
