import TerminalUI
import TestFixtures
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// 80×24 snapshots of demo, quiz and drill screens, each with the assertion that matters most.
@Suite("Screens: demo, quiz, drill snapshots")
struct ModeSnapshotTests: ScreenTestHelpers {
    static let exam = ScreenSnapshotTests.exam

    func demo(_ q: Int) -> Session {
        var s = Session(exam: Self.exam, settings: SessionSettings(mode: .demo))
        _ = s.handle(.openDemo(q))
        return s
    }

    @Test func demoPromptBeforeReveal() {
        var s = demo(2)
        _ = s.handle(.goToStep(3))
        let f = render(s)
        Snapshot.assert(f.buffer, named: "demo-predict")
        #expect(text(f).contains("Predict first"))
        #expect(!text(f).contains("Answer: 619"))
    }

    @Test func demoRevealedWithMistakes() {
        var s = demo(2)
        _ = s.handle(.goToStep(3))
        _ = s.handle(.reveal)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "demo-revealed")
        #expect(text(f).contains("Answer: 619"))
        #expect(text(f).contains("691 ← That counts 8 hidden layers"))
    }

    @Test func demoJudgesACalledOutValue() {
        var s = demo(2)
        _ = s.handle(.goToStep(3))
        _ = s.handle(.focusCalledOut)
        type("691", &s)
        _ = s.handle(.submit)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "demo-called-out")
        #expect(text(f).contains("Class said 691: ✗ Not quite. That counts 8 hidden layers"))
    }

    @Test func demoOpensOnTheTextAndPShowsThePicture() {
        var s = demo(3)
        #expect(text(render(s)).contains("Consider forward propagation"), "the class needs the data first")
        #expect(!text(render(s)).contains("ReLU(z⁽¹⁾)"), "no room for the picture beside the text at 80 columns")
        _ = s.handle(.togglePanel)
        #expect(text(render(s)).contains("ReLU(z⁽¹⁾)"))
        #expect(!text(render(s)).contains("1025"), "x_B's size waits for its step")
        _ = s.handle(.nextStep)
        #expect(text(render(s)).contains("1025"))
    }

    @Test func demoOnAProjectorShowsTextAndPictureSideBySide() {
        var s = demo(3)
        let size = Size(width: 160, height: 45)
        let f = render(s, size: size)
        Snapshot.assert(f.buffer, named: "demo-projector")
        #expect(text(f).contains("Consider forward propagation") && text(f).contains("ReLU(z⁽¹⁾)"))
        #expect(!text(f).contains("1025"))
        // Text keeps a readable line length: no line of the question runs past the text column.
        let textColumn = f.buffer.lines().dropFirst().prefix(10).map {
            String($0.dropFirst(26).prefix(DemoScreen.readableWidth + 1))
        }
        #expect(textColumn.allSatisfy { $0.count <= DemoScreen.readableWidth + 1 })
        _ = s.handle(.nextStep)
        #expect(text(render(s, size: size)).contains("│1025"), "x_B's box shows its size once revealed")
    }

    @Test func demoLargeTypeShowsTheAnswerOnlyOnceRevealed() {
        var s = demo(3)
        let size = Size(width: 160, height: 45)
        _ = s.handle(.toggleLargeType)
        let before = render(s, size: size).buffer.lines()
        #expect(before.contains { $0.contains("x_B with bias") || $0.contains(s.demo!.step.label) })
        #expect(!before.joined().contains("▀▀█ ▀▀▀"), "no large digits of the answer before the reveal")
        _ = s.handle(.reveal)
        let after = render(s, size: size)
        Snapshot.assert(after.buffer, named: "demo-large-type")
        let big = BigText.render("1025", glyphs: .unicode)
        #expect(big.allSatisfy { row in after.buffer.lines().contains { $0.contains(row) } })
    }

    @Test func demoBlankScreenAndCountdown() {
        var s = Session(exam: Self.exam, settings: SessionSettings(mode: .demo, demo: DemoSettings(autoSeconds: 10)))
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openDemo(3))
        _ = s.handle(.tick(at: 103))
        #expect(text(render(s)).contains("next in 7s"))
        _ = s.handle(.toggleAutoPause)
        #expect(text(render(s)).contains("auto paused"))
        _ = s.handle(.toggleBlank)
        #expect(text(render(s)).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func q2WeightGridLightsUpOnlyAnsweredParts() {
        var s = demo(1)
        let size = Size(width: 160, height: 45)
        #expect(text(render(s, size: size)).contains("W is ?"), "no grid before W's shape is known")
        for _ in 0..<5 {
            _ = s.handle(.reveal)
            _ = s.handle(.nextStep)
        }
        // Step 6 (b.column) open: the grid is drawn, nothing lit yet.
        #expect(s.demo!.step.id == "b.column")
        #expect(!text(render(s, size: size)).contains("■"))
        _ = s.handle(.reveal)
        let f = render(s, size: size)
        Snapshot.assert(f.buffer, named: "demo-q2-grid")
        #expect(text(f).contains("w_{:,2}: column 2"))
        #expect(f.buffer.lines().filter { $0.contains("■") }.count == 4, "column 2 in each of the 4 class rows")
    }

    @Test func demoUsesALargeTerminalsRoom() {
        var s = demo(2)
        _ = s.handle(.goToStep(3))
        _ = s.handle(.reveal)
        let small = render(s).buffer.lines(), large = render(s, size: Size(width: 120, height: 40)).buffer.lines()
        let gapsSmall = small.filter { $0.isEmpty }.count, gapsLarge = large.filter { $0.isEmpty }.count
        #expect(gapsLarge > gapsSmall, "bigger spacing on a large terminal")
        #expect(large.contains { $0.contains("Common mistakes:") })
    }

    func quiz(quiet: Bool = false) -> Session {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 10, questionIDs: ["q3"], quietTimer: quiet)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startQuiz)
        _ = s.handle(.submit) // Enter on the rules starts the clock
        return s
    }

    @Test func quizRunningShowsTheCountdown() {
        var s = quiz()
        _ = s.handle(.tick(at: 125))
        let f = render(s)
        Snapshot.assert(f.buffer, named: "quiz-running")
        #expect(f.buffer.lines()[1].contains("07:55 left"))
        #expect(f.buffer.lines()[0].contains("seed 4"))
    }

    @Test func quietTimerShowsNoSeconds() {
        var s = quiz(quiet: true)
        _ = s.handle(.tick(at: 125))
        let a = render(s).buffer
        _ = s.handle(.tick(at: 126))
        #expect(render(s).buffer == a, "nothing changes from one second to the next")
        _ = s.handle(.tellTime)
        #expect(text(render(s)).contains("7 minutes 54 seconds left"))
    }

    @Test func quizResultsAndReview() {
        var s = quiz()
        let total = s.practice!.variant.steps.firstIndex { $0.id == "a.total" }!
        _ = s.handle(.goToStep(total))
        type("691", &s)
        _ = s.handle(.submit)
        _ = s.handle(.tick(at: 601))
        let results = render(s)
        Snapshot.assert(results.buffer, named: "quiz-results")
        #expect(text(results).contains("Time is up"))
        #expect(text(results).contains("✗ a.total"))
        _ = s.handle(.submit)
        _ = s.handle(.scroll(8))
        let review = render(s)
        Snapshot.assert(review.buffer, named: "quiz-review")
        #expect(text(review).contains("yours:   691"))
    }

    @Test func drillResults() {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .drill, drill: DrillSettings(topic: "shapes", minutes: 1, seed: 3, best: ["shapes": 4, "loss": 2])))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startDrill)
        let running = render(s)
        #expect(running.buffer.lines()[1].contains("01:00 left"))
        _ = s.handle(.tick(at: 61))
        let f = render(s)
        Snapshot.assert(f.buffer, named: "drill-results")
        #expect(text(f).contains("0 right out of 0 tried"))
        #expect(text(f).contains("shapes       4"))
    }
}

/// The quiz's screens beyond the running question: the rules, marks in the step list, a locked
/// step, the header at 80 columns, and a review that pages by screen with hanging indents.
@Suite("Screens: quiz rules, marks and review")
struct QuizScreenTests: ScreenTestHelpers {
    static let exam = ScreenSnapshotTests.exam

    func quiz(_ feedback: QuizSettings.Feedback = .end) -> Session {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 12.5, questionIDs: ["q3", "q4"], feedback: feedback)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startQuiz)
        return s
    }

    @Test func aOneMinuteQuizSaysMinute() {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 1, questionIDs: ["q3"], feedback: .end)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startQuiz)
        #expect(text(render(s)).contains("1 minute · 1 question (Q3)"))
    }

    @Test func rulesBeforeTheClock() {
        let f = render(quiz())
        Snapshot.assert(f.buffer, named: "quiz-ready")
        #expect(text(f).contains("12.5 minutes · 2 questions (Q3, Q4)"))
        #expect(text(f).contains("Feedback at the end"))
        #expect(text(f).contains("Enter  start the clock"))
    }

    @Test func draftsAndFlagsAreMarkedAndTheHeaderFits80Columns() {
        var s = quiz()
        _ = s.handle(.submit)
        type("6", &s)
        _ = s.handle(.flagStep)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "quiz-marks")
        let header = f.buffer.lines()[0]
        #expect(header.contains("Q1/2 · 0/20 sent · 1 unsent · 1 flagged · seed 4"))
        #expect(header.contains("Q3"), "the question's id stays visible")
        #expect(f.buffer.lines().contains { $0.contains("hidden layers") && $0.contains("✎") && $0.contains("⚑") })
    }

    @Test func aLockedStepShowsWhatWasSubmitted() {
        var s = quiz(.immediate)
        _ = s.handle(.submit)
        type("6", &s)
        _ = s.handle(.submit)
        _ = s.handle(.previousStep) // Enter moved on; back to the step just sent
        #expect(text(render(s)).contains("submitted: 6 (locked)"))
    }

    @Test func reviewPagesByScreenWithHangingIndents() throws {
        var s = quiz()
        _ = s.handle(.submit)
        _ = s.handle(.endEarly)
        _ = s.handle(.confirm(true))
        _ = s.handle(.submit) // to the review
        let page = Keymap.standard.message(for: .pageDown, in: s, seed: 0)
        #expect(page == .scroll(24 - QuizResultsScreen.chromeRows), "a page is the rows the list has")
        let lines = render(s).buffer.lines()
        // A wrapped prompt continues under its text, not under the mark.
        let i = try #require(lines.firstIndex { $0.contains("a.shapes: Give the shapes") })
        #expect(lines[i + 1].hasPrefix(String(repeating: " ", count: 13)) && !lines[i + 1].contains("yours:"))
        _ = s.handle(page!)
        #expect(render(s).buffer.lines().last!.contains("21-"), "the next screen starts where the last ended")
    }
}
