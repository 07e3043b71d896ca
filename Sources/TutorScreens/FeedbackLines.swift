import MathEngine
import TerminalUI
import TutorContent
import TutorSession

/// What shows under the answer field: the verdict, a notice, the hints so far, the worked step
/// once revealed, and for free-text steps the model answer with its key ideas.
struct FeedbackLines {
    let practice: PracticeState
    let glyphs: Glyphs

    func lines(width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            out += TextWrap.wrap(glyphs.text(text), width: width).map { StyledLine($0, style) }
        }
        let record = practice.record
        let step = practice.step
        if let verdict = practice.lastVerdict {
            switch verdict {
            case .correct, .correctAlternative:
                add(
                    "\(glyphs.check) \(verdict.message)" + (record.status.isDone ? " Enter: next step." : ""),
                    .role(.correct).bold())
            case .carriedForward:
                add("↻ \(verdict.message) Enter: next step.", .role(.correct).bold())
            case .incorrect:
                add("\(glyphs.cross) \(verdict.message)", .role(.wrong).bold())
            case .invalid:
                break // the live line under the field already shows the caret and the reason
            case .imprecise:
                add(verdict.message, .role(.warning).bold())
            }
        }
        if let notice = practice.notice { add(notice, .role(.warning)) }
        if record.status == .awaitingAssessment || record.status == .assessedCovered || record.status == .assessedMissed {
            if let last = record.attempts.last { add("You wrote: \(last.input)", .normal) }
            let model = step.model ?? ""
            let held = practice.unearnedSteps(forModelOf: step.id)
            if held.isEmpty {
                add("Model answer: \(model)", .role(.hint))
            } else {
                add(
                    "Model answer: shown once you have done \(held.joined(separator: ", ")) (it states those answers).",
                    .role(.hint))
            }
            let covered = practice.variant.keywordsCovered(step: step.id, input: record.attempts.last?.input ?? "")
            let ideas = zip(step.keywords, covered).map { ($1 ? glyphs.check : glyphs.cross) + " " + ($0.first ?? "") }
            if !ideas.isEmpty { add("Key ideas (by keyword): " + ideas.joined(separator: "  "), .role(.dim)) }
            if record.status == .awaitingAssessment {
                add("Did your sentence cover the key ideas? y yes · n no", .role(.prompt).bold())
            }
        }
        for (i, hint) in step.hints.prefix(record.hintsShown).enumerated() {
            add("Hint \(i + 1): \(hint)", .role(.hint))
        }
        if record.revealed {
            // The worked line may state earlier steps' answers: then only this step's answer shows.
            let held = practice.unearnedSteps(statedIn: step.solution, own: step.id)
            if held.isEmpty {
                add("Worked step: \(step.solution)", .role(.hint).bold())
            } else {
                add(
                    "Worked step: shown once you have done \(held.joined(separator: ", ")) (it states those answers).",
                    .role(.hint).bold())
            }
            let model = step.model ?? ""
            let answer =
                step.kind != .text
                ? step.answerDisplay
                : practice.unearnedSteps(forModelOf: step.id).isEmpty ? model : "(the model answer, once those steps are done)"
            add("Answer: \(answer)", .role(.correct))
        }
        return out
    }
}
