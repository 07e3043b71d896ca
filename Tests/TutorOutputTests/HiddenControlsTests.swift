import Testing
import TutorOutput

/// The one filter for text sent to a terminal.
@Suite("Output: hidden controls")
struct HiddenControlsTests {
    @Test func tabAndNewlineAreKeptEveryOtherControlIsShown() {
        #expect(visibleControls("a\tb\nc") == "a\tb\nc")
        #expect(visibleControls("a\rb") == "a<U+000D>b")
        #expect(visibleControls("\u{1B}[31mred\u{7F}\u{9B}") == "<U+001B>[31mred<U+007F><U+009B>")
    }

    @Test func bidiControlsAreShown() {
        for u in ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}"] {
            #expect(visibleControls("x" + u) != "x" + u, "\(u.unicodeScalars.first!.value)")
        }
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "σ(z) = 1/(1+e^−z) — ok ✓"
        #expect(visibleControls(text) == text)
        #expect(!text.unicodeScalars.contains(where: isHiddenControl))
    }
}
