import Testing

@testable import MathEngine

/// The bare-number short way through `AnswerReader` (`plainNumber`) must read exactly what the
/// full lex/parse/evaluate path reads: the same bits (so `-0` stays `-0`), the same preview, and
/// for anything it does not take, the full path's own answer.
struct PlainNumberTests {
    /// Hand-picked edges: spacing, signs, leading zeros, exponents, long mantissas, overflow,
    /// forms the short way must leave alone (operators, Unicode minus, NBSP, `%`, letters).
    static let edges: [String] = [
        "619", "0.44", ".5", "5.", "0", "-0", "-0.0", "007", "  619  ", "\t-3\n", "\r\n42\r\n", "-3", "- 3",
        "--3", "+3", "-.5", "1e3", "4.4E-1", "8.2e-9", "1e+2", "1.e5", "1e", "1e-", "2e*3", "2e", "1.2.3",
        "1..2", ".", "-", "-.", "1e400", "-1e400", "1e-400", "123456789012345678901234567890",
        "0.1234567890123456789", "9007199254740993", "1234567890123456", "2.5", "3.0", "2.50",
        "1,000", "1 000", "−3", "3\u{00A0}", "\u{00A0}3", "١٢", "1e5x", "6%", "3²", "x4", "node 4", "0x10",
        "1_000", "1e99999999999", "0.000000000000000000000000001", "99999999999999999999e-20"
    ]

    /// What the full path gives for `input` read as `kind`, with the short way's result beside it.
    static func both(_ input: String, _ kind: AnswerKind, preview: Bool) -> (short: LiveState, full: LiveState) {
        let short = AnswerReader.read(input, as: kind, log: .natural, preview: preview)
        let full = AnswerReader.readingTypedForms(input, as: kind, log: .natural, preview: preview)
        return (short, full)
    }

    static func expectSame(_ input: String, _ kind: AnswerKind) {
        for preview in [true, false] {
            let (short, full) = both(input, kind, preview: preview)
            #expect(short == full, "\(input.debugDescription) as \(kind), preview \(preview)")
            if case .valid(.number(let a), _) = short, case .valid(.number(let b), _) = full {
                #expect(a.bitPattern == b.bitPattern, "\(input.debugDescription): \(a) vs \(b)")
            }
        }
    }

    @Test(arguments: edges)
    func edgesReadAsTheFullPathReadsThem(input: String) {
        guard !input.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return }
        PlainNumberTests.expectSame(input, .number)
        PlainNumberTests.expectSame(input, .integer)
    }

    @Test func theShortWayTakesBareNumbersOnly() {
        #expect(AnswerReader.plainNumber("619") == 619)
        #expect(AnswerReader.plainNumber(" -1.5e-3 ") == -1.5e-3)
        #expect(AnswerReader.plainNumber("-0")?.sign == .minus)
        for other in ["3/4", "- 3", "−3", "6%", "2e", "1e400", "3\u{00A0}", "x4", "", "  "] {
            #expect(AnswerReader.plainNumber(other) == nil, "\(other.debugDescription)")
        }
        #expect(AnswerReader.plainAnswer("2.5", as: .integer) == nil) // the full path words the error
        #expect(AnswerReader.plainAnswer("2.5", as: .number) == 2.5)
        #expect(AnswerReader.plainAnswer("2", as: .vector) == nil)
    }

    /// Thousands of random texts over the characters a number is made of (and a few it is not),
    /// including long mantissas and exponents past the fast decimal path.
    @Test func randomNumberLikeTextsReadAsTheFullPathReadsThem() {
        var rng = SeededGenerator(seed: 2024)
        let alphabet: [Character] = Array("0123456789000999.....eE+--  \t")
        var taken = 0
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 24) + 1
            var text = ""
            for _ in 0..<length { text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if AnswerReader.plainNumber(text) != nil { taken += 1 }
            if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            PlainNumberTests.expectSame(text, .number)
            PlainNumberTests.expectSame(text, .integer)
        }
        #expect(taken > 1_000) // the table exercises the short way, not only the fallback
    }

    /// Random finite doubles printed by Swift (shortest round-trip form, often with an exponent)
    /// and with fixed decimals.
    @Test func printedDoublesReadAsTheFullPathReadsThem() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let x = Double(bitPattern: rng.next())
            guard x.isFinite else { continue }
            let texts = [
                "\(x)", "\(x.magnitude)", "\((x.magnitude.truncatingRemainder(dividingBy: 1e6) * 1000).rounded() / 1000)"
            ]
            for text in texts {
                PlainNumberTests.expectSame(text, .number)
                PlainNumberTests.expectSame(text, .integer)
            }
        }
    }
}
