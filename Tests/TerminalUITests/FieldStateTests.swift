import Testing
import TerminalUI

@Suite struct FieldStateTests {
    @Test func editingKeys() {
        var f = FieldState()
        for k: Key in [.char("1"), .char("3"), .left, .char("2"), .end, .char("4")] { f.apply(k) }
        #expect(f.text == "1234" && f.cursor == 4)
        f.apply(.home); f.apply(.delete)
        #expect(f.text == "234" && f.cursor == 0)
        f.apply(.right); f.apply(.backspace)
        #expect(f.text == "34" && f.cursor == 0)
        f.apply(.backspace)                       // at start: nothing
        #expect(f.text == "34")
        f.apply(.ctrl("e")); f.insert(" x y")
        f.apply(.ctrl("w"))
        #expect(f.text == "34 x ")
        f.apply(.ctrl("a")); f.apply(.ctrl("k"))
        #expect(f.text == "")
        f.insert("abc"); f.apply(.ctrl("u"))
        #expect(f.text == "" && f.cursor == 0)
        #expect(f.apply(.enter) == false && f.apply(.escape) == false)
    }

    @Test func backspaceRemovesAWholeCluster() {
        var f = FieldState(text: "y\u{0302}σ")
        f.backspace()
        f.backspace()
        #expect(f.text == "" )
    }

    @Test func historyBrowsingKeepsTheDraft() {
        var f = FieldState(history: ["1", "2"])
        f.insert("dra")
        f.historyUp()
        #expect(f.text == "2")
        f.historyUp(); f.historyUp()
        #expect(f.text == "1")
        f.historyDown()
        #expect(f.text == "2")
        f.historyDown()
        #expect(f.text == "dra" && f.historyIndex == nil)
        f.insert("ft")
        #expect(f.commit() == "draft" && f.text == "")
        #expect(f.history == ["1", "2", "draft"])
        f.insert("draft")
        _ = f.commit()
        #expect(f.history == ["1", "2", "draft"])     // no repeated entries
    }

    @Test func maxLength() {
        var f = FieldState(maxLength: 3)
        f.insert("abcdef")
        #expect(f.text == "abc")
    }

    @Test func shortTextDoesNotScroll() {
        var f = FieldState(text: "12")
        let l = f.layout(width: 5)
        #expect(l.visibleText == "12" && l.cursorColumn == 2 && !l.hiddenLeft && !l.hiddenRight)
    }

    @Test func scrollsToFollowTheCursorAndBack() {
        var f = FieldState(text: "0123456789")       // cursor at end
        var l = f.layout(width: 5)
        #expect(l.visibleText == "6789" && l.cursorColumn == 4 && l.hiddenLeft && !l.hiddenRight)
        for _ in 0..<3 { f.left() }                  // cursor before "7": still visible, no scroll
        l = f.layout(width: 5)
        #expect(l.visibleText == "6789" && l.cursorColumn == 1)
        f.left(); f.left()                           // cursor before "5": scroll left, 1 col context
        l = f.layout(width: 5)
        #expect(l.visibleText == "45678" && l.cursorColumn == 1 && l.hiddenRight)
        f.home()
        l = f.layout(width: 5)
        #expect(l.visibleText == "01234" && l.cursorColumn == 0 && !l.hiddenLeft)
    }

    @Test func wideCharactersScrollByColumns() {
        var f = FieldState(text: "漢字漢字")           // 8 columns, cursor after
        let l = f.layout(width: 5)
        #expect(l.cursorColumn == 4)
        #expect(l.visibleText == "字" && l.textColumn == 1 || l.visibleText == "漢字" )
        #expect(DisplayWidth.of(l.visibleText) + l.textColumn <= 5)
    }

    @Test func fieldViewDrawsAndReturnsCursor() {
        var b = Buffer(width: 12, height: 1)
        var f = FieldState(text: "σ(0.5)")
        f.left()
        let p = FieldView().draw(&f, in: &b, rect: Rect(x: 2, y: 0, width: 8, height: 1))
        #expect(b.line(0) == "  σ(0.5)")
        #expect(p == Point(x: 7, y: 0))
        #expect(b[9, 0].style.role == .field)         // the padding shows the field's extent
        var empty = FieldState()
        var c = Buffer(width: 10, height: 1)
        let q = FieldView(placeholder: "type").draw(&empty, in: &c, rect: c.bounds)
        #expect(c.line(0) == "type" && q == .zero)
    }
}
