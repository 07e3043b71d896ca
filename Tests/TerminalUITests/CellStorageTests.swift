import Testing

@testable import TerminalUI

/// `Cell` keeps its text as inline bytes (or an interned index), and `Buffer.put` cuts text with
/// a cache and an ASCII fast path. These tests pin both to what a `String` per cell and the
/// original one-cluster-at-a-time `put` gave.
@Suite struct CellStorageTests {
    static let samples = [
        "", " ", "a", "σ", "漢", "ŷ", "y\u{0302}", "e\u{0301}", "é", "😀", "🇩🇪", "👍🏽",
        "👩‍👩‍👧‍👦", // 25 bytes: interned
        "e\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}", // 11 bytes: inline
        "a\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}" // 13 bytes: interned
    ]

    @Test(arguments: samples) func textRoundTripsByteForByte(_ text: String) {
        let cell = Cell(text, style: .role(.accent), width: 2)
        #expect(Array(cell.text.utf8) == Array(text.utf8))
        #expect(cell.style == .role(.accent) && cell.width == 2)
        var bytes: [UInt8] = []
        cell.withUTF8 { bytes = Array($0) }
        #expect(bytes == Array(text.utf8))
        #expect(cell.isASCII == text.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func settingTextReplacesItWhateverItsLength() {
        var cell = Cell("👩‍👩‍👧‍👦")
        cell.text = "x"
        #expect(cell.text == "x" && cell == Cell("x"))
        cell.text.append(contentsOf: "\u{0302}")
        #expect(cell.text == "x\u{0302}")
    }

    @Test func equalityIsStringEqualityStyleAndWidth() {
        // Canonically equivalent text compares equal, as it did with a String per cell, while
        // each cell still gives back exactly its own bytes.
        let composed = Cell("é"), decomposed = Cell("e\u{0301}")
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(Array(decomposed.text.utf8) == Array("e\u{0301}".utf8))
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("a", style: .role(.wrong)) != Cell("a"))
        #expect(Cell("a", width: 2) != Cell("a"))
        #expect(Cell("👩‍👩‍👧‍👦") == Cell("👩‍👩‍👧‍👦"))
        #expect(Cell("👩‍👩‍👧‍👦") != Cell("👩‍👩‍👧"))
    }

    // MARK: put

    /// `Buffer.put` before the ASCII path and the cache: one grapheme cluster at a time.
    static func referencePut(_ b: inout Buffer, _ string: String, at point: Point, style: Style, clip: Rect?) -> Int {
        let area = clip.map { $0.intersection(b.bounds) } ?? b.bounds
        guard point.y >= area.y, point.y < area.maxY else { return point.x }
        var x = point.x
        var lastWritten: Int? = nil
        for ch in string {
            var c = ch
            if c == "\t" { c = " " }
            let w = DisplayWidth.of(c)
            if w == 0 {
                if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
                if let lx = lastWritten { b.cells[point.y * b.width + lx].text.append(contentsOf: String(c)) }
                continue
            }
            if x >= area.maxX { break }
            if x < area.x {
                x += w
                continue
            }
            if w == 2 && x + 1 >= area.maxX {
                b.referenceSet(x, point.y, Cell(" ", style: style))
                x += 1
                break
            }
            b.referenceSet(x, point.y, Cell(String(c), style: style, width: UInt8(w)))
            if w == 2 { b.referenceSet(x + 1, point.y, Cell("", style: style, width: 0)) }
            lastWritten = x
            x += w
        }
        return x
    }

    static let putTexts = [
        "plain ascii text", "tab\there", "ctl\u{1B}[31m\r\n", "σ(w·x) → ŷ", "漢字かな", "ab漢字cd",
        "\u{0302}leading mark", "y\u{0302}=1", "e\u{0301} and é", "😀👍🏽🇩🇪", "👩‍👩‍👧‍👦 family",
        "zero\u{200B}width", "soft\u{00AD}hyphen", "x\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}"
    ]

    @Test(arguments: putTexts) func putMatchesTheOneClusterAtATimeRule(_ text: String) {
        let clips: [Rect?] = [nil, Rect(x: 2, y: 0, width: 5, height: 3), Rect(x: 0, y: 1, width: 7, height: 1)]
        for clip in clips {
            for x in [-3, 0, 1, 4, 9] {
                for y in [0, 1] {
                    var fast = Buffer(width: 10, height: 2), slow = fast
                    fast.put("漢字漢字漢", at: .zero) // something to overwrite, wide chars included
                    slow.put("漢字漢字漢", at: .zero)
                    let a = fast.put(text, at: Point(x: x, y: y), style: .role(.hint), clip: clip)
                    let b = Self.referencePut(&slow, text, at: Point(x: x, y: y), style: .role(.hint), clip: clip)
                    #expect(a == b, "end column for \(text.debugDescription) at \(x),\(y) clip \(String(describing: clip))")
                    #expect(fast.cellBytes == slow.cellBytes, "cells for \(text.debugDescription) at \(x),\(y)")
                }
            }
        }
    }

    @Test func canonicallyEquivalentStringsKeepTheirOwnBytes() {
        // The cut is cached by exact bytes, so the second put does not reuse the first's cells.
        var b = Buffer(width: 4, height: 1)
        b.put("é", at: .zero)
        b.put("e\u{0301}", at: Point(x: 1, y: 0))
        #expect(Array(b[0, 0].text.utf8) == Array("é".utf8))
        #expect(Array(b[1, 0].text.utf8) == Array("e\u{0301}".utf8))
    }

    @Test(arguments: putTexts) func widthOfAStringIsTheSumOfItsClusters(_ text: String) {
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        #expect(DisplayWidth.of(text) == DisplayWidth.of(Substring(text)))
    }
}

extension Buffer {
    /// Every cell's bytes, style and width: a comparison that canonical equivalence cannot fool.
    var cellBytes: [[UInt8]] {
        cells.map { Array($0.text.utf8) + [UInt8($0.style.role.rawValue), $0.style.attributes.rawValue, $0.width] }
    }

    /// `set` as `put` has always used it: repairs a wide character it splits.
    mutating func referenceSet(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.width == 2, x + 1 < width, cells[i + 1].isContinuation { cells[i + 1] = Cell(" ", style: cells[i + 1].style) }
        if old.isContinuation, x > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        cells[i] = cell
    }
}
