import Testing

@testable import MathEngine

/// Answers as students type them around the value: calculations in shape steps, labels, decimal
/// commas, thousands separators, words, Greek names, and what each refused form is told to type.
struct TypedFormsTests {
    /// The reason of an invalid reading ("" when the text reads).
    func reason(_ text: String, _ kind: AnswerKind) -> String {
        if case .invalid(_, let reason) = AnswerReader.read(text, as: kind) { return reason }
        return ""
    }

    @Test(arguments: [
        ("32*32+1", 1025), ("32*32*3+1", 3073), ("1024*3+1", 3073), ("(32*32+1)", 1025), ("(32*32)+1", 1025),
        ("32 × 32 + 1", 1025), ("16·16 + 1", 257), ("257", 257), ("7+1", 8)
    ])
    func aCalculationIsANumberInAVectorLengthStep(text: String, n: Int) {
        #expect(AnswerReader.read(text, as: .vectorLength).value == .shape([n]), "\(text)")
    }

    @Test func theVectorLengthPreviewSaysWhichReadingItTook() {
        let state = AnswerReader.read("32*32+1", as: .vectorLength)
        #expect(state == .valid(.shape([1025]), preview: "= 1025 (read as a calculation, not as the shape 32×33)"))
        let shape = AnswerReader.read("32*32+1", as: .shape)
        #expect(shape == .valid(.shape([32, 33]), preview: "= 32×33 (read as a shape, not as the calculation 1025)"))
        #expect(AnswerReader.read("256x1025", as: .shape) == .valid(.shape([256, 1025]), preview: "= 256×1025"))
    }

    @Test(arguments: [("1×257", [1, 257]), ("257x1", [257, 1]), ("1*257", [1, 257]), ("(257,)", [257]), ("scalar", [])])
    func rowsColumnsAndShapeFormsStayShapesInAVectorLengthStep(text: String, dims: [Int]) {
        #expect(AnswerReader.read(text, as: .vectorLength).value == .shape(dims), "\(text)")
    }

    @Test func theGraderTriesTheReadingOfTheStepsRank() {
        let length = Grader.grade(input: "32*32+1", kind: .vectorLength, expected: .shape([1025]), rule: .exact)
        #expect(length == .correct)
        let matrix = Grader.grade(input: "256*1025", kind: .shape, expected: .shape([256, 1025]), rule: .exact)
        #expect(matrix == .correct)
    }

    @Test(arguments: [
        ("n=26", AnswerKind.integer, Value.number(26)), ("L = 0.44", .number, .number(0.44)),
        ("acc_k = 3/4", .number, .number(0.75)), ("W^[1] = 256x1025", .shape, .shape([256, 1025])),
        ("x_B = 1025", .vectorLength, .shape([1025])), ("a = [0.1, 0.2]", .vector, .vector([0.1, 0.2])),
        ("ŷ = 0.5", .number, .number(0.5)), ("P(n) = 23n + 3", .expression(variables: ["n"]), .text("23n + 3"))
    ])
    func aLabelBeforeTheValueIsReadPast(text: String, kind: AnswerKind, value: Value) {
        let state = AnswerReader.read(text, as: kind)
        #expect(state.value == value, "\(text)")
        if case .valid(_, let preview) = state { #expect(preview.contains("(the value of "), "\(text): \(preview)") }
    }

    @Test func aComparisonIsStillNoLabel() {
        #expect(reason("2 <= 3", .number) == "Comparisons are not available in answers.")
        #expect(reason("1 + 1 = 2", .number) == "Comparisons are not available in answers.")
    }

    @Test func everyRefusedFormSaysWhatToTypeInstead() {
        #expect(reason("0,44", .number) == "Use a decimal point: 0.44.")
        #expect(reason("-1,5", .number) == "Use a decimal point: -1.5.")
        #expect(reason("1,695", .integer) == "Write 1695 without separators.")
        #expect(reason("263 171", .integer) == "Write 263171 without separators.")
        #expect(reason("262,915", .number) == "Write 262915 without separators.")
        #expect(reason("[0,97; 0,91; 0,49]", .vector).hasPrefix("Use a decimal point: 0.97"))
        #expect(reason("0,97, 0,91", .vector).hasPrefix("Use a decimal point: 0.97"))
        #expect(reason("4 × 8 matrix", .shape) == "Write it as 4x8.")
        #expect(reason("4-by-8", .shape) == "Write it as 4x8.")
        #expect(reason("4 rows 8 cols", .shape) == "Write it as 4x8.")
        #expect(reason("a scalar", .shape) == "Write it as scalar.")
        #expect(reason("2 out of 4", .number) == "Write it as a number, e.g. 2/4.")
        #expect(reason("50%%", .number) == "Type one '%', e.g. 50%.")
    }

    @Test func listsWithCommasAreNotDecimalCommas() {
        #expect(AnswerReader.read("0.97, 0.91", as: .vector).value == .vector([0.97, 0.91]))
        #expect(AnswerReader.read("1, 2", as: .set).value == .set([1, 2]))
        #expect(reason("0.44", .number) == "")
    }

    @Test func greekNamesAreReadAsTheSymbols() {
        let kind = AnswerKind.expression(variables: ["z", "a"])
        #expect(AnswerReader.read("sigma(z)*(1-sigma(z))", as: kind).value == .text("σ(z)*(1-σ(z))"))
        let viaName = Grader.grade(
            input: "sigma(z)*(1-sigma(z))", kind: kind, expected: .text("1 - tanh(z)^2"), rule: .exact,
            mistakes: [Mistake(value: .text("σ(z)(1 − σ(z))"), explanation: "sigmoid")],
            definitions: ["z": "z", "a": "tanh(z)"])
        #expect(
            viaName
                == .incorrect(
                    mistakes: [Mistake(value: .text("σ(z)(1 − σ(z))"), explanation: "sigmoid")], wrongEntries: [], reason: nil))
        #expect(AnswerReader.read("tau + 1", as: .expression(variables: ["τ"])).value == .text("τ + 1"))
        #expect(reason("sigmoid(0)", .number) == "")
    }

    @Test func aCopiedOptionWithItsLetterIsThatOption() throws {
        let options = [
            "loss increased, accuracy increased", "loss increased, accuracy decreased", "loss decreased, accuracy increased",
            "loss decreased, accuracy decreased"
        ]
        #expect(AnswerReader.read("d) loss increased, accuracy increased", as: .choice(options)).value == .text(options[0]))
        #expect(AnswerReader.read("(c) loss decreased, accuracy increased", as: .choice(options)).value == .text(options[2]))
        #expect(reason("a, d", .choice(options)) == "Choose one option, not a and d.")
    }

    @Test func aWholeKeyWordOfOneOptionChoosesIt() {
        let options = [
            "replace tanh by Leaky ReLU", "replace tanh by plain ReLU", "replace tanh by the sigmoid",
            "use a larger learning rate"
        ]
        #expect(AnswerReader.read("ReLU", as: .choice(options)).value == .text(options[1]))
        #expect(AnswerReader.read("relu", as: .choice(options)).value == .text(options[1]))
        #expect(AnswerReader.read("leaky relu", as: .choice(options)).value == .text(options[0]))
        #expect(AnswerReader.read("sigmoid", as: .choice(options)).value == .text(options[2]))
    }

    @Test func concatOfWordsAndNumbersIsOneSentence() throws {
        let e = try Parser.parse("concat(\"row \", 2, \", column \", 8, \", the \", ordinal(18), \" entry\")", dialect: .content)
        let v = try Evaluator.evaluate(e, in: Environment(dialect: .content))
        #expect(v == .text("row 2, column 8, the 18th entry"))
        let numbers = try Evaluator.evaluate(
            try Parser.parse("concat(1, [2, 3])", dialect: .content), in: Environment(dialect: .content))
        #expect(numbers == .vector([1, 2, 3]))
    }

    @Test func layerSizesGiveWeightShapesAndTheirCount() throws {
        let env = Environment(dialect: .content)
        let shapes = try Evaluator.evaluate(try Parser.parse("weight_shapes([19, 8, 8, 3])", dialect: .content), in: env)
        #expect(shapes == .list([.shape([8, 20]), .shape([8, 9]), .shape([3, 9])]))
        let count = try Evaluator.evaluate(
            try Parser.parse("shape_params(weight_shapes([19, 8, 8, 3]))", dialect: .content), in: env)
        let expected: Double = 8 * 20 + 8 * 9 + 3 * 9
        #expect(count == .number(expected))
        #expect(throws: EngineError.self) {
            try Evaluator.evaluate(try Parser.parse("weight_shapes([19, -2, 3])", dialect: .content), in: env)
        }
    }
}

/// Decimal commas among entries are told apart from the commas that separate entries.
struct DecimalCommaEntriesTests {
    @Test func aMatrixWithTightCommasStaysAMatrix() {
        #expect(AnswerReader.read("[1,2; 3,4]", as: .matrix).value == .matrix([[1, 2], [3, 4]]))
        #expect(AnswerReader.read("[1,0,1]", as: .vector).value == .vector([1, 0, 1]))
    }
}
