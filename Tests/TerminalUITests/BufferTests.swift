import TerminalUI
import Testing

@Suite struct BufferTests {
    @Test func putAndLines() {
        var b = Buffer(width: 10, height: 3)
        let end = b.put("hello", at: Point(x: 2, y: 1))
        #expect(end == 7)
        #expect(b.lines() == ["", "  hello", ""])
        #expect(b[2, 1].text == "h")
    }

    @Test func clipsToBufferAndRect() {
        var b = Buffer(width: 6, height: 2)
        b.put("abcdefgh", at: Point(x: 3, y: 0))
        b.put("xyz", at: Point(x: -1, y: 1))
        #expect(b.lines() == ["   abc", "yz"])
        var c = Buffer(width: 10, height: 3)
        c.put("0123456789", at: Point(x: 0, y: 1), clip: Rect(x: 2, y: 1, width: 4, height: 1))
        c.put("outside", at: Point(x: 0, y: 2), clip: Rect(x: 0, y: 0, width: 10, height: 2))
        #expect(c.lines() == ["", "  2345", ""])
    }

    @Test func wideCharactersTakeTwoCells() {
        var b = Buffer(width: 6, height: 1)
        let end = b.put("漢字x", at: .zero)
        #expect(end == 5)
        #expect(b[0, 0].width == 2 && b[1, 0].isContinuation)
        #expect(b.line(0) == "漢字x")
    }

    @Test func wideCharacterAtEdgeBecomesSpace() {
        var b = Buffer(width: 5, height: 1)
        b.put("ab漢字", at: Point(x: 0, y: 0))
        #expect(b.line(0) == "ab漢")
        b.put("漢", at: Point(x: 4, y: 0))
        #expect(b.line(0) == "ab漢") // no room for a 2-cell char in the last column
    }

    @Test func overwritingHalfAWideCharacterRepairsIt() {
        var b = Buffer(width: 4, height: 1)
        b.put("漢字", at: .zero)
        b.put("x", at: Point(x: 1, y: 0)) // lands on the continuation of 漢
        #expect(b.line(0) == " x字")
        b.put("y", at: Point(x: 2, y: 0)) // lands on the lead of 字
        #expect(b.line(0) == " xy")
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var b = Buffer(width: 4, height: 1)
        b.put("y\u{0302}=1", at: .zero)
        #expect(b.line(0) == "y\u{0302}=1")
        #expect(b[0, 0].text == "y\u{0302}" && b[1, 0].text == "=")
        b.put("a\u{0302}", at: Point(x: 3, y: 0))
        #expect(b[3, 0].text == "a\u{0302}")
    }

    @Test func controlCharactersAreDroppedTabIsSpace() {
        var b = Buffer(width: 8, height: 1)
        b.put("a\u{1B}b\tc\r\n", at: .zero)
        #expect(b.line(0) == "ab c")
    }

    @Test func fillStyleAndDiff() {
        var a = Buffer(width: 4, height: 3)
        a.fill(Rect(x: 1, y: 1, width: 2, height: 2), with: "#")
        #expect(a.lines() == ["", " ##", " ##"])
        var b = a
        #expect(b.changedRows(since: a) == [])
        b.setStyle(Style(.selection), in: Rect(x: 0, y: 2, width: 4, height: 1))
        #expect(b.changedRows(since: a) == [2])
        b.put("z", at: .zero)
        #expect(b.diff(a) == [0, 2])
        #expect(b.changedRows(since: nil) == [0, 1, 2])
        #expect(Buffer(width: 5, height: 3).changedRows(since: a) == [0, 1, 2])
    }

    @Test func resizeKeepsTopLeft() {
        var b = Buffer(width: 6, height: 2)
        b.put("ab漢", at: .zero)
        b.put("line2", at: Point(x: 0, y: 1))
        b.resize(to: Size(width: 3, height: 1))
        #expect(b.lines() == ["ab"])
    }

    @Test func rectHelpers() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        let (top, rest) = r.splitTop(3)
        #expect(top.height == 3 && rest.y == 3 && rest.height == 21)
        let (bottom, above) = r.splitBottom(1)
        #expect(bottom.y == 23 && above.height == 23)
        #expect(r.splitLeft(100).rest.isEmpty)
        #expect(r.columns(3, spacing: 1).map(\.width) == [26, 26, 26])
        #expect(r.columns(3, spacing: 1).map(\.x) == [0, 27, 54])
        #expect(Rect(x: 0, y: 0, width: 10, height: 7).rows(2).map(\.height) == [4, 3])
        #expect(r.centered(Size(width: 10, height: 4)) == Rect(x: 35, y: 10, width: 10, height: 4))
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).inset(by: 3).isEmpty)
        #expect(r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
    }
}
