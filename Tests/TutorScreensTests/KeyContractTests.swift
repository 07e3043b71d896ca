import MathEngine
import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// Every key does what the screen says: each row of the help table, in every state where its
/// context is in force, sends the row's message unless a more specific context of that state
/// binds the same key (calculator over question, mode over question); and the keys the issue
/// found wrong do what their rows say when the session handles them.
@Suite("Screens: key contract")
struct KeyContractTests {
    static let exam = ScreenSnapshotTests.exam
    static let caps = TerminalCapabilities(unicode: true, color: true)
    let keymap = Keymap.standard

    static func quiz(_ feedback: QuizSettings.Feedback) -> Session {
        var s = Session(
            exam: exam,
            settings: SessionSettings(mode: .quiz, quiz: QuizSettings(minutes: 10, questionIDs: ["q3"], feedback: feedback)))
        _ = s.handle(.tick(at: 1000))
        _ = s.handle(.startQuiz)
        _ = s.handle(.submit)
        return s
    }

    /// One session per context, each with that context as its most specific one.
    static func states() -> [(String, Session)] {
        var out: [(String, Session)] = []
        var s = Session(exam: exam)
        out.append(("start", s))
        _ = s.handle(.openQuestion(2))
        out.append(("question", s))
        var calc = s
        _ = calc.handle(.toggleCalculator)
        out.append(("calculator", calc))
        var assess = s
        _ = assess.handle(.goToStep(assess.practice!.variant.steps.firstIndex { $0.id == "c.why" }!))
        for c in "a sentence" { _ = assess.handle(.type(c)) }
        _ = assess.handle(.submit)
        out.append(("assess", assess))
        var help = s
        _ = help.handle(.toggleHelp)
        out.append(("help", help))
        var demo = Session(exam: exam)
        _ = demo.handle(.openDemo(0))
        out.append(("demo", demo))
        var called = demo
        _ = called.handle(.focusCalledOut)
        out.append(("calledOut", called))
        for feedback in QuizSettings.Feedback.allCases {
            out.append(("quiz \(feedback)", quiz(feedback)))
        }
        var results = quiz(.end)
        _ = results.handle(.endEarly)
        _ = results.handle(.confirm(true))
        out.append(("results", results))
        var drill = Session(exam: exam, settings: SessionSettings(mode: .drill, drill: DrillSettings(topic: "params")))
        _ = drill.handle(.tick(at: 10))
        _ = drill.handle(.startDrill)
        out.append(("drill", drill))
        var stats = Session(exam: exam)
        _ = stats.handle(.openStats)
        out.append(("stats", stats))
        return out
    }

    /// Messages equal up to what the keymap fills in (a seed, the highlighted question, a page).
    func same(_ a: Message, _ b: Message) -> Bool {
        switch (a, b) {
        case (.newVariant, .newVariant), (.openDemo, .openDemo), (.scroll, .scroll), (.scrollHelp, .scroll): true
        default: a == b
        }
    }

    @Test func everyHelpRowDoesWhatItSaysWhereverItIsShown() {
        var checked = 0
        for (name, s) in Self.states() {
            let contexts =
                s.showingHelp ? [Keymap.Context.help] : Keymap.contexts(for: s, practice: s.practice)
            #expect(!contexts.isEmpty)
            for (rank, context) in contexts.enumerated() {
                let specific = Set(contexts.prefix(rank))
                for b in keymap.bindings where b.context == context && !b.keys.isEmpty {
                    for key in b.keys {
                        let overridden = keymap.bindings.contains { specific.contains($0.context) && $0.keys.contains(key) }
                        if overridden { continue }
                        guard let m = keymap.message(for: key, in: s, seed: 7) else {
                            Issue.record("\(name): \(b.label) (\(key)) does nothing; the help says \"\(b.description)\"")
                            continue
                        }
                        #expect(same(m, b.message), "\(name): \(key) sent \(m), the help says \(b.description)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func calculatorTabInsertsTheResultInEveryMode() {
        for (name, base) in Self.states() where ["question", "drill"].contains(name) || name.hasPrefix("quiz") {
            var s = base
            _ = s.handle(keymap.message(for: .function(4), in: s, seed: 1)!)
            for c in "6*7" { _ = s.handle(keymap.message(for: .char(c), in: s, seed: 1)!) }
            _ = s.handle(keymap.message(for: .enter, in: s, seed: 1)!)
            let stepBefore = s.practice!.stepIndex
            let tab = keymap.message(for: .tab, in: s, seed: 1)
            #expect(tab == .insertResult, "\(name): Tab in the calculator")
            _ = s.handle(tab!)
            #expect(s.practice!.stepIndex == stepBefore, "\(name): Tab stays on the step")
            #expect(s.practice!.record.draft.text == Value.number(42).display, "\(name): the result is in the answer")
            #expect(s.practice!.focus == .answer)
        }
    }

    @Test(arguments: QuizSettings.Feedback.allCases)
    func quizEnterSubmitsAndMovesOn(feedback: QuizSettings.Feedback) {
        var s = Self.quiz(feedback)
        let first = s.practice!.stepIndex
        let key = s.practice!.step.expected.display
        for c in key { _ = s.handle(keymap.message(for: .char(c), in: s, seed: 1)!) }
        let effects = s.handle(keymap.message(for: .enter, in: s, seed: 1)!)
        #expect(effects.contains { if case .record = $0 { true } else { false } })
        #expect(s.practice!.stepIndex == first + 1, "Enter moved on")
        #expect(s.quiz!.questions[0].records[first].attempts.count == 1)
        // Back on the sent step, Enter with the same text moves on without another attempt.
        _ = s.handle(.goToStep(first))
        let again = s.handle(keymap.message(for: .enter, in: s, seed: 1)!)
        #expect(!again.contains { if case .record = $0 { true } else { false } })
        #expect(s.quiz!.questions[0].records[first].attempts.count == 1)
        let screen = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps).buffer.lines().joined()
        #expect(screen.contains("Enter: next step"))
    }

    @Test func demoDigitsThenEnterJumpWithoutRevealing() {
        var s = Session(exam: Self.exam)
        let many = Self.exam.questions.firstIndex { $0.steps.count >= 12 }!
        _ = s.handle(.openDemo(many))
        for key in [Key.char("1"), .char("2"), .enter] {
            _ = s.handle(keymap.message(for: key, in: s, seed: 1)!)
        }
        #expect(s.demo!.stepIndex == 11)
        #expect(s.demo!.revealed[11] == false, "the class predicts before the reveal")
    }

    @Test func helpOverARunningQuizKeepsTheClockAndOffersNoTour() {
        var s = Self.quiz(.end)
        _ = s.handle(.tick(at: 1030))
        let open = keymap.message(for: .char("?"), in: s, seed: 1)
        #expect(open == .toggleHelp)
        _ = s.handle(open!)
        #expect(keymap.message(for: .char("t"), in: s, seed: 1) == nil)
        _ = s.handle(.openTour)
        #expect(s.tour == nil)
        let screen = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps).buffer.lines()
        #expect(screen[0].contains("09:30 left"))
        #expect(!screen.joined().contains("tour"))
        var seen = ""
        for _ in 0..<40 {
            seen += Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps).buffer.lines().joined()
            _ = s.handle(keymap.message(for: .pageDown, in: s, seed: 1)!)
        }
        #expect(!seen.contains("one-minute tour"))
        #expect(seen.contains("Practice points"))
    }

    @Test func whereLogIsBaseTenEveryPlaceSaysLog10() {
        var s = Session(exam: Self.exam)
        let q1 = Self.exam.questions.firstIndex { $0.log != .natural }!
        _ = s.handle(.openQuestion(q1))
        _ = s.handle(keymap.message(for: .function(4), in: s, seed: 1)!)
        let field = Screens.render(s, size: Size(width: 100, height: 30), capabilities: Self.caps).buffer.lines().joined()
        #expect(field.contains("log = log₁₀"))
        #expect(!field.contains("log = ln"))
        _ = s.handle(.toggleCalculator)
        _ = s.handle(.toggleHelp)
        var seen = ""
        for _ in 0..<40 {
            seen += Screens.render(s, size: Size(width: 100, height: 30), capabilities: Self.caps).buffer.lines().joined()
            _ = s.handle(keymap.message(for: .pageDown, in: s, seed: 1)!)
        }
        #expect(seen.contains("evaluate (log = log₁₀)"))
        #expect(!seen.contains("log = ln"))
    }
}
