import Testing

@testable import MathEngine

/// Parses are compared through the fully parenthesised `Expr.description`.
struct ParserTests {
    @Test(arguments: [
        ("-2^2", "(-(2 ^ 2))"),
        ("8*20 + 6*8*9", "((8 * 20) + ((6 * 8) * 9))"),
        ("8*20 + 6*8*9 + 3*9", "(((8 * 20) + ((6 * 8) * 9)) + (3 * 9))"),
        ("2^3^2", "(2 ^ (3 ^ 2))"),
        ("2^-1", "(2 ^ (-1))"),
        ("20n + 3(n+1)", "((20 * n) + (3 * (n + 1)))"),
        ("2pi", "(2 * pi)"),
        ("(1-a)(1+a)", "((1 - a) * (1 + a))"),
        ("1 - tanh²(z)", "(1 - (tanh(z) ^ 2))"),
        ("sech^2(z)", "(sech(z) ^ 2)"),
        ("4/(e^z+e^(-z))^2", "(4 / (((e ^ z) + (e ^ (-z))) ^ 2))"),
        ("4/(e^z+e^{−z})²", "(4 / (((e ^ z) + (e ^ (-z))) ^ 2))"),
        ("3 × 4 · 5 ÷ 6 − 1", "((((3 * 4) * 5) / 6) - 1)"),
        ("75%", "(75 / 100)"),
        ("-log10(0.99)", "(-log10(0.99))"),
        ("log(8, 2)", "log(8, 2)"),
        ("a²", "(a ^ 2)"),
        ("x³", "(x ^ 3)"),
        ("tanh z", "tanh(z)"),
        ("2**3", "(2 ^ 3)"),
        ("[1, 2]", "[1, 2]"),
        ("[1 0; 0 1]", "[1, 0; 0, 1]"),
        ("[1 -1]", "[1, (-1)]"),
        ("[1 - 1]", "[(1 - 1)]"),
        ("[2pi 3]", "[(2 * pi), 3]"),
        (".5", "0.5"),
        ("4.4e-1", "0.44"),
        ("σ(0)", "σ(0)")
    ])
    func printsFullyParenthesised(text: String, printed: String) throws {
        #expect(try Parser.parse(text, dialect: .student).description == printed)
    }

    @Test(arguments: [
        ("x < 3 and not y", "((x < 3) and (not y))"),
        ("a or b and c", "(a or (b and c))"),
        ("\"a\" == s", "(\"a\" == s)"),
        ("[\"a\", \"b\"]", "[\"a\", \"b\"]"),
        ("frac(nstar) >= 0.5", "(frac(nstar) >= 0.5)")
    ])
    func contentSyntax(text: String, printed: String) throws {
        #expect(try Parser.parse(text, dialect: .content).description == printed)
    }

    @Test func variablesAreFreeNamesOnly() throws {
        let e = try Parser.parse("h*(n_in+1) + (L-2)*h*(h+1) + C*(h+1) + a_total + pi + e + ln(2)", dialect: .content)
        #expect(e.variables == ["h", "n_in", "L", "C", "a_total"])
    }

    @Test func studentDialectRejectsContentNames() {
        #expect(throws: EngineError(column: 1, message: "'dense_params' is not available in answers.")) {
            try Parser.parse("dense_params([1,2])", dialect: .student)
        }
        #expect(throws: EngineError(column: 1, message: "'randint' is only available in parameter variants.")) {
            try Parser.parse("randint(1, 2)", dialect: .content)
        }
        #expect(throws: EngineError(column: 3, message: "Comparisons are not available in answers.")) {
            try Parser.parse("1 < 2", dialect: .student)
        }
    }
}
