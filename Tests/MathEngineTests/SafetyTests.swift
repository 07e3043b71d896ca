import Testing

@testable import MathEngine

/// No input may crash or hang the engine. Times are not asserted; the tests just have to finish.
struct SafetyTests {
    static let kinds: [AnswerKind] = [
        .number, .integer, .vector, .matrix, .shape, .set, .choice(["increased", "decreased"]),
        .textList, .shapeList, .expression(variables: ["z", "a"]), .freeText
    ]

    static let pieces: [String] = [
        "0", "1", "9", ".", "e", "E", "-", "−", "+", "*", "/", "^", "%", "²", "³", "×", "·", "÷", "(", ")", "[", "]",
        "{", "}", ",", ";", " ", "x", "by", "n", "a", "z", "ln", "log", "tanh", "sech²", "σ", "π", "pi", "diag",
        "round", "sqrt", "min", "\"", "<", "=", "!", "and", "not", "vector", "scalar", "node", "1e308", "9^9",
        "\u{0}", "\u{7F}", "é", "🙂", "\u{301}", "\t", "\n", "_", "@", "#", "'"
    ]

    @Test func randomStringsNeverCrash() {
        var g = SeededGenerator(seed: 20_261_129)
        var valid = 0
        for _ in 0..<4000 {
            var s = ""
            let n = Int(g.below(24))
            for _ in 0..<n { s += SafetyTests.pieces[Int(g.below(UInt64(SafetyTests.pieces.count)))] }
            for kind in SafetyTests.kinds {
                let state = AnswerReader.read(s, as: kind)
                if case .valid = state { valid += 1 }
                if case .invalid(let column, let reason) = state {
                    #expect(column >= 1 && column <= s.unicodeScalars.count + 1, "\(s)")
                    #expect(reason.hasSuffix(".") && !reason.isEmpty)
                }
            }
            _ = Grader.grade(input: s, kind: .vector, expected: .vector([1, 2]), rule: .decimals(2))
            _ = Grader.grade(
                input: s, kind: .expression(variables: ["z", "a"]), expected: .text("1 - tanh(z)^2"), rule: .exact,
                definitions: ["a": "tanh(z)"])
            if let e = try? Parser.parse(s, dialect: .random) {
                _ = try? Evaluator.evaluate(
                    e,
                    in: Environment(
                        variables: ["n": .number(3), "a": .vector([1, 2])], dialect: .random, rng: RandomSource(seed: 1)))
            }
        }
        #expect(valid > 100) // the generator does produce readable inputs, so the test is not vacuous
    }

    @Test func randomScalarsNeverCrash() {
        var g = SeededGenerator(seed: 99)
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(g.below(40)) {
                let v = UInt32(g.below(g.below(2) == 0 ? 128 : 0x3000))
                if let c = Unicode.Scalar(v) { s.append(c) }
            }
            for kind in SafetyTests.kinds { _ = AnswerReader.read(String(s), as: kind) }
        }
    }

    @Test(arguments: [
        "9^9^9^9", "1e400", "-1e400", "2^1024", "exp(1000)", "10^-400*0", "1e308*10", "(1e308+1e308)/2",
        "0^-1", "ln(0)", "sqrt(-1)", "(-1)^0.5", "tanh(1e308)", "round(1, 99)", "log(0, 2)", "1/0 + ["
    ])
    func extremesAreReportedNotCrashed(text: String) {
        let state = AnswerReader.read(text, as: .number)
        switch state {
        case .valid(.number(let x), _): #expect(x.isFinite, "\(text)")
        case .invalid, .incomplete: break
        default: Issue.record("\(text): \(state)")
        }
    }

    @Test func hugeStructuresAreCapped() {
        let many = "[" + Array(repeating: "1", count: 240).joined(separator: ",") + "]"
        #expect(AnswerReader.read(many, as: .vector).value.map { if case .vector(let v) = $0 { v.count } else { 0 } } == 240)
        let bigDiag = "diag(" + Array(repeating: "1", count: 200).joined(separator: ",") + ")"
        #expect(AnswerReader.read(bigDiag, as: .matrix) == .invalid(column: 1, reason: "Too many entries (at most 10000)."))
        let deepBrackets = String(repeating: "[", count: 200)
        #expect(AnswerReader.read(deepBrackets, as: .vector) == .invalid(column: 33, reason: "The formula is nested too deeply."))
        let env = Environment(dialect: .content)
        for f in ["range(1, 1e9)", "fill(1e7, 1)", "bits(1e9)"] {
            let r = try? Evaluator.evaluate(Parser.parse(f, dialect: .content), in: env)
            #expect(r == nil, "\(f)")
        }
    }

    @Test func subnormalsDisplay() {
        #expect(Value.number(Double.leastNonzeroMagnitude).display == "4.94e-324")
        #expect(Value.number(-1e-300 / 1e10).display == "-1e-310")
    }
}
