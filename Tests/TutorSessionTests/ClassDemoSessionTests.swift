import MathEngine
import Testing
import TutorContent

@testable import TutorSession

/// The live class demo in the pure session: the presenter's moves become cues; a student's
/// session follows cues only, records a checked prediction, and keeps its verdict hidden until
/// the step is revealed.
@Suite("Session: live class demo")
struct ClassDemoSessionTests {
    func session(_ role: DemoAudienceRole) -> Session {
        var s = Session(exam: SessionTests.exam, settings: SessionSettings(mode: .demo, demo: DemoSettings(audience: role)))
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openDemo(0))
        return s
    }

    @Test func presenterMovesBecomeCues() {
        var s = session(.presenter)
        #expect(
            s.handle(.nextStep) == [
                .demoCue(
                    DemoCue(
                        questionID: "q1", seed: nil, stepIndex: 0, stepID: "k.sigma",
                        revealed: [true] + Array(repeating: false, count: s.demo!.revealed.count - 1)))
            ])
        let next = s.handle(.nextStep)
        guard case .demoCue(let cue) = next.last else {
            Issue.record("no cue: \(next)")
            return
        }
        #expect(cue.stepIndex == 1 && cue.revealed[1] == false)
        #expect(s.handle(.togglePanel).isEmpty, "no move, no cue")
    }

    @Test func followerWaitsThenPredictsAndSeesTheVerdictOnlyAfterTheReveal() {
        var s = session(.follower)
        #expect(s.demo?.waiting == true)
        #expect(s.handle(.nextStep).isEmpty && s.demo?.isRevealed == false, "a student cannot reveal")
        let steps = s.demo!.variant.steps.count
        let closed = Array(repeating: false, count: steps)
        _ = s.handle(.demoCue(DemoCue(questionID: "q1", seed: nil, stepIndex: 0, stepID: "k.sigma", revealed: closed)))
        #expect(s.demo?.waiting == false && s.demo?.fieldFocused == true)
        for c in "[0.97, 0.09, 0.51, 0.04]" { _ = s.handle(.type(c)) }
        let effects = s.handle(.submit)
        guard case .record(let r) = effects.first else {
            Issue.record("no record: \(effects)")
            return
        }
        #expect(r.mode == "demo" && !r.correct && r.mistake?.contains("1 − σ") == true)
        #expect(s.demo?.verdict == nil && s.demo?.prediction == "[0.97, 0.09, 0.51, 0.04]")
        var open = closed
        open[0] = true
        _ = s.handle(.demoCue(DemoCue(questionID: "q1", seed: nil, stepIndex: 0, stepID: "k.sigma", revealed: open)))
        #expect(s.demo?.isRevealed == true && s.demo?.predictionVerdict?.isCorrect == false)
        _ = s.handle(
            .demoCue(DemoCue(questionID: "q1", seed: nil, stepIndex: 1, stepID: s.demo!.variant.steps[1].id, revealed: open)))
        #expect(s.demo?.prediction == nil && s.demo?.isRevealed == false, "the next step opens closed")
    }
}
