import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// The quiz as a student meets it: rules before the clock, drafts and flags counted, a jump to the
/// next question, locked steps, formulas in the report as a student writes them.
@Suite("Session: quiz flow")
struct QuizFlowTests {
    static let exam = SessionTests.exam

    func ready(feedback: QuizSettings.Feedback = .end, questions: [String] = ["q3", "q4"]) -> Session {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .quiz, quiz: QuizSettings(minutes: 10, questionIDs: questions, feedback: feedback)))
        _ = s.handle(.tick(at: 1000))
        _ = s.handle(.startQuiz)
        return s
    }

    @Test func theClockStartsOnEnterNotBefore() {
        var s = ready()
        #expect(s.quiz?.phase == .ready)
        _ = s.handle(.tick(at: 1100)) // reading the rules
        #expect(s.quiz?.startedAt == nil && !s.quizIsRunning)
        type("6", &s)
        #expect(s.quiz!.questions[0].records[0].draft.isEmpty, "typing does nothing before the start")
        let effects = s.handle(.submit)
        #expect(s.quiz?.phase == .running && s.quiz?.startedAt == 1100)
        #expect(effects.contains { if case .saveQuizProgress = $0 { true } else { false } }, "saved at once for a crash")
        _ = s.handle(.tick(at: 1160))
        #expect(s.quiz?.secondsLeft(at: s.now) == 540)
    }

    @Test func escOnTheRulesGoesBackWithoutAQuiz() {
        var s = ready()
        _ = s.handle(.back)
        #expect(s.quiz == nil && s.screen == .start)
    }

    @Test func draftsAndFlagsAreCounted() {
        var s = ready()
        _ = s.handle(.submit)
        type("6", &s)
        #expect(s.quiz!.unsubmittedCount == 1)
        _ = s.handle(.submit)
        #expect(s.quiz!.unsubmittedCount == 0, "submitted")
        #expect(s.practice!.stepIndex == 1, "Enter moved on")
        _ = s.handle(.previousStep)
        _ = s.handle(.flagStep)
        _ = s.handle(.nextStep)
        _ = s.handle(.flagStep)
        _ = s.handle(.flagStep) // unflag
        #expect(s.quiz!.flaggedCount == 1 && s.quiz!.flagged[0][0])
    }

    @Test func nextQuestionLandsOnItsFirstOpenStepAndWraps() {
        var s = ready()
        _ = s.handle(.submit)
        _ = s.handle(.nextQuestion)
        #expect(s.quiz!.current == 1 && s.practice!.variant.id == "q4" && s.practice!.stepIndex == 0)
        _ = s.handle(.nextQuestion)
        #expect(s.quiz!.current == 0, "after the last: the first")
    }

    @Test func flagsSurviveAResume() {
        var s = ready()
        _ = s.handle(.submit)
        guard case .saveQuizProgress(let snapshot)? = s.handle(.flagStep).first else {
            Issue.record("no checkpoint")
            return
        }
        #expect(snapshot.questions[0].steps[0].flagged == true)
        var t = Session(exam: Self.exam, settings: SessionSettings(mode: .quiz))
        _ = t.handle(.tick(at: 2000))
        _ = t.resumeQuiz(QuizResumeOffer(id: 1, snapshot: snapshot))
        #expect(t.quiz!.flagged[0][0] && t.quiz!.phase == .running)
    }

    @Test func reportPrintsFormulasAsAStudentWritesThem() {
        var s = ready(questions: ["q3"])
        _ = s.handle(.submit)
        _ = s.handle(.endEarly)
        _ = s.handle(.confirm(true))
        let step = s.quiz!.report!.questions[0].steps.first { $0.id == "b.expression" }!
        #expect(step.expected == "20*n + 3*(n + 1)")
    }
}
