import Testing

@testable import MathEngine

/// Every numeric form students are expected to type; expected values computed by hand.
struct NumberReadingTests {
    static let e = 2.718281828459045

    static let numbers: [(String, Double)] = [
        ("619", 619.0), ("0.44", 0.44), (".5", 0.5), ("4.4e-1", 0.44), ("4.4E-1", 0.44), ("-3", -3),
        ("−3", -3), ("3/4", 0.75), ("75%", 0.75), ("50%", 0.5), ("2/4", 0.5), ("1/2", 0.5),
        ("8.2e-9", 8.2e-9), ("8.2e−9", 8.2e-9), ("1e3", 1000), ("5.", 5),
        ("8*20 + 6*8*9 + 3*9", 619), ("8×20 + 6×(8×9) + 3×9", 619), ("8·20+6·8·9+3·9", 619),
        ("-2^2", -4), ("(-2)^2", 4), ("2^3^2", 512), ("2^-1", 0.5), ("2³", 8), ("3²", 9), ("6 ÷ 4", 1.5),
        ("ln(e)", 1), ("log(e^2)", 2), ("log(8, 2)", 3), ("log2(8)", 3), ("log10(1000)", 3),
        ("exp(0)", 1), ("sqrt(16)", 4), ("abs(-2)", 2), ("tanh(0)", 0), ("sinh(0)", 0), ("cosh(0)", 1),
        ("sech(0)", 1), ("sigmoid(0)", 0.5), ("σ(0)", 0.5), ("min(3, 1, 2)", 1), ("max(3, 1, 2)", 3),
        ("floor(2.7)", 2), ("ceil(2.1)", 3), ("round(2.5)", 3), ("round(0.440483, 2)", 0.44),
        ("tanh²(0)", 0), ("sech²(0)", 1), ("sech^2(0)", 1), ("(1-0.5)(1+0.5)", 0.75), ("2(3)", 6),
        ("616/23", 616.0 / 23.0), ("(0.0132+0.0410+0.3098+1.3979)/4", 1.7619 / 4)
    ]

    @Test(arguments: numbers)
    func readsNumbers(text: String, value: Double) {
        guard case .valid(.number(let x), _) = AnswerReader.read(text, as: .number) else {
            Issue.record("\(text) did not read as a number: \(AnswerReader.read(text, as: .number))")
            return
        }
        #expect(abs(x - value) <= 1e-12 * max(1, abs(value)), "\(text)")
    }

    @Test func constantsAndFunctionsAgreeWithKnownValues() {
        let cases: [(String, Double)] = [
            ("2pi", 6.283185307179586), ("π", 3.141592653589793), ("e", NumberReadingTests.e),
            ("-log10(0.99)", 0.004364805402450088), ("1 - tanh(1)^2", 0.41997434161402614),
            ("1 - tanh²(10)", 8.244614546626394e-9), ("σ(2)", 0.8807970779778823)
        ]
        for (text, value) in cases {
            let x = AnswerReader.read(text, as: .number).value
            #expect(x.flatMap(\.number).map { abs($0 - value) <= 1e-9 * max(1, abs(value)) } == true, "\(text)")
        }
    }

    @Test(arguments: [
        ("0.440483", "= 0.4405"), ("619", "= 619"), ("8*20 + 6*8*9 + 3*9", "= 619"),
        ("log(2)", "= 0.6931 (log is natural log)"), ("ln(2)", "= 0.6931"), ("log(8, 2)", "= 3"),
        ("8.2e-9", "= 8.2e-9"), ("75%", "= 0.75")
    ])
    func previews(text: String, preview: String) {
        guard case .valid(_, let shown) = AnswerReader.read(text, as: .number) else {
            Issue.record("\(text) not valid")
            return
        }
        #expect(shown == preview)
    }

    @Test(
        arguments: [("4", 4.0), ("x4", 4.0), ("x^(4)", 4.0), ("x_4", 4.0), ("sample 4", 4.0), ("8/2", 4.0), ("26", 26.0)]
            as [(String, Double)])
    func readsIntegers(text: String, value: Double) {
        #expect(AnswerReader.read(text, as: .integer) == .valid(.number(value), preview: "= \(Int(value))"))
    }

    @Test func integerRejectsFractions() {
        #expect(AnswerReader.read("4.5", as: .integer) == .invalid(column: 1, reason: "Expected a whole number."))
    }
}

/// The lexer's allocation-free fast path must agree with the standard library's parser.
@Test(arguments: [
    "0.44", "0.440483", "619", ".5", "8.2e-9", "1.7976931348623157e308", "123456789012345678901234",
    "0.1", "3.14159265358979323846", "1e22", "1e23", "4.4e-1", "0.000001", "2.5e-324", "9007199254740993"
])
func fastNumberPathAgreesWithStandardLibrary(text: String) {
    #expect(AnswerReader.read(text, as: .number).value == .number(Double(text)!), "\(text)")
}
