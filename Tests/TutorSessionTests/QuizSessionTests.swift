import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// Quiz, demo and drill rules, driven by messages with a manual clock (ticks carry the time).
@Suite("Session: quiz, demo, drill")
struct QuizSessionTests {
    static let exam = SessionTests.exam

    func quiz(
        minutes: Double = 10, questions: [String] = ["q3"], feedback: QuizSettings.Feedback = .end,
        seed: UInt64? = nil
    ) -> Session {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .quiz, seed: seed, quiz: QuizSettings(minutes: minutes, questionIDs: questions, feedback: feedback)))
        _ = s.handle(.tick(at: 1000))
        _ = s.handle(.startQuiz)
        _ = s.handle(.submit) // Enter on the rules starts the clock
        return s
    }

    func answer(_ step: String, _ text: String, _ s: inout Session) {
        let i = s.practice!.variant.steps.firstIndex { $0.id == step }!
        _ = s.handle(.goToStep(i))
        _ = s.handle(.clearField)
        type(text, &s)
        _ = s.handle(.submit)
    }

    @Test func warningsAtFiveAndOneMinuteThenAutomaticSubmission() {
        var s = quiz(minutes: 10)
        answer("a.total", "619", &s)
        #expect(s.quiz?.questions[0].records[3].status == .answered)
        #expect(s.practice?.lastVerdict == nil, "feedback at the end: no verdict yet")
        // Only a checkpoint (for continuing after a crash), nothing finishes before the deadline.
        #expect(s.handle(.tick(at: 1000 + 299)).allSatisfy { if case .saveQuizProgress = $0 { true } else { false } })
        #expect(s.quiz?.banner == nil)
        _ = s.handle(.tick(at: 1000 + 300))
        #expect(s.quiz?.banner == "5 minutes left.")
        _ = s.handle(.cursorLeft) // any key clears the banner
        #expect(s.quiz?.banner == nil)
        _ = s.handle(.tick(at: 1000 + 540))
        #expect(s.quiz?.banner == "1 minute left.")
        #expect(s.quiz?.phase == .running)
        let effects = s.handle(.tick(at: 1000 + 600))
        #expect(s.quiz?.phase == .results)
        guard let report = effects.compactMap({ if case .finishQuiz(let r) = $0 { r } else { nil } }).first else {
            Issue.record("no report")
            return
        }
        #expect(report.timedOut)
        #expect(report.questions[0].steps[3].points == 2.5)
    }

    @Test func aTypedButUnsubmittedAnswerIsSubmittedAtTheDeadline() {
        var s = quiz(minutes: 1)
        let i = s.practice!.variant.steps.firstIndex { $0.id == "a.hidden_layers" }!
        _ = s.handle(.goToStep(i))
        type("7", &s) // never submitted
        let effects = s.handle(.tick(at: 1061))
        guard let report = effects.compactMap({ if case .finishQuiz(let r) = $0 { r } else { nil } }).first else {
            Issue.record("no report")
            return
        }
        #expect(report.questions[0].steps[0].answer == "7")
        #expect(report.questions[0].steps[0].points == 1)
        #expect(
            effects.contains { if case .record(let r) = $0 { r.stepID == "a.hidden_layers" && r.mode == "quiz" } else { false } })
    }

    @Test func scoringGivesCarriedForwardAndPartialCredit() {
        var s = quiz(questions: ["q3", "q5"])
        answer("a.total", "691", &s) // wrong
        answer("b.n_hidden", "29", &s) // consistent with 691
        _ = s.handle(.nextStep) // to the last step of q3, then over to q5
        for _ in 0..<8 { _ = s.handle(.nextStep) }
        #expect(s.practice?.variant.id == "q5")
        answer("a.diag", "[0, 0.42, 0.5, 0.42]", &s) // 3 of 4 entries right
        _ = s.handle(.endEarly)
        #expect(s.quiz?.phase == .confirmEnd)
        let effects = s.handle(.confirm(true))
        guard let report = effects.compactMap({ if case .finishQuiz(let r) = $0 { r } else { nil } }).first else {
            Issue.record("no report")
            return
        }
        #expect(!report.timedOut)
        let q3 = report.questions[0].steps, q5 = report.questions[1].steps
        #expect(q3.first { $0.id == "a.total" }?.points == 0)
        #expect(q3.first { $0.id == "b.n_hidden" }?.verdict == .carriedForward)
        #expect(q3.first { $0.id == "b.n_hidden" }?.points == 1.5)
        let diag = q5.first { $0.id == "a.diag" }!
        #expect(abs(diag.points - diag.maxPoints * 0.75) < 1e-9)
    }

    @Test func endingEarlyAsksAndCanBeCancelled() {
        var s = quiz()
        _ = s.handle(.endEarly)
        #expect(s.handle(.confirm(false)).isEmpty)
        #expect(s.quiz?.phase == .running)
    }

    @Test func noHintsOrRevealsInAQuizButTheCalculatorStays() {
        var s = quiz()
        _ = s.handle(.hint)
        #expect(s.practice?.record.hintsShown == 0)
        #expect(s.practice?.notice?.contains("No hints") == true)
        _ = s.handle(.reveal)
        #expect(s.practice?.record.revealed == false)
        _ = s.handle(.toggleCalculator)
        type("2^10", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.calculatorLive == .valid(.number(1024), preview: "= 1024"))
    }

    @Test func immediateFeedbackLocksTheStep() {
        var s = quiz(feedback: .immediate)
        answer("a.total", "691", &s)
        // Enter moved on; the step just sent is locked and its verdict is named in a notice.
        #expect(s.practice?.notice?.contains("total parameters: wrong") == true)
        _ = s.handle(.previousStep)
        #expect(s.practice?.record.locked == true)
        #expect(s.practice?.lastVerdict?.isCorrect == false)
        _ = s.handle(.type("6"))
        #expect(s.practice?.record.draft.isEmpty == true, "a locked step takes no typing")
    }

    @Test func timeSpentPerStepAddsUpFromTicks() {
        var s = quiz()
        _ = s.handle(.tick(at: 1010)) // 10 s on step 1
        _ = s.handle(.nextStep)
        _ = s.handle(.tick(at: 1035)) // 25 s on step 2
        #expect(s.quiz?.timeSpent[0][0] == 10)
        #expect(s.quiz?.timeSpent[0][1] == 25)
    }

    @Test func theSameSeedGivesTheSameQuiz() {
        let a = quiz(questions: ["q1", "q4"], seed: 77), b = quiz(questions: ["q1", "q4"], seed: 77)
        #expect(a.quiz?.questions.map(\.variant.text) == b.quiz?.questions.map(\.variant.text))
        #expect(a.quiz?.questions.map { $0.variant.parameters } == b.quiz?.questions.map { $0.variant.parameters })
        #expect(
            a.quiz?.questions.map { $0.variant.parameters }
                != quiz(questions: ["q1", "q4"], seed: 78).quiz?.questions.map { $0.variant.parameters })
    }

    @Test func demoRevealsStepByStepAndJudgesACalledOutValueWithoutRecording() {
        var s = Session(exam: Self.exam, settings: SessionSettings(mode: .demo))
        _ = s.handle(.openDemo(2))
        #expect(s.screen == .demo)
        #expect(s.demo?.isRevealed == false)
        _ = s.handle(.nextStep)
        #expect(s.demo?.isRevealed == true && s.demo?.stepIndex == 0)
        _ = s.handle(.nextStep)
        #expect(s.demo?.stepIndex == 1 && s.demo?.isRevealed == false)
        _ = s.handle(.previousStep)
        #expect(s.demo?.stepIndex == 0)
        _ = s.handle(.goToStep(3))
        _ = s.handle(.focusCalledOut)
        type("691", &s)
        let effects = s.handle(.submit)
        #expect(effects.isEmpty, "nothing is recorded in a demo")
        if case .incorrect(let ms, _, _)? = s.demo?.verdict {
            #expect(ms.first?.explanation.contains("8 hidden layers") == true)
        } else {
            Issue.record("expected a named mistake")
        }
        _ = s.handle(.back)
        _ = s.handle(.revealAll)
        #expect(s.demo?.allRevealed == true)
    }

    @Test func demoAutoAdvances() {
        var s = Session(exam: Self.exam, settings: SessionSettings(mode: .demo, demo: DemoSettings(autoSeconds: 5)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.openDemo(3))
        _ = s.handle(.tick(at: 4))
        #expect(s.demo?.isRevealed == false)
        _ = s.handle(.tick(at: 5))
        #expect(s.demo?.isRevealed == true)
        _ = s.handle(.tick(at: 10))
        #expect(s.demo?.stepIndex == 1)
    }

    @Test func drillCountsRightAnswersUntilTheTimeRunsOut() throws {
        var s = Session(
            exam: Self.exam, settings: SessionSettings(mode: .drill, drill: DrillSettings(topic: "params", minutes: 2, seed: 5)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startDrill)
        #expect(s.screen == .drill)
        for _ in 0..<3 {
            let p = try #require(s.practice)
            #expect(p.variant.question.topic == "params")
            let step = p.step
            let answer: String
            switch step.expected {
            case .text(let t): answer = t.split(separator: "(").first.map(String.init) ?? t
            default: answer = step.expected.display
            }
            if step.kind == .expression {
                _ = s.handle(.skip)
                continue
            }
            type(answer, &s)
            _ = s.handle(.submit)
        }
        #expect((s.drill?.score ?? 0) >= 1)
        let effects = s.handle(.tick(at: 121))
        #expect(s.drill?.phase == .results)
        #expect(effects == [.finishDrill(topic: "params", score: s.drill!.score, tried: s.drill!.tried)])
    }

    @Test func reviewBringsEachDueStepBackAsAFreshVariant() throws {
        let items = [
            ReviewSettings.Item(questionID: "q3", stepID: "a.total"), ReviewSettings.Item(questionID: "q4", stepID: "W1")
        ]
        var s = Session(exam: Self.exam, settings: SessionSettings(review: ReviewSettings(items: items, seed: 9)))
        #expect(s.dueCount == 2)
        _ = s.handle(.startReview)
        #expect(s.screen == .review)
        let p = try #require(s.practice)
        #expect(p.step.id == "a.total" && p.variant.seed != nil)
        type(p.step.expected.display, &s)
        let effects = s.handle(.submit)
        #expect(effects.contains { if case .record(let r) = $0 { r.mode == "review" && r.correct } else { false } })
        _ = s.handle(.submit) // settled: Enter brings the next item
        #expect(s.practice?.step.id == "W1")
        #expect(s.dueCount == 1)
        _ = s.handle(.skip) // skipped: stays due
        #expect(s.practice == nil)
        #expect(s.dueCount == 1)
        _ = s.handle(.back)
        #expect(s.screen == .start)
    }

    @Test func nothingDueSaysWhenTheNextStepIs() {
        var s = Session(
            exam: Self.exam, settings: SessionSettings(review: ReviewSettings(items: [], nextDue: "on 2026-12-01 at 09:00")))
        _ = s.handle(.startReview)
        #expect(s.screen == .start)
        #expect(s.notice == "Nothing is due for review; the next step is due on 2026-12-01 at 09:00.")
    }
}
