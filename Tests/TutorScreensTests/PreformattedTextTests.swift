import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// Preformatted blocks in question text keep their spaces: a fenced block and a block indented
/// by 4 spaces are drawn as they are, cut (never wrapped) where a line with columns is too wide.
@Suite("Screens: preformatted blocks in question text")
struct PreformattedTextTests: ScreenTestHelpers {
    static let text = """
        The layers, in order
        of use:

            conv1: 8 filters   3 × 3
            pool:  2 × 2       stride 2

        ```
        a   b
          c   d
        ```
        (a) A part with a hanging
            indent that joins.
        """

    @Test func fencedAndIndentedLinesAreKeptAsTheyAre() {
        let lines = Reflow.lines(Self.text)
        #expect(
            lines == [
                .init(text: "The layers, in order of use:", preformatted: false),
                .init(text: "", preformatted: false),
                .init(text: "    conv1: 8 filters   3 × 3", preformatted: true),
                .init(text: "    pool:  2 × 2       stride 2", preformatted: true),
                .init(text: "", preformatted: false),
                .init(text: "a   b", preformatted: true),
                .init(text: "  c   d", preformatted: true),
                .init(text: "(a) A part with a hanging indent that joins.", preformatted: false)
            ])
    }

    @Test(arguments: [80, 24])
    func aTableKeepsItsColumnsAndIsCutNotWrapped(width: Int) {
        let lines = WrapCache.questionLines(Self.text, width: width, glyphs: .unicode)
        let table = lines.filter { $0.contains("pool:") }
        #expect(table.count == 1, "one row stays one row: \(lines)")
        if width >= 40 {
            #expect(table == ["    pool:  2 × 2       stride 2"])
        } else {
            #expect(table == ["    pool:  2 × 2       …"])
        }
        #expect(lines.contains("a   b"))
        #expect(lines.contains("  c   d"))
        #expect(!lines.contains { $0.contains("```") }, "the fences are not shown")
    }

    @Test func aLongIndentedLineWithoutColumnsWrapsUnderItsIndent() {
        let formula = "    x_B = [x; 1] → z1 = W1 x_B → a1 = ReLU(z1) → z2 = W2 a1_B"
        let lines = WrapCache.questionLines(formula, width: 30, glyphs: .unicode)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.hasPrefix("    ") && DisplayWidth.of($0) <= 30 }, "\(lines)")
        #expect(lines.map { $0.dropFirst(4) }.joined(separator: " ") == formula.dropFirst(4))
    }

    /// The second exam's layer table, on the question screen and in a demo: `pool:` keeps the
    /// two spaces that line its values up with the conv rows.
    @Test func theLayerTableKeepsItsSpacesOnEveryScreen() throws {
        let exam = GenericPictureTests.sessional2
        let q1 = try #require(exam.questions.firstIndex { $0.id == "q1" })
        let m = try #require(exam.questions[q1].variant().values["m"]?.number)
        let row = "pool:  \(Int(m)) × \(Int(m)) max pooling"
        var s = Session(exam: exam)
        _ = s.handle(.openQuestion(q1))
        #expect(text(render(s, size: Size(width: 120, height: 40))).contains(row))
        var demo = Session(exam: exam, settings: SessionSettings(mode: .demo))
        _ = demo.handle(.openDemo(q1))
        #expect(text(render(demo, size: Size(width: 120, height: 40))).contains(row))
    }
}
