import MathEngine
import TutorContent

/// Quiz mode: a countdown always visible, no hints or reveals (the calculator stays), answers
/// editable until the end or locked on submit, automatic submission at the deadline, then results
/// and a review of every step.
extension Session {
    mutating func startQuiz() {
        let ids = settings.quiz.questionIDs.isEmpty ? exam.questions.map(\.id) : settings.quiz.questionIDs
        var questions: [PracticeState] = []
        for id in ids {
            guard let q = exam.question(id) else {
                notice = "The quiz names question '\(id)', which this exam does not have."
                return
            }
            do {
                var p = PracticeState(variant: try q.variant(seed: settings.seed), rules: .quiz(settings.quiz.feedback))
                p.refreshLive()
                questions.append(p)
            } catch {
                notice = error.description
                return
            }
        }
        guard !questions.isEmpty else {
            notice = "The quiz has no questions."
            return
        }
        var state = QuizState(
            questions: questions, minutes: settings.quiz.minutes, seed: settings.seed,
            feedback: settings.quiz.feedback)
        // The rules first; the clock starts when the student presses Enter.
        state.phase = .ready
        mode = .quiz(state)
    }

    mutating func handleQuiz(_ message: Message) -> [Effect] {
        guard var q = quiz else {
            mode = .start
            return []
        }
        switch q.phase {
        case .ready:
            switch message {
            case .submit:
                q.phase = .running
                q.startedAt = now
                q.lastTime = now
                quiz = q
                return quizCheckpoint()
            case .back:
                quiz = nil
                mode = .start
            default:
                quiz = q
            }
            return []
        case .results, .review:
            switch message {
            case .scroll(let d), .moveSelection(let d): q.scroll = max(0, q.scroll + d)
            case .historyPrevious: q.scroll = max(0, q.scroll - 1)
            case .historyNext: q.scroll += 1
            case .submit, .nextStep:
                q.phase = q.phase == .results ? .review : .results
                q.scroll = 0
            case .back:
                if settings.quiz.classSitting {
                    quiz = q
                    return [.quit]
                }
                mode = .start
            default: break
            }
            quiz = q
            return []
        case .confirmEnd:
            if case .confirm(let yes) = message {
                q.phase = .running
                quiz = q
                return yes ? finishQuiz(timedOut: false) : []
            }
            if message == .back {
                q.phase = .running
                quiz = q
            }
            return []
        case .running:
            break
        }
        q.banner = nil
        switch message {
        case .flagStep:
            q.flagged[q.current][q.questions[q.current].stepIndex].toggle()
            quiz = q
            return quizCheckpoint()
        case .nextQuestion:
            q.current = (q.current + 1) % q.questions.count
            let p = q.questions[q.current]
            let open = p.records.firstIndex { $0.status == .notTried } ?? p.stepIndex
            Session.move(&q.questions[q.current], to: open, now: now)
            quiz = q
            return quizCheckpoint()
        case .endEarly:
            q.phase = .confirmEnd
            quiz = q
            return []
        case .tellTime:
            q.banner = q.secondsLeft(at: now).map { QuizState.spoken($0) } ?? "The clock starts with the first tick."
            quiz = q
            return []
        case .hint, .reveal, .newVariant, .originalExam:
            quiz = q
            var p = q.questions[q.current]
            p.notice = "No hints or reveals in a quiz; the calculator (F4) stays."
            store(p)
            return []
        case .nextStep where q.questions[q.current].stepIndex == q.questions[q.current].variant.steps.count - 1:
            if q.current + 1 < q.questions.count {
                q.current += 1
                Session.move(&q.questions[q.current], to: 0, now: now)
            }
            quiz = q
            return []
        case .previousStep where q.questions[q.current].stepIndex == 0:
            if q.current > 0 {
                q.current -= 1
                let last = q.questions[q.current].variant.steps.count - 1
                Session.move(&q.questions[q.current], to: last, now: now)
            }
            quiz = q
            return []
        case .back:
            quiz = q
            if q.questions[q.current].focus == .calculator {
                var p = q.questions[q.current]
                p.focus = .answer
                store(p)
            }
            return []
        case .submit where q.questions[q.current].focus == .answer:
            quiz = q
            let tries = q.questions[q.current].record.attempts.count
            let effects = handleQuestion(message)
            // Enter submits and moves on, in both feedback modes (a re-Enter on the same text
            // moves on too, without writing another attempt).
            if let after = quiz, after.current == q.current,
                after.questions[q.current].record.attempts.count > tries
            {
                moveOnInQuiz()
            }
            return effects + quizCheckpoint()
        default:
            quiz = q
            let effects = handleQuestion(message)
            // A checked answer (or a step move) is kept at once for continuing after a crash.
            let moved = quiz.map { $0.questions[$0.current].stepIndex } != q.questions[q.current].stepIndex
            return effects + (effects.isEmpty && !moved ? [] : quizCheckpoint())
        }
    }

    /// The next step after a submitted answer: the question's next step, or the next question's
    /// first; the last step of the last question stays. With immediate feedback the verdict of
    /// the step just left stays on screen as a notice.
    mutating func moveOnInQuiz() {
        guard var q = quiz else { return }
        let left = q.questions[q.current]
        let verdictNote: String? =
            left.rules.showVerdicts
            ? left.record.attempts.last.map { "\(left.step.label): \(Session.verdictWord($0.verdict))" } : nil
        if left.stepIndex + 1 < left.variant.steps.count {
            Session.move(&q.questions[q.current], to: left.stepIndex + 1, now: now)
        } else if q.current + 1 < q.questions.count {
            q.current += 1
            Session.move(&q.questions[q.current], to: 0, now: now)
        } else {
            return
        }
        q.questions[q.current].notice = verdictNote.map { "Sent. " + $0 } ?? "Sent; verdicts come at the end."
        quiz = q
    }

    /// "right", "right given your earlier answer", "wrong".
    static func verdictWord(_ v: Verdict) -> String {
        switch v {
        case .correct, .correctAlternative: "right"
        case .carriedForward: "right given your earlier answer"
        case .incorrect: "wrong"
        case .invalid: "not readable"
        case .imprecise: "too few places"
        }
    }

    /// Adds the time since the last tick to the active step, gives the 5- and 1-minute warnings,
    /// and submits everything when the deadline passes.
    mutating func quizTick(to now: Double) -> [Effect] {
        guard var q = quiz, q.phase == .running || q.phase == .confirmEnd else { return [] }
        if q.startedAt == nil { q.startedAt = now }
        if let last = q.lastTime, now > last {
            q.timeSpent[q.current][q.questions[q.current].stepIndex] += now - last
        }
        q.lastTime = now
        let left = q.secondsLeft(at: now) ?? Int(q.minutes * 60)
        for mark in [300, 60] where left <= mark && !q.warned.contains(mark) && q.minutes * 60 > Double(mark) {
            q.warned.insert(mark)
            q.banner = mark == 300 ? "5 minutes left." : "1 minute left."
        }
        quiz = q
        if left <= 0 { return finishQuiz(timedOut: true) }
        // Every 2 seconds of quiz time: a killed tutor loses at most that much time and typing.
        if let start = q.startedAt, now - start >= (q.lastCheckpoint ?? 0) + QuizState.checkpointEvery {
            return quizCheckpoint()
        }
        return []
    }

    /// Grades every answer given so far (submitted, or typed and not yet submitted), in order, so
    /// a later step gets credit for being consistent with the student's own earlier answers.
    mutating func finishQuiz(timedOut: Bool) -> [Effect] {
        guard var q = quiz else { return [] }
        var effects: [Effect] = []
        var results: [QuizReport.QuestionResult] = []
        for (qi, p) in q.questions.enumerated() {
            var given: [String: Value] = [:]
            var steps: [QuizReport.StepResult] = []
            for (si, step) in p.variant.steps.enumerated() {
                let r = p.records[si]
                let typed = r.draft.text.trimmingSpaces.isEmpty ? nil : r.draft.text
                let input = r.locked ? r.attempts.last?.input : (typed ?? r.attempts.last?.input)
                var verdict: Verdict?
                if let input, step.kind != .text {
                    verdict = p.variant.grade(step: step.id, input: input, given: given)
                    if let v = p.variant.read(step: step.id, input: input) { given[step.id] = v }
                }
                // Submitted answers were recorded when submitted; record what the deadline submits.
                if let input, input != r.attempts.last?.input || r.attempts.isEmpty {
                    let mistake: String? =
                        if case .incorrect(let ms, _, _)? = verdict, let m = ms.first { m.explanation } else { nil }
                    effects.append(
                        .record(
                            CheckedAnswer(
                                mode: "quiz", questionID: p.variant.id, stepID: step.id, seed: p.variant.seed, input: input,
                                verdict: verdict?.kind ?? .submitted, mistake: mistake,
                                correct: verdict?.isCorrect ?? false,
                                seconds: q.timeSpent[qi][si])))
                }
                let expected: String = step.kind == .text ? (step.model ?? "") : Session.studentForm(step)
                steps.append(
                    QuizReport.StepResult(
                        id: step.id, prompt: step.prompt, answer: input, expected: expected, verdict: verdict,
                        points: step.kind == .text ? 0 : QuizScoring.points(verdict, step: step),
                        maxPoints: step.kind == .text ? 0 : step.points, seconds: q.timeSpent[qi][si]))
            }
            results.append(QuizReport.QuestionResult(id: p.variant.id, title: p.variant.title, steps: steps))
        }
        let report = QuizReport(
            seed: q.seed, minutes: q.minutes, feedback: q.feedback,
            startedAt: q.startedAt ?? now ?? 0, endedAt: now ?? 0, timedOut: timedOut, questions: results)
        q.report = report
        q.phase = .results
        q.scroll = 0
        q.banner = timedOut ? "Time is up: your answers were submitted." : nil
        quiz = q
        // The answers the deadline submits are recorded before the hand-in, which closes the quiz.
        return effects + [.finishQuiz(report)]
    }
}

extension Session {
    /// The key's answer as a student writes it: a formula with its arithmetic on numbers done
    /// and only the parentheses it needs (`20*n + 3*(n + 1)`, not `(19 + 1)*n + 3*(n + 1)`).
    static func studentForm(_ step: VariantStep) -> String {
        let shown = step.expected.textValue ?? step.expected.display
        guard step.kind == .expression, let e = try? Parser.parse(shown, dialect: .student) else { return shown }
        return e.foldingConstants.pretty
    }
}

extension Value {
    /// The text of a `.text` value (a choice option), nil otherwise.
    public var textValue: String? { if case .text(let t) = self { t } else { nil } }
}
