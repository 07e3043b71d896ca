import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(
        arguments: [
            ("a", 1), ("漢", 2), ("σ", 1), ("∇", 1), ("×", 1), ("²", 1), ("∈", 1), ("✓", 1), ("─", 1),
            ("😀", 2), ("ｱ", 1), ("Ａ", 2), ("한", 2), ("\u{0302}", 0), ("\u{200B}", 0), ("\u{07}", 0)
        ] as [(String, Int)])
    func scalarWidths(text: String, width: Int) {
        #expect(DisplayWidth.of(text.unicodeScalars.first!) == width)
    }

    @Test func clustersAndStrings() {
        #expect(DisplayWidth.of(Character("y\u{0302}")) == 1) // ŷ decomposed
        #expect(DisplayWidth.of("σ(w·x)") == 6)
        #expect(DisplayWidth.of("漢字 ok") == 7)
        #expect(DisplayWidth.of(Character("👩‍💻")) == 2) // ZWJ sequence capped at 2
    }

    @Test func prefixTruncatePad() {
        #expect(DisplayWidth.prefix("漢字x", fitting: 3) == ("漢", 2))
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("hello world", to: 8, ellipsis: "...") == "hello...")
        #expect(DisplayWidth.truncate("short", to: 8) == "short")
        #expect(DisplayWidth.pad("漢", to: 4) == "漢  ")
    }

    @Test func tablesAreSortedAndDisjoint() {
        for table in [DisplayWidthTables.zeroWidth, DisplayWidthTables.doubleWidth] {
            for (a, b) in zip(table, table.dropFirst()) { #expect(a.upperBound < b.lowerBound) }
        }
    }
}
