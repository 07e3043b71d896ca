import MathEngine
import Testing
import TutorContent

@testable import TutorSession

/// The practice scoring rule: full points only at the first try without help; wrong tries and
/// hints cost a share; a reveal earns 0; guessing a choice earns 0 on average; an answer carried
/// forward loses its points when the earlier answer it followed changes. Every expected value
/// comes from the engine (the variant's key), never typed in.
@Suite("Session: practice points")
struct PracticeScoringTests {
    static let exam = SessionTests.exam

    func session(revealAfter: Int = 3) -> Session {
        var s = Session(exam: Self.exam, settings: SessionSettings(revealAfter: revealAfter))
        _ = s.handle(.tick(at: 100))
        return s
    }

    /// Opens question `q` (0-based) at step `id`.
    func open(_ q: Int, at id: String, revealAfter: Int = 3) -> Session {
        var s = session(revealAfter: revealAfter)
        _ = s.handle(.openQuestion(q))
        _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == id }!))
        return s
    }

    @discardableResult
    func answer(_ text: String, _ s: inout Session) -> [Effect] {
        _ = s.handle(.clearField)
        for c in text { _ = s.handle(.type(c)) }
        return s.handle(.submit)
    }

    /// The key's answer of the active step, as a student would type it.
    func key(_ s: Session) -> String {
        let step = s.practice!.step
        return step.expected.textValue ?? step.expected.display
    }

    /// A wrong whole number for an integer step: the key plus a large offset (no named mistake
    /// and no carried-forward value is that far off in Q3).
    func wrong(_ s: Session) -> String {
        guard case .number(let x) = s.practice!.step.expected else { return "0" }
        return String(Int(x) + 100_000)
    }

    func credit(_ s: Session) -> Double {
        PracticeScoring.credit(s.practice!.record, step: s.practice!.step)
    }

    @Test func fullPointsOnlyForAFirstTryWithoutHelp() {
        var s = open(2, at: "a.total")
        answer(key(s), &s)
        #expect(credit(s) == s.practice!.step.points)
        #expect(PracticeScoring.help(s.practice!.record) == .unaided)
        #expect(PointsSplit(s.practice!).firstTry == 1)
    }

    @Test func eachWrongTryCostsAQuarterOfTheStep() {
        var s = open(2, at: "a.total")
        answer(wrong(s), &s)
        answer(wrong(s), &s)
        answer(key(s), &s)
        #expect(s.practice!.record.status == .correct)
        #expect(credit(s) == s.practice!.step.points * (1 - 2 * PracticeScoring.wrongTryShare))
        #expect(PointsSplit(s.practice!).firstTry == 0)
    }

    @Test func aHintCostsAShareIsStoredAndTheCheckIsMarkedAsHelped() {
        var s = open(2, at: "a.total")
        let effects = s.handle(.hint)
        #expect(effects.contains { if case .hintTaken(_, "a.total", _, "practice") = $0 { true } else { false } })
        let recorded = answer(key(s), &s)
        guard case .record(let r)? = recorded.first else {
            Issue.record("no record effect")
            return
        }
        #expect(r.helped, "spaced review schedules a hinted answer as not known")
        #expect(credit(s) == s.practice!.step.points * (1 - PracticeScoring.hintShare))
        #expect(PracticeScoring.help(s.practice!.record) == .withHelp)
        let split = PointsSplit(s.practice!)
        #expect(split.withHelp == credit(s) && split.unaided == 0)
    }

    @Test func aHintOnADoneStepCostsNothing() {
        var s = open(2, at: "a.total")
        answer(key(s), &s)
        #expect(s.handle(.hint).isEmpty)
        #expect(credit(s) == s.practice!.step.points)
    }

    @Test func aRevealEarnsNothingEvenWhenTheAnswerIsTypedAfter() {
        var s = open(2, at: "a.total")
        _ = s.handle(.reveal)
        answer(key(s), &s)
        #expect(credit(s) == 0)
        #expect(PointsSplit(s.practice!).revealedSteps == 1)
        #expect(s.practice!.score == 0)
    }

    /// Every order of guessing a choice until it is right (the auto-reveal takes the last
    /// option) earns 0 on average.
    @Test func guessingAChoiceEarnsNothingOnAverage() {
        var total = 0.0
        let probe = open(2, at: "c.choice")
        let k = probe.practice!.step.options.count
        #expect(k >= 2)
        for wrongFirst in 0..<k {
            var s = open(2, at: "c.choice", revealAfter: 0)
            let options = s.practice!.step.options.indices.map { String($0 + 1) }
            let wrongs = options.filter { !s.practice!.variant.grade(step: "c.choice", input: $0).isCorrect }
            let right = options.first { s.practice!.variant.grade(step: "c.choice", input: $0).isCorrect }!
            for w in wrongs.prefix(wrongFirst) { answer(w, &s) }
            if !s.practice!.record.status.isDone { answer(right, &s) }
            total += credit(s)
        }
        #expect(abs(total / Double(k)) < 1e-9, "mean credit of blind guessing")
    }

    /// Guessing past the even point of a many-option choice goes below 0; the split keeps that
    /// apart, so "unaided" never shows a negative number, and the question never goes below 0.
    @Test func aLateRightGuessCostsMoreThanItEarns() {
        var s = open(4, at: "b.fix", revealAfter: 0)
        let options = s.practice!.step.options.indices.map { String($0 + 1) }
        let wrongs = options.filter { !s.practice!.variant.grade(step: "b.fix", input: $0).isCorrect }
        let right = options.first { s.practice!.variant.grade(step: "b.fix", input: $0).isCorrect }!
        #expect(wrongs.count >= 3)
        for w in wrongs.prefix(3) { answer(w, &s) }
        answer(right, &s)
        let expected = 1 - 3 * PracticeScoring.tryCost(s.practice!.step)
        #expect(expected < 0)
        #expect(credit(s) == s.practice!.step.points * expected)
        let split = PointsSplit(s.practice!)
        #expect(split.unaided == 0 && split.guessingLoss == credit(s))
        #expect(s.practice!.score == 0)
    }

    @Test func revealAfterZeroStillBoundsAChoice() {
        var s = open(2, at: "c.choice", revealAfter: 0)
        let options = s.practice!.step.options.indices.map { String($0 + 1) }
        let wrongs = options.filter { !s.practice!.variant.grade(step: "c.choice", input: $0).isCorrect }
        var effects: [Effect] = []
        for w in wrongs { effects += answer(w, &s) }
        #expect(s.practice!.record.status == .revealed)
        #expect(effects.contains { if case .revealed(_, "c.choice", _, _, true) = $0 { true } else { false } })
        #expect(credit(s) <= 0)
    }

    @Test func aCarriedForwardAnswerLosesItsPointsWhenTheEarlierAnswerIsCorrected() {
        var s = open(2, at: "a.total")
        let v = s.practice!.variant
        let total = v.step("a.total")!
        let slip = total.mistakes[0].value
        answer(slip.display, &s)
        let follows = v.carried(for: "b.n_hidden", given: ["a.total": slip])!
        _ = s.handle(.goToStep(v.steps.firstIndex { $0.id == "b.n_hidden" }!))
        answer(follows.display, &s)
        #expect(s.practice!.record.status == .carriedForward)
        let before = s.practice!.score
        _ = s.handle(.goToStep(v.steps.firstIndex { $0.id == "a.total" }!))
        answer(total.expected.display, &s)
        let hidden = s.practice!.records[v.steps.firstIndex { $0.id == "b.n_hidden" }!]
        #expect(hidden.status == .wrong, "no longer follows from the student's answers")
        #expect(s.practice!.notice?.contains("largest hidden n") == true)
        #expect(PracticeScoring.credit(hidden, step: v.step("b.n_hidden")!) == 0)
        #expect(s.practice!.score < before + total.points)
        // Answered again, it counts (the invalidated try is not another wrong try).
        _ = s.handle(.goToStep(v.steps.firstIndex { $0.id == "b.n_hidden" }!))
        #expect(s.practice!.lastVerdict == nil)
        answer(v.step("b.n_hidden")!.expected.display, &s)
        #expect(s.practice!.record.status == .correct)
    }

    @Test func aSelfAssessmentMatchingNoKeyIdeaIsAskedAgain() {
        var s = open(2, at: "c.why")
        answer("no idea", &s)
        #expect(s.practice!.record.status == .awaitingAssessment)
        let first = s.handle(.selfAssess(true))
        #expect(first.isEmpty)
        #expect(s.practice!.record.status == .awaitingAssessment)
        #expect(s.practice!.notice?.contains("none of the key ideas") == true)
        _ = s.handle(.selfAssess(true))
        #expect(s.practice!.record.status == .assessedCovered)
    }

    @Test func aModelAnswerStatingAnotherStepsAnswerWaitsForThatStep() {
        var s = open(2, at: "c.why")
        let model = s.practice!.step.model!
        #expect(s.practice!.unearnedSteps(statedIn: model, own: "c.why").contains("total parameters"))
        _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == "a.total" }!))
        answer(key(s), &s)
        _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == "c.why" }!))
        #expect(!s.practice!.unearnedSteps(statedIn: model, own: "c.why").contains("total parameters"))
    }

    /// The model answers that gave other steps away: each waits for those steps at the start.
    @Test(arguments: [
        ("q1", "observation", "what changed"), ("q2", "c.why", "w up: loss?"), ("q3", "c.why", "total parameters"),
        ("q5", "b.why", "tanh derivative")
    ])
    func everyFreeTextModelWaitsForTheStepsItStates(question: String, step: String, held: String) {
        var s = session()
        _ = s.handle(.openQuestion(Self.exam.questions.firstIndex { $0.id == question }!))
        #expect(s.practice!.unearnedSteps(forModelOf: step).contains(held), "\(question) \(step)")
        // Once every step before it is revealed, the model shows.
        let i = s.practice!.variant.steps.firstIndex { $0.id == step }!
        for j in 0..<s.practice!.variant.steps.count where j != i {
            _ = s.handle(.goToStep(j))
            _ = s.handle(.reveal)
        }
        #expect(s.practice!.unearnedSteps(forModelOf: step).isEmpty)
    }

    @Test func hintsAreChargedAgainAfterARestart() {
        var s = session()
        s.restore(
            [
                SavedPractice(
                    questionID: "q3", seed: nil, stepIndex: 3, checks: [],
                    reveals: [SavedPractice.Reveal(stepID: "a.total", afterChecks: 0, isHint: true)])
            ], reopen: "q3")
        let i = s.practice!.variant.steps.firstIndex { $0.id == "a.total" }!
        #expect(s.practice!.records[i].hintsTaken == 1)
        #expect(s.practice!.records[i].hintsShown == 1)
        #expect(!s.practice!.records[i].revealed)
    }
}
