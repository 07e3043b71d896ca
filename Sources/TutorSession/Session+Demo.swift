import MathEngine
import TutorContent

/// Demo mode: an instructor walks a class through the worked solution. Predict, then reveal:
/// each step first shows only its prompt; the class can call out a value, which the engine
/// judges on screen. Nothing is scored or recorded.
extension Session {
    mutating func openDemo(_ index: Int) {
        do {
            var d = DemoState(variant: try exam.questions[index].variant(seed: settings.seed))
            d.lastAdvance = now
            if settings.demo.audience == .follower {
                d.waiting = true
                d.fieldFocused = true
            }
            mode = .demo(d)
        } catch {
            notice = error.description
        }
    }

    mutating func handleDemo(_ message: Message) -> [Effect] {
        guard var d = demo else {
            mode = .start
            return []
        }
        if settings.demo.audience == .follower { return handleFollower(message) }
        if d.fieldFocused {
            switch message {
            case .type, .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .cursorHome, .cursorEnd, .clearField:
                Session.apply(message, to: &d.draft)
                d.verdict = nil
                d.refreshLive()
            case .submit:
                let given = Dictionary(
                    uniqueKeysWithValues: (0..<d.stepIndex).map { (d.variant.steps[$0].id, d.variant.steps[$0].expected) })
                d.verdict = d.variant.grade(step: d.step.id, input: d.draft.text, given: given)
                d.judgedInput = d.draft.text
                if d.verdict?.isCorrect == true || { if case .incorrect = d.verdict { true } else { false } }() {
                    d.draft = Draft()
                    d.refreshLive()
                }
            case .back, .focusCalledOut:
                d.fieldFocused = false
            default:
                break
            }
            demo = d
            return []
        }
        if d.blanked {
            // Any key brings the screen back (and does nothing else).
            d.blanked = false
            demo = d
            return []
        }
        if d.pendingStep != nil {
            switch message {
            case .stepDigit(let n):
                d.typeStepDigit(n)
                d.lastAdvance = now
            case .submit, .nextStep:
                d.finishStepNumber()
                d.lastAdvance = now
            default: d.pendingStep = nil // anything else cancels the number
            }
            demo = d
            return []
        }
        switch message {
        case .stepDigit(let n):
            d.typeStepDigit(n)
            d.lastAdvance = now
        case .toggleLargeType: d.largeType.toggle()
        case .toggleBlank: d.blanked = true
        case .toggleAutoPause: d.toggleAutoPause(every: settings.demo.autoSeconds, now: now)
        case .nextStep, .submit: d.advance(at: now)
        case .previousStep:
            d.go(to: d.stepIndex - 1)
            d.lastAdvance = now
        case .goToStep(let i):
            d.go(to: i)
            d.lastAdvance = now
        case .reveal:
            d.revealed[d.stepIndex] = true
            d.lastAdvance = now
        case .revealAll: d.revealAll()
        case .togglePanel: d.showText.toggle()
        case .focusCalledOut:
            d.fieldFocused = true
            d.refreshLive()
        case .newVariant(let seed):
            if let v = try? d.variant.question.variant(seed: seed) {
                let (text, large, paused) = (d.showText, d.largeType, d.autoPaused)
                d = DemoState(variant: v)
                (d.showText, d.largeType, d.autoPaused, d.lastAdvance) = (text, large, paused, now)
            }
        case .back:
            demo = nil
            mode = .start
            return []
        default:
            break
        }
        demo = d
        return []
    }

    /// `--auto SECONDS`: reveal, then move on, by itself (the field pauses it while typing).
    mutating func demoTick(_ now: Double) {
        guard let auto = settings.demo.autoSeconds, auto > 0, var d = demo, !d.fieldFocused, !d.autoPaused, !d.blanked,
            d.pendingStep == nil
        else { return }
        guard let last = d.lastAdvance else {
            d.lastAdvance = now
            demo = d
            return
        }
        if now - last >= auto, !(d.isRevealed && d.stepIndex == d.variant.steps.count - 1) {
            d.advance(at: now)
            demo = d
        }
    }
}
