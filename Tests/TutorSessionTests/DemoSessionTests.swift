import Testing
import TutorContent

@testable import TutorSession

/// The presenter's keys as messages: step numbers of one and two digits, the `--auto` countdown
/// and its pause, blanking, large type. The clock is the session's own (ticks), never the wall.
@Suite("Session: demo (presenter)")
struct DemoSessionTests {
    static let exam = SessionTests.exam

    func demo(_ q: Int, auto: Double? = nil) -> Session {
        var s = Session(exam: Self.exam, settings: SessionSettings(mode: .demo, demo: DemoSettings(autoSeconds: auto)))
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openDemo(q))
        return s
    }

    @Test func opensOnTheQuestionText() {
        #expect(demo(3).demo!.showText)
    }

    @Test func oneDigitJumpsAtOnceWhenNoLongerNumberExists() {
        var s = demo(2) // Q3: 8 steps
        _ = s.handle(.stepDigit(4))
        #expect(s.demo!.stepIndex == 3 && s.demo!.pendingStep == nil)
        var t = demo(3) // Q4: 12 steps
        _ = t.handle(.stepDigit(5))
        #expect(t.demo!.stepIndex == 4, "50 and up do not exist: 5 jumps at once")
    }

    @Test func twoDigitStepsWaitForEnter() {
        var s = demo(3) // Q4: 12 steps
        _ = s.handle(.stepDigit(1))
        #expect(s.demo!.pendingStep == 1 && s.demo!.stepIndex == 0)
        _ = s.handle(.stepDigit(2))
        #expect(s.demo!.pendingStep == 12 && s.demo!.stepIndex == 0, "two digits wait for the Enter the help asks for")
        _ = s.handle(.submit)
        #expect(s.demo!.stepIndex == 11 && s.demo!.pendingStep == nil && !s.demo!.isRevealed, "Enter jumps, no reveal")
        _ = s.handle(.stepDigit(1))
        _ = s.handle(.submit)
        #expect(s.demo!.stepIndex == 0, "1 then Enter is step 1")
        _ = s.handle(.stepDigit(1))
        _ = s.handle(.stepDigit(0))
        _ = s.handle(.submit)
        #expect(s.demo!.stepIndex == 9, "1 0 Enter is step 10")
        _ = s.handle(.stepDigit(1))
        _ = s.handle(.back)
        #expect(s.demo!.pendingStep == nil && s.screen == .demo, "Esc cancels the number, stays in the demo")
    }

    @Test func autoCountdownPausesAndResumesWhereItStopped() {
        var s = demo(3, auto: 10)
        _ = s.handle(.tick(at: 104))
        #expect(s.demo!.autoRemaining(every: 10, now: s.now) == 6)
        _ = s.handle(.toggleAutoPause)
        _ = s.handle(.tick(at: 200))
        #expect(!s.demo!.isRevealed, "paused: nothing moves")
        #expect(s.demo!.autoRemaining(every: 10, now: s.now) == 6)
        _ = s.handle(.toggleAutoPause)
        _ = s.handle(.tick(at: 205))
        #expect(!s.demo!.isRevealed)
        _ = s.handle(.tick(at: 206))
        #expect(s.demo!.isRevealed, "6 seconds after resuming")
    }

    @Test func blankingSwallowsTheNextKey() {
        var s = demo(3)
        _ = s.handle(.toggleBlank)
        #expect(s.demo!.blanked)
        _ = s.handle(.nextStep)
        #expect(!s.demo!.blanked && !s.demo!.isRevealed, "the key that unblanks does nothing else")
    }

    @Test func largeTypeAndTextSurviveAnotherVariant() {
        var s = demo(3)
        _ = s.handle(.toggleLargeType)
        _ = s.handle(.togglePanel)
        _ = s.handle(.newVariant(seed: 7))
        #expect(s.demo!.largeType && !s.demo!.showText)
    }
}
