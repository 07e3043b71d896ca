import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// What the student did is what the tutor remembers: reveals, variants, quitting and quizzes,
/// driven by messages with a manual clock.
@Suite("Session: resuming reveals, variants, quits and quizzes")
struct ResumeSessionTests {
    static let exam = SessionTests.exam

    func session(revealAfter: Int = 3, saved: Bool = true) -> Session {
        var settings = SessionSettings(revealAfter: revealAfter)
        settings.answersAreSaved = saved
        var s = Session(exam: Self.exam, settings: settings)
        _ = s.handle(.tick(at: 100))
        return s
    }

    func submit(_ text: String, _ s: inout Session) -> [Effect] {
        _ = s.handle(.clearField)
        type(text, &s)
        return s.handle(.submit)
    }

    /// Replays effects the way storage keeps them: practice checks and reveals in order.
    func saved(_ effects: [Effect], question: String, seed: UInt64?, stepIndex: Int) -> SavedPractice {
        var checks: [SavedPractice.Check] = []
        var reveals: [SavedPractice.Reveal] = []
        for e in effects {
            if case .record(let r) = e, r.questionID == question, r.seed == seed {
                checks.append(.init(stepID: r.stepID, input: r.input, verdict: r.verdict.rawValue))
            }
            if case .revealed(let q, let step, let s, _, _) = e, q == question, s == seed {
                reveals.append(.init(stepID: step, afterChecks: checks.count))
            }
        }
        return SavedPractice(questionID: question, seed: seed, stepIndex: stepIndex, checks: checks, reveals: reveals)
    }

    @Test func revealsByKeyAutomaticAndBeforeAnyTrySurviveARestore() {
        var s = session()
        var effects: [Effect] = []
        _ = s.handle(.openQuestion(2))
        effects += s.handle(.reveal) // step 1: before any try
        #expect(
            effects.contains(
                .revealed(questionID: "q3", stepID: "a.hidden_layers", seed: nil, mode: "practice", automatic: false)))
        effects += submit("7", &s) // right after the reveal: stays revealed
        #expect(s.practice?.records[0].status == .revealed)
        _ = s.handle(.goToStep(3)) // a.total: three wrong tries, automatic reveal
        effects += submit("1", &s)
        effects += submit("2", &s)
        let third = submit("3", &s)
        effects += third
        #expect(third.count == 2, "the try is recorded, then the reveal")
        if case .revealed(_, "a.total", _, _, true)? = third.last {
        } else {
            Issue.record("expected an automatic reveal last: \(third)")
        }
        effects += submit("619", &s)
        _ = s.handle(.goToStep(1))
        effects += submit("[19, 8, 8, 8, 8, 8, 8, 8, 3]", &s) // a.sizes right: ✓
        let before = s.practice!
        // A new run, with a different --reveal-after: the marks are what the student did.
        var again = session(revealAfter: 0)
        again.restore([saved(effects, question: "q3", seed: nil, stepIndex: 3)], reopen: "q3")
        let after = again.practice!
        #expect(after.records.map(\.status) == before.records.map(\.status))
        #expect(
            after.records[0].status == .revealed && after.records[3].status == .revealed && after.records[1].status == .correct)
        #expect(after.score == before.score)
        #expect(after.rules.revealAfter == 0, "the replay's rules do not leak into the run")
    }

    @Test func aRevealAfterTheStepWasRightChangesNothing() {
        var s = session()
        _ = s.handle(.openQuestion(2))
        var effects = submit("7", &s)
        effects += s.handle(.reveal)
        #expect(!effects.contains { if case .revealed = $0 { true } else { false } })
        #expect(s.practice?.records[0].status == .correct)
    }

    @Test func anotherLikeThisAsksBeforeDroppingAStartedVariantAndTheOriginalIsOneKeyAway() {
        var s = session()
        _ = s.handle(.openQuestion(2))
        _ = submit("7", &s) // the original, started
        _ = s.handle(.newVariant(seed: 1234)) // the original is parked, not dropped: no question
        #expect(s.confirmingVariant == nil)
        #expect(s.practice?.variant.seed == 1234 && !s.practice!.isStarted)
        _ = s.handle(.submit) // empty: nothing happens
        let variantAnswer = s.practice!.variant.steps[0].expected.display
        _ = submit(variantAnswer, &s)
        #expect(s.practice?.records[0].status == .correct)
        let ask = s.handle(.newVariant(seed: 99)) // a started variant: asks
        #expect(ask.isEmpty && s.confirmingVariant == .fresh(seed: 99))
        _ = s.handle(.confirm(false))
        #expect(s.confirmingVariant == nil && s.practice?.variant.seed == 1234, "n keeps the variant")
        _ = s.handle(.originalExam)
        #expect(s.confirmingVariant == .original)
        let effects = s.handle(.confirm(true))
        #expect(s.practice?.variant.seed == nil)
        #expect(s.practice?.records[0].status == .correct, "the original comes back with its marks")
        #expect(effects == [.savePosition(questionID: "q3", seed: nil, stepIndex: 0)])
        _ = s.handle(.originalExam)
        #expect(s.practice?.notice == "This is already the original exam.")
    }

    @Test func quittingWithATypedDraftAsksFromEveryScreen() {
        var s = session()
        _ = s.handle(.openQuestion(2))
        type("61", &s)
        _ = s.handle(.back) // to the start screen, draft kept
        #expect(s.handle(.quit).isEmpty && s.confirmingQuit, "start screen: asks")
        _ = s.handle(.confirmQuit(false))
        // Review with a typed answer.
        var r = Session(
            exam: Self.exam,
            settings: SessionSettings(
                review: ReviewSettings(items: [.init(questionID: "q3", stepID: "a.total")], seed: 5)))
        _ = r.handle(.startReview)
        #expect(r.handle(.quit) == [.quit], "nothing typed: quits")
        type("619", &r)
        #expect(r.handle(.quit).isEmpty && r.confirmingQuit)
        // Drill with a typed answer.
        var d = Session(exam: Self.exam, settings: SessionSettings(mode: .drill, drill: DrillSettings(topic: "params", seed: 3)))
        _ = d.handle(.startDrill)
        type("1", &d)
        #expect(d.handle(.quit).isEmpty && d.confirmingQuit)
        #expect(d.handle(.confirmQuit(true)) == [.quit])
    }

    // MARK: Quiz

    func quiz(_ minutes: Double = 10) -> Session {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(mode: .quiz, seed: 4, quiz: QuizSettings(minutes: minutes, questionIDs: ["q3"])))
        _ = s.handle(.tick(at: 1000))
        _ = s.handle(.startQuiz)
        _ = s.handle(.submit) // Enter on the rules starts the clock
        return s
    }

    func snapshot(_ effects: [Effect]) -> QuizSnapshot? {
        effects.compactMap { if case .saveQuizProgress(let snap) = $0 { snap } else { nil } }.last
    }

    @Test func ctrlCInARunningQuizAsksAndQuittingKeepsItToContinue() {
        var s = quiz()
        let submitted = submit("7", &s)
        #expect(snapshot(submitted)?.questions[0].steps[0].inputs == ["7"], "a checked answer is checkpointed at once")
        #expect(s.practice?.stepIndex == 1, "Enter submitted and moved on")
        type("[19, 8", &s)
        _ = s.handle(.tick(at: 1000 + 90))
        #expect(s.handle(.quit).isEmpty && s.confirmingQuit, "Ctrl-C asks")
        let effects = s.handle(.confirmQuit(true))
        #expect(effects.last == .quit)
        let snap = try! #require(snapshot(effects))
        #expect(snap.elapsed == 90 && snap.secondsLeft == 510)
        #expect(snap.questions[0].steps[1].draft == "[19, 8" && snap.current == 0 && snap.questions[0].stepIndex == 1)
        // A new run, later: the offer continues with its answers and the time that was left.
        var again = Session(exam: Self.exam, settings: SessionSettings(mode: .quiz, quiz: QuizSettings(minutes: 30)))
        _ = again.handle(.tick(at: 50_000))
        again.offerQuiz(QuizResumeOffer(id: 7, snapshot: snap), ask: true)
        #expect(again.handle(.confirm(true)) == [.resumeQuiz(id: 7)])
        #expect(again.screen == .quiz && again.quiz?.seed == 4 && again.quiz?.minutes == 10)
        #expect(again.quiz?.secondsLeft(at: 50_000) == 510)
        #expect(again.practice?.stepIndex == 1 && again.practice?.record.draft.text == "[19, 8")
        #expect(again.quiz?.questions[0].records[0].status == .answered)
        #expect(again.quiz?.questions[0].records[0].attempts.map(\.input) == ["7"])
        _ = again.handle(.tick(at: 50_000 + 510))
        #expect(again.quiz?.phase == .results, "the deadline is the one that was left")
    }

    @Test func decliningTheOfferAbandonsItAndStartsANewQuiz() {
        var s = quiz()
        _ = s.handle(.tick(at: 1003))
        let snap = try! #require(snapshot(s.handle(.terminating)), "SIGTERM saves a checkpoint")
        var again = Session(exam: Self.exam, settings: SessionSettings(mode: .quiz, quiz: QuizSettings(minutes: 30)))
        _ = again.handle(.tick(at: 2000))
        again.offerQuiz(QuizResumeOffer(id: 3, snapshot: snap), ask: true)
        #expect(again.handle(.type("x")).isEmpty && again.askingQuizOffer, "only y or n answers")
        #expect(again.handle(.confirm(false)) == [.abandonQuiz(id: 3)])
        #expect(again.screen == .quiz && again.quiz?.minutes == 30 && again.quizOffer == nil)
    }

    @Test func theStartScreenContinuesAnOfferedQuiz() {
        var s = quiz()
        _ = s.handle(.tick(at: 1030))
        let snap = try! #require(snapshot(s.handle(.terminating)))
        var again = session()
        again.offerQuiz(QuizResumeOffer(id: 1, snapshot: snap), ask: false)
        #expect(again.screen == .start && !again.askingQuizOffer)
        #expect(again.handle(.continueQuiz) == [.resumeQuiz(id: 1)])
        #expect(again.screen == .quiz && again.quiz?.secondsLeft(at: 100) == 570)
    }
}
