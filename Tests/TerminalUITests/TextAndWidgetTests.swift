import TerminalUI
import Testing

@Suite struct WrapTests {
    @Test func wrapsByDisplayWidth() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWrap.wrap("漢字漢字 漢字", width: 6) == ["漢字漢", "字", "漢字"])
        #expect(TextWrap.wrap("σ(w·x) is the output", width: 9) == ["σ(w·x) is", "the", "output"])
    }

    @Test func keepsNewlinesAndIndentBreaksLongWords() {
        #expect(TextWrap.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWrap.wrap("  indented text", width: 10) == ["  indented", "text"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("x", width: 0) == [])
    }

    @Test func paragraphAlignment() {
        var b = Buffer(width: 10, height: 3)
        let used = Paragraph("one two three", alignment: .right).draw(in: &b, rect: b.bounds)
        #expect(used == 2)
        #expect(b.lines() == ["   one two", "     three", ""])
    }
}

@Suite struct WidgetTests {
    @Test func frameWithTitle() {
        var b = Buffer(width: 12, height: 4)
        let inner = Frame(title: "Q3 params").draw(in: &b, rect: b.bounds)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(b.lines() == ["┌ Q3 para… ┐", "│          │", "│          │", "└──────────┘"])
        var a = Buffer(width: 8, height: 3)
        Frame(title: "σ", glyphs: .ascii).draw(in: &a, rect: a.bounds)
        #expect(a.lines() == ["+ s ---+", "|      |", "+------+"])
    }

    @Test func statusLineRightWins() {
        var b = Buffer(width: 20, height: 1)
        StatusLine(left: "Wrong: expected 1134 parameters", right: "? help").draw(in: &b, rect: b.bounds)
        #expect(b.line(0) == "Wrong: expec… ? help")
    }

    @Test(arguments: [
        (0.0, "          "), (0.05, "▌         "), (0.5, "█████     "), (0.55, "█████▌    "), (1.0, "██████████"),
        (1.7, "██████████")
    ])
    func gaugeUnicode(fraction: Double, expected: String) {
        let (f, e) = Gauge(fraction: fraction, glyphs: .unicode).bar(width: 10)
        #expect(String((f + e).map { $0 == "░" ? " " : $0 }) == expected)
    }

    @Test func gaugeAsciiAndLabel() {
        var b = Buffer(width: 15, height: 1)
        Gauge(fraction: 0.55, label: "2:31", glyphs: .ascii).draw(in: &b, rect: b.bounds)
        #expect(b.line(0) == "######.... 2:31")
        var u = Buffer(width: 15, height: 1)
        Gauge(fraction: 0.25, label: "0:45").draw(in: &u, rect: u.bounds)
        #expect(u.line(0) == "██▌░░░░░░░ 0:45")
    }

    @Test func layerDiagramBoxed() {
        let d = LayerDiagram(layers: [
            .init("input", details: ["19"]), .init("dense", details: ["64 tanh"]), .init("out", details: ["3"])
        ])
        var b = Buffer(width: 40, height: 5)
        #expect(d.draw(in: &b, rect: b.bounds) == 4)
        #expect(
            b.lines() == [
                "┌─────┐   ┌───────┐   ┌───┐",
                "│input│──→│dense  │──→│out│",
                "│19   │   │64 tanh│   │3  │",
                "└─────┘   └───────┘   └───┘",
                ""
            ])
    }

    @Test func layerDiagramCompactFallbackAscii() {
        let d = LayerDiagram(
            layers: [.init("input", details: ["19"]), .init("dense", details: ["64"]), .init("out", details: ["3"])],
            glyphs: .ascii)
        var b = Buffer(width: 20, height: 3)
        #expect(d.draw(in: &b, rect: b.bounds) == 2)
        #expect(b.lines() == ["input 19 -> dense 64", "out 3", ""])
    }
}

@Suite struct GlyphTests {
    @Test func asciiTransliteration() {
        let g = Glyphs.ascii
        #expect(g.text("σ(z) × ∇W⁽¹⁾") == "s(z) x gradW(1)")
        #expect(g.text("ŷ = x² + x₁") == "y^ = x^2 + x_1")
        #expect(g.text("y\u{0302} ≤ 1 ✓") == "y^ <= 1 [ok]")
        #expect(g.text("漢") == "?")
        #expect(Glyphs.unicode.text("σ ∇") == "σ ∇")
    }

    @Test func capabilitiesPickGlyphsAndTheme() {
        let plain = TerminalCapabilities(unicode: false, color: false)
        #expect(plain.glyphs == .ascii && plain.theme == .monochrome)
        let rich = TerminalCapabilities(unicode: true, color: true)
        #expect(rich.glyphs.check == "✓" && rich.theme.usesColor)
    }

    @Test func monochromeKeepsStatesApart() {
        let m = Theme.monochrome
        let states: [Role] = [.normal, .correct, .wrong, .selection, .field]
        let looks = states.map { m[$0] }
        #expect(Set(looks).count == states.count)
        #expect(m.resolve(Style(.wrong).reverse()).attributes == [.bold, .underline, .reverse])
    }
}
