import Testing

@testable import MathEngine

/// Capitalising a feedback sentence never changes a symbol; ordinals and articles read right.
@Suite struct EnglishTests {
    @Test func capitalisesOnlyOrdinaryWords() {
        #expect(English.capitalisingFirstWord("that counts 8 hidden layers") == "That counts 8 hidden layers")
        #expect(English.capitalisingFirstWord("a sample is wrong") == "A sample is wrong")
        #expect(English.capitalisingFirstWord("ébauche") == "Ébauche")
        for symbolic in [
            "σ is the probability of label 1", "x⁽³⁾ flipped", "x_B has the bias", "z^[1] has one entry",
            "w_{25} is row 2", "n ≤ 26.78", "n must be whole", "a = tanh(z) here", "a^[1]_B has the bias",
            "tanh acts entry by entry", "ln gives 1.01", "ŷ has 3 entries", "−log σ is the loss", "ℓ_i is small"
        ] {
            #expect(English.capitalisingFirstWord(symbolic) == symbolic)
        }
    }

    @Test func verdictSentenceKeepsSymbols() {
        let m = Mistake(value: .number(1), explanation: "σ is the probability of label 1")
        #expect(
            Verdict.incorrect(mistakes: [m], wrongEntries: [], reason: nil).message
                == "Not quite. σ is the probability of label 1.")
        let w = Mistake(value: .number(1), explanation: "that is the error rate")
        #expect(Verdict.incorrect(mistakes: [w], wrongEntries: [], reason: nil).message == "Not quite. That is the error rate.")
    }

    @Test func ordinals() throws {
        let expected = [
            1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st",
            22: "22nd", 23: "23rd", 31: "31st", 101: "101st", 111: "111th", 112: "112th"
        ]
        for (n, text) in expected { #expect(English.ordinal(n) == text) }
        #expect(
            try Evaluator.evaluate(
                Parser.parse("ordinal(10*2 + 1)", dialect: .content), in: Environment(variables: [:], dialect: .content))
                == .text("21st"))
    }

    @Test func articles() {
        for (n, a) in [
            ("8", "an"), ("80", "an"), ("11", "an"), ("18", "an"), ("1", "a"), ("7", "a"), ("110", "a"),
            ("11000", "an"), ("18500", "an"), ("800", "an"), ("19", "a"), ("4", "a")
        ] {
            #expect(English.article(beforeNumber: n) == a, "\(n)")
        }
        #expect(English.article(beforeNumber: "x") == nil)
    }
}
