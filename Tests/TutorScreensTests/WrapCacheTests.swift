import TerminalUI
import Testing

@testable import TutorScreens

/// `WrapCache` keeps a question text wrapped to a width between frames. It must be invisible:
/// every answer, hit or miss, equals wrapping the text afresh, whatever was asked before it
/// (another width, the other glyph set, another text, more texts than the cache holds).
@Suite("Screens: wrap cache")
struct WrapCacheTests {
    static let texts = [
        "A network has 19 inputs, 8 layers of 26 hidden units and 3 outputs.\n\nHow many parameters?",
        "σ(w·x) for x⁽¹⁾ … x⁽⁴⁾: write each to 2 decimal places.",
        "Short.",
        "A layer table:\n\n    layer   output      params\n    conv1   30x30x8     224\n\nThen the question.",
        "漢字 and wide characters, wrapped by display width rather than by count of scalars."
    ]

    static func fresh(_ text: String, width: Int, glyphs: Glyphs) -> [String] {
        WrapCache.wrapped(text, width: width, glyphs: glyphs)
    }

    @Test func everyLookupEqualsAFreshWrap() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let widths = [12, 30, 31, 80]
        let glyphSets = [Glyphs.unicode, Glyphs.ascii]
        for round in 0..<500 {
            // Now and then a text the cache has not seen, so it fills past its limit and empties.
            let known = Self.texts[next(Self.texts.count)]
            let text = next(10) == 0 ? "Variant \(round): " + known : known
            let width = widths[next(widths.count)]
            let glyphs = glyphSets[next(glyphSets.count)]
            let cached = WrapCache.questionLines(text, width: width, glyphs: glyphs)
            #expect(cached == Self.fresh(text, width: width, glyphs: glyphs), "round \(round), width \(width)")
        }
    }

    @Test func theGlyphSetAndTheWidthAreEachPartOfTheKey() {
        let text = Self.texts[1]
        let unicode = WrapCache.questionLines(text, width: 30, glyphs: .unicode)
        let ascii = WrapCache.questionLines(text, width: 30, glyphs: .ascii)
        #expect(unicode != ascii, "the ASCII glyphs transliterate σ and the superscripts")
        #expect(WrapCache.questionLines(text, width: 12, glyphs: .unicode).count > unicode.count)
    }
}
