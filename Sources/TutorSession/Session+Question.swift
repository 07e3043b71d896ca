import MathEngine
import TutorContent

/// The question screen's rules: editing, checking, hints, reveals, step moves and variants.
extension Session {
    mutating func handleQuestion(_ message: Message) -> [Effect] {
        guard var p = practice else {
            mode = .start
            return []
        }
        var effects: [Effect] = []
        let placeBefore = (p.variant.seed, p.stepIndex, p.variant.id)
        if p.showingSummary { return handleSummary(message, &p) }
        p.notice = nil
        if case .scrollText = message {} else if case .tick = message {} else { p.feedbackScroll = 0 }
        switch message {
        case .type, .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .cursorHome,
            .cursorEnd, .clearField:
            Session.edit(&p, message)
        case .historyPrevious, .historyNext:
            Session.browseHistory(&p, older: message == .historyPrevious)
        case .toggleCalculator:
            p.focus = p.focus == .answer ? .calculator : .answer
        case .insertResult:
            Session.insertResult(&p)
        case .togglePanel:
            p.panel = p.panel == .text ? .picture : .text
        case .scrollText(let d):
            // PgDn/PgUp scroll whatever overflows: the question text and the feedback (the
            // screen clamps each to what it holds).
            p.panel = .text
            p.textScroll = max(0, p.textScroll + d)
            p.feedbackScroll = max(0, p.feedbackScroll + d)
        case .submit:
            if p.focus == .calculator {
                p.calculatorLive = Session.calculate(p.calculator.text, log: p.variant.log, ans: p.calculatorResult)
                if case .valid(let v, _) = p.calculatorLive { p.calculatorResult = v }
            } else if p.record.status.isDone && (p.record.status != .answered || !p.record.hasUnsubmittedDraft) {
                // A done step (right, revealed, assessed) is never checked again: Enter moves on,
                // in practice to the next unfinished step or, when none is left, the summary.
                // The draft left on it (typed before a reveal) is dropped: it will not be checked.
                if p.record.status != .answered { p.record.draft.clear() }
                if screen == .question {
                    Session.moveToUnfinished(&p, now: now)
                } else {
                    Session.move(&p, to: p.stepIndex + 1, now: now)
                }
            } else {
                effects += submit(&p)
            }
        case .hint where !p.rules.hints, .reveal where !p.rules.reveal, .newVariant where !p.rules.newVariant,
            .originalExam where !p.rules.newVariant:
            p.notice = "Not available in this mode."
        case .hint:
            let available = p.step.hints.count
            if p.record.hintsShown < available {
                p.record.hintsShown += 1
                effects += takeHint(&p)
            } else {
                p.notice =
                    available == 0
                    ? "This step has no hints; F3 shows the worked step."
                    : "No more hints; F3 shows the worked step."
            }
        case .reveal:
            if !p.record.revealed && !p.record.status.isDone {
                effects.append(
                    .revealed(
                        questionID: p.variant.id, stepID: p.step.id, seed: p.variant.seed,
                        mode: recordMode, automatic: false))
            }
            p.record.revealed = true
            if !p.record.status.isDone { p.record.status = .revealed }
        case .nextUnfinished:
            Session.moveToUnfinished(&p, now: now)
        case .nextStep:
            Session.move(&p, to: p.stepIndex + 1, now: now)
        case .previousStep:
            Session.move(&p, to: p.stepIndex - 1, now: now)
        case .goToStep(let i):
            Session.move(&p, to: i, now: now)
        case .newVariant(let seed):
            requestVariant(.fresh(seed: seed), &p)
        case .originalExam:
            requestVariant(.original, &p)
        case .selfAssess(let covered):
            if p.record.status == .awaitingAssessment, covered, Session.questionsCovered(&p) {
                break
            }
            if p.record.status == .awaitingAssessment {
                p.record.status = covered ? .assessedCovered : .assessedMissed
                effects.append(
                    .record(
                        attemptRecord(
                            p, input: p.record.attempts.last?.input ?? "",
                            verdict: covered ? .selfAssessedCovered : .selfAssessedMissed,
                            mistake: nil, correct: covered)))
                Session.recheckCarriedForward(&p)
            }
        case .back:
            if p.focus == .calculator {
                p.focus = .answer
            } else {
                mode = .start
            }
        default:
            break
        }
        store(p)
        if screen == .question, placeBefore != (p.variant.seed, p.stepIndex, p.variant.id) {
            effects += positionEffect()
        }
        return effects
    }

    // MARK: Checking

    /// Checks the draft of `p`'s step. `shown` is the screen whose rules apply (default: the one
    /// on screen); replaying stored answers names it, since they are replayed from elsewhere.
    mutating func submit(_ p: inout PracticeState, on shown: Screen? = nil) -> [Effect] {
        let step = p.step
        let input = p.record.draft.text
        p.historyIndex = nil
        if step.kind == .text {
            guard !input.trimmingSpaces.isEmpty else {
                p.notice = "Type your sentence first, then compare it with the model answer."
                return []
            }
            p.record.attempts.append(Attempt(input: input, verdict: .correct, value: .text(input)))
            if (shown ?? screen) == .quiz {
                // A quiz does not self-assess: the sentence is kept for the instructor's review.
                p.record.status = .answered
                p.notice = "Answer saved; the review shows the model answer."
                return [.record(attemptRecord(p, input: input, verdict: .submitted, mistake: nil, correct: false))]
            }
            p.record.status = .awaitingAssessment
            p.record.draft.clear()
            p.refreshLive()
            return []
        }
        if p.record.locked {
            p.notice = "This step is locked: its answer was submitted."
            return []
        }
        let given = p.given(before: p.stepIndex)
        let madeBefore = Set(
            p.record.attempts.flatMap { a -> [String] in
                if case .incorrect(let ms, _, _) = a.verdict { ms.compactMap(\.id) } else { [] }
            })
        // One explanation even when the value matches several mistakes (`explaining`).
        let verdict = p.variant.explaining(
            p.variant.grade(step: step.id, input: input, given: given),
            value: p.live.value, step: step.id, given: given, madeBefore: madeBefore)
        p.lastVerdict = verdict
        // Not a try: the caret shows what to fix, or the feedback asks for more places. With
        // verdicts hidden until the end, "right value" would tell, so such an answer is kept like
        // any other and scores as not yet answered.
        if case .invalid = verdict { return [] }
        if case .imprecise = verdict, p.rules.showVerdicts { return [] }
        let seconds: Double? = if let start = p.stepClock, let now { max(0, now - start) } else { nil }
        p.record.attempts.append(Attempt(input: input, verdict: verdict, value: p.live.value, seconds: seconds))
        let mistake: String? = if case .incorrect(let ms, _, _) = verdict, let m = ms.first { m.explanation } else { nil }
        let record = attemptRecord(
            p, input: input, verdict: verdict.kind, mistake: mistake,
            correct: verdict.isCorrect)
        if !p.rules.showVerdicts {
            // Quiz with feedback at the end: keep the answer (still editable), say nothing yet.
            p.lastVerdict = nil
            p.record.status = .answered
            p.notice = "Answer saved; verdicts come at the end."
            p.stepClock = now
            return [.record(record)]
        }
        if p.rules.lockOnSubmit { p.record.locked = true }
        var autoReveal: [Effect] = []
        switch verdict {
        case .correct, .correctAlternative:
            if p.record.status != .revealed { p.record.status = .correct }
        case .carriedForward:
            if p.record.status != .revealed { p.record.status = .carriedForward }
        case .incorrect(_, let wrong, _):
            if !p.record.status.isDone {
                let entries = p.step.expected.entryCount
                p.record.status = !wrong.isEmpty && wrong.count < entries ? .partlyRight : .wrong
                if let limit = Session.revealLimit(p), p.record.wrongTries >= limit {
                    p.record.revealed = true
                    p.record.status = .revealed
                    // After the attempt's record, so storage orders the reveal after this check.
                    autoReveal = [
                        .revealed(
                            questionID: p.variant.id, stepID: step.id, seed: p.variant.seed,
                            mode: recordMode, automatic: true)
                    ]
                    p.notice = "After \(p.record.wrongTries) tries, here is the worked step."
                }
            }
        case .invalid, .imprecise:
            break
        }
        if verdict.isCorrect || p.record.locked {
            p.record.draft.clear()
            p.refreshLive()
        }
        p.stepClock = now
        Session.recheckCarriedForward(&p)
        return [.record(record)] + autoReveal
    }

    private func attemptRecord(
        _ p: PracticeState, input: String, verdict: VerdictKind, mistake: String?,
        correct: Bool
    ) -> CheckedAnswer {
        let seconds: Double? = if let start = p.stepClock, let now { max(0, now - start) } else { nil }
        return CheckedAnswer(
            mode: recordMode, questionID: p.variant.id, stepID: p.step.id,
            seed: p.variant.seed, input: input, verdict: verdict, mistake: mistake,
            correct: correct, seconds: seconds, helped: p.record.hintsTaken > 0)
    }

    /// The calculator line: any student-dialect expression (numbers, vectors, matrices).
    /// The mode attempts are recorded under: what the student is doing, whatever the command was.
    var recordMode: String {
        switch screen {
        case .quiz: "quiz"
        case .drill: "drill"
        case .review: "review"
        default: "practice"
        }
    }

    /// The calculator line, reading a bare `log` as the question on screen does.
    static func calculate(_ text: String, log: LogBase, ans: Value? = nil) -> LiveState {
        Calculator.live(text, log: log, ans: ans)
    }

    /// Tab on the calculator line: its result (the last Enter, else what it reads now) goes into
    /// the answer at the cursor, and the focus goes back to the answer.
    static func insertResult(_ p: inout PracticeState) {
        var value = p.calculatorResult
        if case .valid(let v, _) = p.calculatorLive { value = v }
        guard let value else {
            p.notice = "Nothing to insert yet: type a calculation and press Enter."
            return
        }
        p.focus = .answer
        if p.record.status == .awaitingAssessment || p.record.locked { return }
        for c in value.display { p.record.draft.insert(c) }
        p.historyIndex = nil
        p.lastVerdict = nil
        p.refreshLive()
    }

    // MARK: Editing and moving

    static func edit(_ p: inout PracticeState, _ message: Message) {
        if p.focus == .calculator {
            apply(message, to: &p.calculator)
            p.calculatorLive = calculate(p.calculator.text, log: p.variant.log, ans: p.calculatorResult)
            return
        }
        if p.record.status == .awaitingAssessment || p.record.locked { return }
        apply(message, to: &p.record.draft)
        p.historyIndex = nil
        p.lastVerdict = nil
        p.refreshLive()
    }

    static func apply(_ message: Message, to draft: inout Draft) {
        switch message {
        case .type(let c): draft.insert(c)
        case .deleteBackward: draft.deleteBackward()
        case .deleteForward: draft.deleteForward()
        case .cursorLeft: draft.moveLeft()
        case .cursorRight: draft.moveRight()
        case .cursorHome: draft.moveHome()
        case .cursorEnd: draft.moveEnd()
        case .clearField: draft.clear()
        default: break
        }
    }

    static func browseHistory(_ p: inout PracticeState, older: Bool) {
        let tries = p.record.attempts.map(\.input)
        guard !tries.isEmpty, p.focus == .answer, p.record.status != .awaitingAssessment else { return }
        var i = p.historyIndex ?? tries.count
        i = older ? max(0, i - 1) : i + 1
        if i >= tries.count {
            p.historyIndex = nil
            p.record.draft = Draft()
        } else {
            p.historyIndex = i
            p.record.draft = Draft(tries[i])
        }
        // The recalled text is read afresh; the old verdict (of another try) is not shown beside it.
        p.lastVerdict = nil
        p.refreshLive()
    }

    /// Practice: the next step not done, or the summary once every step is.
    static func moveToUnfinished(_ p: inout PracticeState, now: Double?) {
        if let next = p.nextUnfinishedIndex {
            move(&p, to: next, now: now)
        } else {
            p.showingSummary = true
        }
    }

    /// The summary of a finished question: Enter opens the next unfinished question (or the
    /// start screen when all are finished), Esc stays on this one.
    mutating func handleSummary(_ message: Message, _ p: inout PracticeState) -> [Effect] {
        switch message {
        case .submit, .nextUnfinished:
            p.showingSummary = false
            store(p)
            let n = exam.questions.count
            let current = exam.questions.firstIndex { $0.id == p.variant.id } ?? 0
            let next = (1..<max(1, n)).lazy.map { (current + $0) % n }.first { i in
                self.opened[self.exam.questions[i].id]?.isFinished != true
            }
            guard let next else {
                mode = .start
                notice = "Every question is finished: well done."
                return []
            }
            selection = next
            open(next)
            return positionEffect()
        case .back:
            p.showingSummary = false
            store(p)
        default:
            break
        }
        return []
    }

    static func move(_ p: inout PracticeState, to index: Int, now: Double?) {
        guard p.variant.steps.indices.contains(index), index != p.stepIndex else { return }
        p.stepIndex = index
        p.historyIndex = nil
        // The verdict shown always agrees with the step's mark: none while verdicts are held
        // back (a quiz with feedback at the end) or once the worked step is shown instead.
        p.lastVerdict = p.rules.showVerdicts && p.record.status != .revealed ? p.record.attempts.last?.verdict : nil
        // A carried-forward answer that no longer follows (re-checked) is not shown as right.
        if p.record.status == .wrong, p.lastVerdict?.isCorrect == true { p.lastVerdict = nil }
        p.focus = .answer
        p.stepClock = now
        p.refreshLive()
    }
}

extension Value {
    /// Entries of a vector or matrix (1 for anything else), to tell "partly right" from "wrong".
    var entryCount: Int {
        switch self {
        case .vector(let v): v.count
        case .matrix(let m): m.reduce(0) { $0 + $1.count }
        default: 1
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
