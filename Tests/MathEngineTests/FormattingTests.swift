import Testing

@testable import MathEngine

struct FormattingTests {
    @Test(arguments: [
        (Value.number(0.440483), "0.4405"),
        (.number(619), "619"),
        (.number(-3), "-3"),
        (.number(0.5), "0.5"),
        (.number(8.24e-9), "8.24e-9"),
        (.number(8.2e-9), "8.2e-9"),
        (.number(2.5e20), "2.5e20"),
        (.number(263_171), "263171"),
        (.number(-0.76), "-0.76"),
        (.number(0.00001), "1e-5"),
        (.vector([0.97, 0.91, 0.51, 0.96]), "[0.97, 0.91, 0.51, 0.96]"),
        (.matrix([[0, 0], [0, 0.42]]), "[[0, 0], [0, 0.42]]"),
        (.shape([256, 1025]), "256×1025"),
        (.shape([257]), "257"),
        (.shape([]), "scalar"),
        (.set([1, 3]), "{1, 3}"),
        (.text("deep"), "\"deep\""),
        (.list([.text("a"), .text("b")]), "[\"a\", \"b\"]"),
        (.list([.shape([8, 20]), .shape([8, 9])]), "[8×20, 8×9]")
    ])
    func canonicalDisplay(value: Value, shown: String) {
        #expect(value.display == shown)
    }

    @Test func fixedDecimals() {
        #expect(Value.vector([8.24e-9, 0.419974, -1, 0.76]).display(decimals: 2) == "[0.00, 0.42, -1.00, 0.76]")
        #expect(Value.number(0.440483).display(decimals: 2) == "0.44")
        #expect(Value.number(0.005).display(decimals: 2) == "0.01")
        #expect(Value.number(-0.001).display(decimals: 2) == "0.00")
        #expect(Value.number(619).display(decimals: 0) == "619")
    }
}
