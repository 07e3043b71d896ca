import ContentLoading
import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// Session transitions driven by messages, as the keymap and run loop would send them.
@Suite("Session: practice")
struct SessionTests {
    static let exam = ExamLoader.load(directory: ExamFolder.sessional1).exam

    func session(revealAfter: Int = 3) -> Session {
        var s = Session(exam: Self.exam, settings: SessionSettings(revealAfter: revealAfter))
        _ = s.handle(.tick(at: 100))
        return s
    }

    /// Opens Q3 and moves to its `a.total` step.
    func openQ3Total() -> Session {
        var s = session()
        _ = s.handle(.openQuestion(2))
        let index = s.practice!.variant.steps.firstIndex { $0.id == "a.total" }!
        _ = s.handle(.goToStep(index))
        return s
    }

    @Test func startsOnTheStartScreenAndOpensAQuestion() {
        var s = session()
        #expect(s.screen == .start)
        _ = s.handle(.moveSelection(2))
        _ = s.handle(.openSelected)
        #expect(s.screen == .question)
        #expect(s.practice?.variant.id == "q3")
        _ = s.handle(.back)
        #expect(s.screen == .start)
    }

    @Test func typingUpdatesTheLiveState() {
        var s = openQ3Total()
        type("61", &s)
        #expect(s.practice?.live == .valid(.number(61), preview: "= 61"))
        type("(", &s)
        if case .incomplete = s.practice?.live {
        } else {
            Issue.record("expected incomplete, got \(String(describing: s.practice?.live))")
        }
        _ = s.handle(.deleteBackward)
        _ = s.handle(.cursorHome)
        _ = s.handle(.type("@"))
        if case .invalid(let column, _) = s.practice?.live { #expect(column == 1) } else { Issue.record("expected invalid") }
    }

    @Test func aNamedMistakeIsRecordedAndThenTheRightAnswerIsCorrect() {
        var s = openQ3Total()
        _ = s.handle(.tick(at: 130))
        type("691", &s)
        let effects = s.handle(.submit)
        guard case .record(let rec)? = effects.first else {
            Issue.record("no record effect")
            return
        }
        #expect(rec.stepID == "a.total" && rec.input == "691" && !rec.correct)
        #expect(rec.mistake?.contains("8 hidden layers") == true)
        #expect(rec.seconds == 30)
        #expect(s.practice?.record.status == .wrong)
        #expect(s.practice?.record.draft.text == "691", "a wrong answer stays for editing")
        _ = s.handle(.clearField)
        type("619", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.record.status == .correct)
        #expect(s.practice?.lastVerdict == .correct)
        #expect(s.practice?.record.draft.isEmpty == true)
    }

    @Test func invalidInputIsNotATry() {
        var s = openQ3Total()
        type("6)19", &s)
        let effects = s.handle(.submit)
        #expect(effects.isEmpty)
        #expect(s.practice?.record.attempts.isEmpty == true)
        if case .invalid(let col, _)? = s.practice?.lastVerdict {
            #expect(col == 2)
        } else {
            Issue.record("expected invalid verdict")
        }
    }

    @Test func errorIsCarriedForwardFromTheStudentsOwnEarlierAnswer() {
        var s = openQ3Total()
        type("691", &s)
        _ = s.handle(.submit)
        let next = s.practice!.variant.steps.firstIndex { $0.id == "b.n_hidden" }!
        _ = s.handle(.goToStep(next))
        type("29", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.record.status == .carriedForward)
        #expect(s.practice?.lastVerdict == .carriedForward)
    }

    @Test func theWorkedStepIsRevealedAfterThreeWrongTries() {
        var s = openQ3Total()
        for wrong in ["1", "2", "3"] {
            _ = s.handle(.clearField)
            type(wrong, &s)
            _ = s.handle(.submit)
        }
        #expect(s.practice?.record.revealed == true)
        #expect(s.practice?.record.status == .revealed)
    }

    @Test func hintsAreProgressiveAndRunOut() {
        var s = openQ3Total()
        let available = s.practice!.step.hints.count
        #expect(available >= 2)
        for _ in 0..<available { _ = s.handle(.hint) }
        #expect(s.practice?.record.hintsShown == available)
        _ = s.handle(.hint)
        #expect(s.practice?.notice?.hasPrefix("No more hints") == true)
    }

    @Test func historyBrowsesEarlierTries() {
        var s = openQ3Total()
        for t in ["691", "547"] {
            _ = s.handle(.clearField)
            type(t, &s)
            _ = s.handle(.submit)
        }
        _ = s.handle(.clearField)
        _ = s.handle(.historyPrevious)
        #expect(s.practice?.record.draft.text == "547")
        _ = s.handle(.historyPrevious)
        #expect(s.practice?.record.draft.text == "691")
        _ = s.handle(.historyNext)
        _ = s.handle(.historyNext)
        #expect(s.practice?.record.draft.text == "")
    }

    @Test func anotherLikeThisMakesAFreshVariant() {
        var s = openQ3Total()
        let before = s.practice!.variant.values
        _ = s.handle(.newVariant(seed: 12))
        #expect(s.practice?.variant.seed == 12)
        #expect(s.practice?.variant.values.description != before.description)
        #expect(s.practice?.stepIndex == 0)
    }

    @Test func quittingWithWorkAsksFirst() {
        var s = session()
        #expect(s.handle(.quit) == [.quit])
        var t = openQ3Total()
        type("6", &t)
        _ = t.handle(.back)
        #expect(t.handle(.quit).isEmpty)
        #expect(t.confirmingQuit)
        #expect(t.handle(.confirmQuit(false)).isEmpty)
        #expect(t.handle(.quit).isEmpty)
        #expect(t.handle(.confirmQuit(true)) == [.quit])
    }

    @Test func freeTextStepsAreSelfAssessed() {
        var s = session()
        _ = s.handle(.openQuestion(2))
        let i = s.practice!.variant.steps.firstIndex { $0.kind == .text }!
        _ = s.handle(.goToStep(i))
        type("Deep: hierarchical features with a similar budget", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.record.status == .awaitingAssessment)
        let effects = s.handle(.selfAssess(true))
        #expect(s.practice?.record.status == .assessedCovered)
        #expect(effects.count == 1)
    }

    @Test func calculatorEvaluatesWithoutTouchingTheAnswer() {
        var s = openQ3Total()
        _ = s.handle(.toggleCalculator)
        type("8*20+6*8*9+3*9", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.calculatorLive == .valid(.number(619), preview: "= 619"))
        #expect(s.practice?.record.draft.isEmpty == true)
        #expect(s.practice?.record.attempts.isEmpty == true)
    }
}
