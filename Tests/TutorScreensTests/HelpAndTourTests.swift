import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// The help screen scrolls through every section at the smallest sizes, `?` never types when
/// help is what it opens, and the first-run tour pages through and is remembered once left.
@Suite("Screens: help and tour")
struct HelpAndTourTests {
    static let exam = ScreenSnapshotTests.exam
    static let caps = TerminalCapabilities(unicode: true, color: true)

    /// Every row the help shows while scrolling from top to bottom with the keymap's ↓ / PgDn.
    func everythingSeen(size: Size, key: Key) -> (seen: String, frames: Int) {
        var s = Session(exam: Self.exam)
        _ = s.handle(.resize(width: size.width, height: size.height))
        _ = s.handle(.openQuestion(2))
        _ = s.handle(.toggleHelp)
        var seen = "", frames = 0, last = -1
        while s.helpScroll != last, frames < 200 {
            last = s.helpScroll
            seen += Screens.render(s, size: size, capabilities: Self.caps).buffer.lines().joined(separator: "\n")
            frames += 1
            if let m = Keymap.standard.message(for: key, in: s, seed: 1) { _ = s.handle(m) }
        }
        return (seen, frames)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 70, height: 20)])
    func helpScrollsToEverySection(size: Size) {
        for key in [Key.down, .pageDown] {
            let (seen, frames) = everythingSeen(size: size, key: key)
            #expect(frames > 1, "the help is longer than one screen at \(size.width)×\(size.height)")
            for section in Keymap.Context.allCases
            where !Keymap.standard.helpSections().first(where: { $0.title == section.rawValue })!.rows.isEmpty {
                #expect(seen.contains(section.rawValue), "section \(section.rawValue) reachable at \(size.width)×\(size.height)")
            }
            for label in ["F2 / Ctrl-T", "F3 / Ctrl-R", "Ctrl-U", "F10 / Ctrl-X", "the one-minute tour"] {
                #expect(seen.contains(label))
            }
        }
    }

    @Test func helpScrollStopsAtTheEndAndUpGoesBack() {
        var s = Session(exam: Self.exam)
        _ = s.handle(.toggleHelp)
        for _ in 0..<50 { _ = s.handle(Keymap.standard.message(for: .pageDown, in: s, seed: 1)!) }
        let bottom = s.helpScroll
        #expect(bottom == HelpOverlay.maxScroll(keymap: .standard, glyphs: .unicode, size: Size(width: 80, height: 24)))
        _ = s.handle(Keymap.standard.message(for: .up, in: s, seed: 1)!)
        #expect(s.helpScroll == bottom - 1, "one ↑ moves back one row, however often ↓ was pressed")
        let f = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps)
        #expect(f.buffer.lines().joined().contains("more rows"))
    }

    @Test func questionMarkOpensHelpOnlyWhenTheFieldIsEmptyAndTheFooterSaysF1() {
        var s = Session(exam: Self.exam)
        _ = s.handle(.openQuestion(2))
        #expect(Keymap.standard.message(for: .char("?"), in: s, seed: 1) == .toggleHelp)
        _ = s.handle(.type("6"))
        #expect(Keymap.standard.message(for: .char("?"), in: s, seed: 1) == .type("?"))
        #expect(Keymap.standard.message(for: .function(1), in: s, seed: 1) == .toggleHelp)
        let footer = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps).buffer.lines().last ?? ""
        #expect(footer.contains("F1 keys") && !footer.contains("? keys"), "the footer never promises a key that types")
    }

    @Test func theTourPagesThroughAndIsRememberedWhenLeftOrSkipped() {
        var s = Session(exam: Self.exam, settings: SessionSettings(showTour: true))
        #expect(s.tour != nil)
        let first = Screens.render(s, size: Size(width: 70, height: 20), capabilities: Self.caps).buffer.lines().joined(
            separator: "\n")
        #expect(first.contains("Welcome") && first.contains("page 1 of"))
        var effects: [Effect] = []
        var pages = 0
        while s.tour != nil, pages < 20 {
            let text = Screens.render(s, size: Size(width: 70, height: 20), capabilities: Self.caps).buffer.lines()
            #expect(text.contains { $0.contains("Enter") }, "every page says how to go on")
            effects += s.handle(Keymap.standard.message(for: .enter, in: s, seed: 1)!)
            pages += 1
        }
        #expect(pages == Tour(exam: Self.exam, seed: nil).pages.count)
        #expect(effects == [.tourSeen])
        #expect(s.screen == .start)
        // Re-opened from help with t; Esc skips it and it is remembered again.
        _ = s.handle(.toggleHelp)
        _ = s.handle(Keymap.standard.message(for: .char("t"), in: s, seed: 1)!)
        #expect(s.tour?.index == 0 && !s.showingHelp)
        _ = s.handle(Keymap.standard.message(for: .right, in: s, seed: 1)!)
        _ = s.handle(Keymap.standard.message(for: .left, in: s, seed: 1)!)
        #expect(s.tour?.index == 0)
        #expect(s.handle(Keymap.standard.message(for: .escape, in: s, seed: 1)!) == [.tourSeen])
        #expect(s.tour == nil)
    }

    @Test func theTourCoversTheBasicsAndStatesNoAnswer() {
        let tour = Tour(exam: Self.exam, seed: nil)
        let all = tour.pages.flatMap { [$0.title] + $0.lines }.joined(separator: "\n")
        for topic in ["Live preview", "Shapes", "Vectors", "Expressions", "hint", "worked step", "Calculator", "picture"] {
            #expect(all.localizedCaseInsensitiveContains(topic), "the tour explains \(topic)")
        }
        for seed in [nil, 1, 2, 3] as [UInt64?] {
            let variants = Self.exam.questions.compactMap { try? $0.variant(seed: seed) }
            let text = Tour(exam: Self.exam, seed: seed).pages.flatMap(\.lines).joined(separator: " ")
            for v in variants {
                #expect(
                    AnswerLeak().answersStated(in: text, among: v.steps.filter { $0.kind != .text }, ownStep: nil).isEmpty,
                    "the tour states no answer of \(v.id) (seed \(String(describing: seed)))")
            }
        }
    }
}

/// Guided practice screens: the summary dialog, the caret beside its message, labels.
@Suite("Screens: guided practice")
struct GuidedPracticeScreenTests {
    static let caps = TerminalCapabilities(unicode: true, color: true)

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 70, height: 20)])
    func theCaretNeverCoversItsMessage(size: Size) {
        var s = Session(exam: ScreenSnapshotTests.exam)
        _ = s.handle(.openQuestion(2))
        for c in String(repeating: "1+", count: 24) + ")" { _ = s.handle(.type(c)) }
        let lines = Screens.render(s, size: size, capabilities: Self.caps).buffer.lines()
        let row = lines.first { $0.contains("^") } ?? ""
        #expect(row.contains("invalid:"), "the reason is shown: \(row)")
        #expect(!row.contains("^nvalid") && !row.contains("^invalid"))
    }

    @Test func theSummaryDialogAndTheProgressLine() {
        var s = Session(exam: ScreenSnapshotTests.exam)
        _ = s.handle(.openQuestion(2))
        for _ in 0..<12 where s.practice?.showingSummary == false {
            _ = s.handle(.reveal)
            _ = s.handle(.submit)
        }
        let f = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps)
        Snapshot.assert(f.buffer, named: "summary")
        let text = f.buffer.lines().joined(separator: "\n")
        #expect(text.contains("Q3 finished: 0 of 10 points"))
        #expect(text.contains("Right first time, without help: 0 of 8 steps"))
        #expect(text.contains("Revealed: 8 steps (10 points, none earned)"))
        #expect(text.contains("Enter  next unfinished question"))
        _ = s.handle(.back)
        _ = s.handle(.back)
        let start = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps).buffer.lines().joined(
            separator: "\n")
        #expect(start.contains("Progress: 1 of 5 questions done · 0 of 50 points"))
    }

    @Test func stepListsShowLabelsNotIds() {
        var s = Session(exam: ScreenSnapshotTests.exam)
        _ = s.handle(.openQuestion(2))
        let text = Screens.render(s, size: Size(width: 80, height: 24), capabilities: Self.caps).buffer.lines().joined(
            separator: "\n")
        #expect(text.contains("total parameters") && !text.contains("a.total"))
    }
}

@Suite("Screens: calculator row")
struct CalculatorScreenTests {
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 70, height: 20)])
    func theResultHasItsOwnRowNotTheAnswers(size: Size) {
        var s = Session(exam: ScreenSnapshotTests.exam)
        _ = s.handle(.openQuestion(2))
        _ = s.handle(.toggleCalculator)
        for c in "[[1, 2], [3, 4]] @ [1, 1]" { _ = s.handle(.type(c)) }
        _ = s.handle(.submit)
        let lines = Screens.render(s, size: size, capabilities: TerminalCapabilities(unicode: true, color: true)).buffer.lines()
        let answer = lines.firstIndex { $0.contains("Answer") }!
        #expect(!lines[answer + 1].contains("[3, 7]"), "nothing of the calculator under the answer field")
        let result = lines.firstIndex { $0.hasPrefix(" Result") }!
        #expect(lines[result].contains("= [3, 7]"))
        #expect(lines[result + 1].contains("Calc"))
    }
}
