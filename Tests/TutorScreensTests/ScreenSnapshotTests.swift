import ContentLoading
import TerminalUI
import TestFixtures
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// 80×24 text snapshots of the main states; each also asserts the line that matters most, so a
/// re-recorded snapshot cannot hide a lost verdict or caret.
@Suite("Screens: 80×24 snapshots")
struct ScreenSnapshotTests: ScreenTestHelpers {
    static let exam = ExamLoader.load(directory: ExamFolder.sessional1).exam
    static let unicode = TerminalCapabilities(unicode: true, color: true)
    static let ascii = TerminalCapabilities(unicode: false, color: false)

    func open(_ q: Int, step id: String? = nil) -> Session {
        var s = Session(exam: Self.exam)
        _ = s.handle(.openQuestion(q))
        if let id, let i = s.practice?.variant.steps.firstIndex(where: { $0.id == id }) { _ = s.handle(.goToStep(i)) }
        return s
    }

    @Test func startScreen() {
        let f = render(Session(exam: Self.exam))
        Snapshot.assert(f.buffer, named: "start")
        #expect(text(f).contains("Q3  Parameter counting"))
        #expect(text(f).contains("not started"))
    }

    @Test func question() {
        let f = render(open(2, step: "a.total"))
        Snapshot.assert(f.buffer, named: "question-q3")
        #expect(text(f).contains("Total number of trainable parameters"))
        #expect(f.cursor?.y == f.buffer.lines().firstIndex { $0.contains("Answer →") })
    }

    @Test func invalidEntryWithCaret() {
        var s = open(2, step: "a.total")
        type("6)19", &s)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "invalid-caret")
        let lines = f.buffer.lines()
        let fieldRow = lines.firstIndex { $0.contains("Answer →") }!
        let caretCol = lines[fieldRow + 1].firstIndex(of: "^").map {
            lines[fieldRow + 1].distance(from: lines[fieldRow + 1].startIndex, to: $0)
        }
        let paren = lines[fieldRow].firstIndex(of: ")").map { lines[fieldRow].distance(from: lines[fieldRow].startIndex, to: $0) }
        #expect(caretCol != nil && caretCol == paren, "the caret sits under the ')'")
        #expect(lines[fieldRow + 1].contains("invalid: Unexpected ')'."))
    }

    @Test func wrongWithDiagnosis() {
        var s = open(2, step: "a.total")
        type("691", &s)
        _ = s.handle(.submit)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "wrong-named-mistake")
        #expect(text(f).contains("✗ Not quite. That counts 8 hidden layers"))
        #expect(text(f).contains("✗ total parameters"))
    }

    @Test func correct() {
        var s = open(2, step: "a.total")
        type("619", &s)
        _ = s.handle(.submit)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "correct")
        #expect(text(f).contains("✓ Correct. Enter: next step."))
    }

    @Test func hint() {
        var s = open(2, step: "a.total")
        _ = s.handle(.hint)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "hint")
        #expect(text(f).contains("Hint 1:"))
    }

    @Test func revealedStep() {
        var s = open(2, step: "a.total")
        _ = s.handle(.reveal)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "revealed")
        #expect(text(f).contains("Worked step:"))
        #expect(text(f).contains("Answer: 619"))
        #expect(text(f).contains("◆ total parameters"))
    }

    @Test(arguments: [(0, "picture-q1"), (2, "picture-q3"), (3, "picture-q4"), (4, "picture-q5")])
    func pictures(question: Int, name: String) {
        var s = open(question)
        _ = s.handle(.togglePanel)
        let f = render(s)
        Snapshot.assert(f.buffer, named: name)
    }

    @Test func q4PictureFillsBlanksAsTheStudentAnswers() {
        var s = open(3, step: "W1")
        _ = s.handle(.togglePanel)
        let before = text(render(s))
        #expect(before.contains("W⁽¹⁾") && before.contains("?"))
        #expect(!before.contains("256×1025"))
        type("256x1025", &s)
        _ = s.handle(.submit)
        #expect(text(render(s)).contains("256×1025"))
    }

    @Test func everyChoiceOptionShowsAtTheMinimumSize() {
        let s = open(1, step: "b.column")
        let f = render(s, size: Screens.minimumSize)
        Snapshot.assert(f.buffer, named: "choice-minimum-size")
        let options = s.practice!.step.options.count
        let letters = f.buffer.lines().filter { $0.range(of: #"^   [a-z]\) "#, options: .regularExpression) != nil }
        #expect(letters.count == options)
    }

    @Test func tooSmall() {
        let f = render(open(2), size: Size(width: 50, height: 15))
        Snapshot.assert(f.buffer, named: "too-small")
        #expect(text(f).contains("Terminal too small: 50×15"))
    }

    @Test func asciiFallback() {
        var s = open(2, step: "a.total")
        type("691", &s)
        _ = s.handle(.submit)
        let f = render(s, Self.ascii)
        Snapshot.assert(f.buffer, named: "ascii-fallback")
        #expect(f.buffer.lines().allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(text(f).contains("[x] total param"))
    }

    @Test func helpListsEveryKeyFromTheKeymap() {
        var s = open(2)
        _ = s.handle(.toggleHelp)
        let f = render(s)
        Snapshot.assert(f.buffer, named: "help")
        for label in ["Start screen", "Enter / p", "Working a question", "Esc"] { #expect(text(f).contains(label)) }
        #expect(text(f).contains("more rows"), "the help says rows are below")
    }

    @Test func largeTerminalUsesTheRoom() {
        let f = render(open(4, step: "a.diag"), size: Size(width: 140, height: 40))
        #expect(text(f).contains("tanh(z) with the nodes' z values"), "wide screens show text and picture together")
        #expect(text(f).contains("z^[4]") || text(f).contains("z⁽⁴⁾"))
    }
}

@Suite("Screens: pictures fill in")
struct PictureFillTests {
    @Test func q1ChartShowsTheSurpriseOnceBothEpochsAreAnswered() {
        var s = Session(exam: ScreenSnapshotTests.exam)
        _ = s.handle(.openQuestion(0))
        for (id, answer) in [("k.mean_loss", "0.44"), ("k.accuracy", "2/4"), ("k1.mean_loss", "0.51"), ("k1.accuracy", "75%")] {
            _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == id }!))
            for c in answer { _ = s.handle(.type(c)) }
            _ = s.handle(.submit)
        }
        _ = s.handle(.togglePanel)
        let f = Screens.render(s, size: Size(width: 80, height: 24), capabilities: ScreenSnapshotTests.unicode)
        Snapshot.assert(f.buffer, named: "picture-q1-filled")
        let text = f.buffer.lines().joined(separator: "\n")
        #expect(text.contains("Loss rose while accuracy rose."))
        #expect(text.contains("L = 0.4405"))
        #expect(text.contains("k+1"))
    }
}
