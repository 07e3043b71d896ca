import Testing

@testable import MathEngine

struct ContentDialectTests {
    func eval(_ text: String, _ vars: [String: Value] = [:]) throws -> Value {
        try Evaluator.evaluate(Parser.parse(text, dialect: .content), in: Environment(variables: vars, dialect: .content))
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try eval("3 < 4") == .number(1))
        #expect(try eval("3 >= 4") == .number(0))
        #expect(try eval("2 == 2 and not (1 != 1)") == .number(1))
        #expect(try eval("0 or 0") == .number(0))
        #expect(try eval("[1, 5, 2] > 1.5") == .vector([0, 1, 1]))
        #expect(try eval("\"a\" == \"a\"") == .number(1))
        #expect(try eval("0 and 1/0") == .number(0)) // short-circuit
    }

    @Test func broadcasting() throws {
        #expect(try eval("1 - a^2", ["a": .vector([0, 0.5])]) == .vector([1, 0.75]))
        #expect(try eval("[1, 2] + [10, 20]") == .vector([11, 22]))
        #expect(try eval("2 * [[1, 0], [0, 1]]") == .matrix([[2, 0], [0, 2]]))
        #expect(throws: EngineError(column: 8, message: "Vectors of lengths 2 and 3 cannot be combined.")) {
            try self.eval("[1, 2] + [1, 2, 3]")
        }
    }

    @Test func literals() throws {
        #expect(try eval("[\"a\", \"b\"]") == .list([.text("a"), .text("b")]))
        #expect(try eval("[[1, 0], [0, 1]]") == .matrix([[1, 0], [0, 1]]))
    }

    @Test func q1Formulas() throws {
        let sigma = Value.vector([0.97, 0.91, 0.51, 0.96]), y = Value.vector([1, 1, 0, 0])
        let p = try eval("y*s + (1-y)*(1-s)", ["y": y, "s": sigma])
        guard case .vector(let pv) = p else {
            Issue.record("not a vector")
            return
        }
        #expect(zip(pv, [0.97, 0.91, 0.49, 0.04]).allSatisfy { abs($0 - $1) < 1e-12 })
        guard case .number(let loss) = try eval("mean(-log10(p))", ["p": p]) else {
            Issue.record("not a number")
            return
        }
        #expect(abs(loss - 0.440483) < 1e-6)
        #expect(try eval("mean((s > 0.5) == y)", ["s": sigma, "y": y]) == .number(0.5))
        #expect(try eval("if(s > 0.5, 1, 0)", ["s": sigma]) == .vector([1, 1, 1, 1]))
        #expect(try eval("argmax([0.1, 0.5, 0.2])") == .number(2))
        #expect(try eval("argmin([0.1, 0.5, 0.05])") == .number(3))
    }

    @Test func q3Formulas() throws {
        #expect(try eval("dense_params([19, 8, 8, 8, 8, 8, 8, 8, 3])") == .number(619))
        #expect(try eval("dense_params(vec(19, fill(7, 8), 3))") == .number(619))
        let vars: [String: Value] = ["n_in": .number(19), "h": .number(8), "L": .number(8), "C": .number(3)]
        #expect(try eval("h*(n_in+1) + (L-2)*h*(h+1) + C*(h+1)", vars) == .number(619))
        #expect(try eval("floor((a_total - 3)/23)", ["a_total": .number(619)]) == .number(26))
        #expect(try eval("frac(616/23) >= 0.5") == .number(1))
        #expect(try eval("dense_params([19, 26, 3])") == .number(601))
    }

    @Test func q4AndQ5Formulas() throws {
        #expect(try eval("shape(256, 1025)") == .shape([256, 1025]))
        #expect(try eval("shape([3, 257])") == .shape([3, 257]))
        #expect(try eval("shape()") == .shape([]))
        #expect(try eval("indices(abs(z) >= 4)", ["z": .vector([-10, 1, 10, -1])]) == .set([1, 3]))
        #expect(try eval("set(3, 1, 3)") == .set([1, 3]))
        #expect(try eval("set([4, 1])") == .set([1, 4]))
        #expect(try eval("diag(1 - tanh(z)^2)", ["z": .vector([0, 0])]) == .matrix([[1, 0], [0, 1]]))
        #expect(try eval("if(z < 0, 0.01, 1)", ["z": .vector([-10, 1])]) == .vector([0.01, 1]))
    }

    @Test func listHelpers() throws {
        #expect(try eval("range(2, 5)") == .vector([2, 3, 4, 5]))
        #expect(try eval("len(range(1, 7))") == .number(7))
        #expect(try eval("at([5, 6, 7], 2)") == .number(6))
        #expect(try eval("at([\"a\", \"b\"], 2)") == .text("b"))
        #expect(
            try eval("prefix_each(\"gender\", [\"female\", \"male\"])") == .list([.text("genderfemale"), .text("gendermale")]))
        #expect(
            try eval("insert([\"age\", \"bmi\"], 1, prefix_each(\"gender\", [\"female\", \"male\"]))")
                == .list(["genderfemale", "gendermale", "age", "bmi"].map(Value.text)))
        #expect(try eval("insert([1, 2], 3, 9)") == .vector([1, 2, 9]))
        #expect(try eval("concat(\"gender\", \"male\")") == .text("gendermale"))
        #expect(try eval("concat([1], [2, 3], 4)") == .vector([1, 2, 3, 4]))
        #expect(try eval("concat([\"a\"], [\"b\"])") == .list([.text("a"), .text("b")]))
        #expect(try eval("sort([\"b\", \"a\"])") == .list([.text("a"), .text("b")]))
        #expect(try eval("sort([3, 1, 2])") == .vector([1, 2, 3]))
        #expect(try eval("sum([1, 2, 3]) + prod([2, 3]) + mean([1, 3])") == .number(14))
        #expect(try eval("fill(2, \"x\")") == .list([.text("x"), .text("x")]))
    }

    @Test func contentErrors() {
        #expect(throws: EngineError(column: 1, message: "Index 4 is out of range 1...3.")) { try self.eval("at([1, 2, 3], 4)") }
        #expect(throws: EngineError(column: 1, message: "Unknown name 'nope'.")) { try self.eval("nope + 1") }
        #expect(throws: EngineError(column: 1, message: "'randint' needs a random seed, which only parameter variants have.")) {
            try Evaluator.evaluate(Parser.parse("randint(1, 2)", dialect: .random), in: Environment(dialect: .random))
        }
        #expect(throws: EngineError(column: 5, message: "Cannot use '+' with a text.")) { try self.eval("\"a\" + 1") }
    }
}
