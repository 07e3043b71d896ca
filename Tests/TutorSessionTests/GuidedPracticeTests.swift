import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// The guided practice flow: the finished-question summary, moving on after a reveal, recalled
/// tries, one explanation per wrong value, and the next unfinished step.
@Suite("Session: guided practice")
struct GuidedPracticeTests {
    static let exam = SessionTests.exam

    func q3() -> Session {
        var s = Session(exam: Self.exam)
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openQuestion(2))
        return s
    }

    func go(_ id: String, _ s: inout Session) {
        _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == id }!))
    }

    @Test func finishingShowsASummaryAndEnterOpensTheNextUnfinishedQuestion() {
        var s = q3()
        go("a.total", &s)
        _ = s.handle(.tick(at: 120))
        type("691", &s)
        _ = s.handle(.submit)
        _ = s.handle(.clearField)
        _ = s.handle(.tick(at: 150))
        type("619", &s)
        _ = s.handle(.submit)
        go("a.hidden_layers", &s)
        _ = s.handle(.tick(at: 160))
        type("7", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.record.status == .correct)
        // Reveal every other step; Enter on a done step goes to the next unfinished one.
        var guardCount = 0
        while s.practice?.showingSummary == false, guardCount < 30 {
            if !(s.practice!.record.status.isDone) { _ = s.handle(.reveal) }
            _ = s.handle(.submit)
            guardCount += 1
        }
        let p = try! #require(s.practice)
        #expect(p.showingSummary && p.isFinished)
        let summary = QuestionSummary(p)
        #expect(summary.rightFirstTime == 1, "only a.hidden_layers was right at the first try")
        #expect(summary.mistakes.count == 1 && summary.mistakes[0].contains("8 hidden layers"))
        #expect(summary.seconds == 60, "20 + 30 s on a.total, 10 s on a.hidden_layers")
        // a.hidden_layers at the first try; a.total after one named mistake (a wrong try costs a share).
        let first = p.variant.step("a.hidden_layers")!.points
        let earned = first + p.variant.step("a.total")!.points * (1 - PracticeScoring.wrongTryShare)
        #expect(summary.points == earned && summary.total == 10)
        let effects = s.handle(.submit)
        #expect(s.practice?.variant.id == "q4", "Enter opens the next unfinished question")
        #expect(effects.contains { if case .savePosition(let q, _, _) = $0 { q == "q4" } else { false } })
    }

    @Test func enterAfterARevealMovesOnInsteadOfCheckingTheOldDraft() {
        var s = q3()
        go("a.total", &s)
        type("12", &s)
        _ = s.handle(.reveal)
        let at = s.practice!.stepIndex
        let effects = s.handle(.submit)
        #expect(effects.allSatisfy { if case .record = $0 { false } else { true } }, "no check of the old draft")
        #expect(s.practice?.stepIndex != at)
        #expect(s.practice?.record.status.isDone == false, "it moved to an unfinished step")
    }

    @Test func recallingAnEarlierTryReadsItAfreshAndDropsTheOtherVerdict() {
        var s = q3()
        go("a.total", &s)
        type("6 19", &s)
        _ = s.handle(.clearField)
        type("691", &s)
        _ = s.handle(.submit)
        _ = s.handle(.clearField)
        type("619", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.lastVerdict == .correct)
        _ = s.handle(.historyPrevious)
        #expect(s.practice?.record.draft.text == "619")
        #expect(s.practice?.live == .valid(.number(619), preview: "= 619"))
        _ = s.handle(.historyPrevious)
        #expect(s.practice?.record.draft.text == "691")
        #expect(s.practice?.live == .valid(.number(691), preview: "= 691"), "the live line follows the recalled text")
        #expect(s.practice?.lastVerdict == nil, "no ✓ beside a wrong recalled try")
        #expect(s.practice?.record.status == .correct)
    }

    @Test func aValueMatchingTwoMistakesGetsOneExplanationChosenByTheStudentsHistory() throws {
        let v = try Self.exam.question("q3")!.variant()
        let step = v.steps.first { $0.id == "a.total" }!
        let (m1, m2) = (step.mistakes[0], step.mistakes[1])
        let both = Verdict.incorrect(mistakes: [m1, m2], wrongEntries: [], reason: nil)
        let first = v.explaining(both, value: m1.value, step: step.id, given: [:])
        #expect(first == .incorrect(mistakes: [m1], wrongEntries: [], reason: nil))
        let remembered = v.explaining(both, value: m1.value, step: step.id, given: [:], madeBefore: [m2.id!])
        #expect(
            remembered == .incorrect(mistakes: [m2], wrongEntries: [], reason: nil), "the mistake the student made before wins")
        if case .incorrect(let ms, _, _) = first { #expect(ms.count == 1) }
        #expect(!first.message.contains("more than one"))
    }

    @Test func theNextUnfinishedStepKeySkipsDoneStepsAndWraps() {
        var s = q3()
        go("a.sizes", &s)
        _ = s.handle(.reveal)
        go("a.hidden_layers", &s)
        _ = s.handle(.nextUnfinished)
        #expect(s.practice?.step.id == "a.shapes", "a.sizes is done, so it is skipped")
        go("c.why", &s)
        _ = s.handle(.nextUnfinished)
        #expect(s.practice?.step.id == "a.hidden_layers", "it wraps to the first unfinished step")
    }
}
