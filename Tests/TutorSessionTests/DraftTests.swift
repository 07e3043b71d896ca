import Testing

@testable import TutorSession

/// The one text-field model (TerminalUI's FieldState duplicated it and is gone).
@Suite("Draft")
struct DraftTests {
    @Test func editingMovesTheCursorByCharacters() {
        var d = Draft()
        for c in "13" { d.insert(c) }
        d.moveLeft()
        d.insert("2")
        d.moveEnd()
        d.insert("4")
        #expect(d.text == "1234" && d.cursor == 4)
        d.moveHome()
        d.deleteForward()
        #expect(d.text == "234" && d.cursor == 0)
        d.deleteBackward()
        #expect(d.text == "234", "nothing before the cursor")
        d.clear()
        #expect(d.isEmpty && d.cursor == 0)
    }

    @Test func backspaceRemovesAWholeCluster() {
        var d = Draft("y\u{0302}σ")
        d.deleteBackward()
        d.deleteBackward()
        #expect(d.text.isEmpty)
    }

    @Test func maxLength() {
        var d = Draft(String(repeating: "1", count: Draft.maxLength))
        d.insert("2")
        #expect(d.text.count == Draft.maxLength && !d.text.contains("2"))
    }
}
