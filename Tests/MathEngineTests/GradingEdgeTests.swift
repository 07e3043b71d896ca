import Testing

@testable import MathEngine

/// Edges found by testing the tutor: percentages without `%`, choices by key word, vectors as
/// columns or tuples, and shapes with an extra trailing `×1`.
struct GradingEdgeTests {
    // MARK: Percentages without the % sign

    /// Accuracy 4/6 with the step's own rule (abs 0.005, half a percentage point).
    static let accuracy = 4.0 / 6.0
    static let errorRate = Mistake(value: .number(1 - accuracy), explanation: "That is the error rate.")

    static func percentStep(_ typed: String, percent: Bool = true, carried: [Value] = []) -> Verdict {
        Grader.grade(
            input: typed, kind: .number, expected: .number(accuracy), rule: .absolute(0.005),
            mistakes: [errorRate], carried: carried, percent: percent)
    }

    @Test(arguments: ["67", "66.7", "66.67", "66.2", " 67 ", "200/3"])
    func aProportionTypedAsAPercentageIsReadAsOne(typed: String) {
        let v = Self.percentStep(typed)
        #expect(v == .correctAlternative(note: "read as a percentage"), "\(typed)")
        #expect(v.message == "Correct (read as a percentage).")
    }

    @Test func thePercentSignAndTheProportionStillGradeAsBefore() {
        #expect(Self.percentStep("67%") == .correct)
        #expect(Self.percentStep("0.67") == .correct)
        #expect(Self.percentStep("4/6") == .correct)
    }

    @Test func halfAPercentagePointIsTheLimitAsWithTheSign() {
        // 66.1 is 0.0057 away from 2/3: wrong with or without the sign.
        #expect(!Self.percentStep("66.1").isCorrect)
        #expect(!Self.percentStep("66.1%").isCorrect)
        #expect(!Self.percentStep("68").isCorrect)
    }

    @Test func onlyStepsMarkedAsProportionsReadPercentages() {
        #expect(Self.percentStep("67", percent: false) == .incorrect(mistakes: [], wrongEntries: [], reason: nil))
    }

    @Test func aTypedPercentSignIsNeverDividedTwice() {
        #expect(!Self.percentStep("6700%").isCorrect)
    }

    @Test func aMistakeTypedAsAPercentageIsNamed() {
        #expect(Self.percentStep("33") == .incorrect(mistakes: [Self.errorRate], wrongEntries: [], reason: nil))
    }

    @Test func carriedForwardAlsoReadsPercentages() {
        #expect(Self.percentStep("75", carried: [.number(0.75)]) == .carriedForward)
    }

    // MARK: Choices by key word

    static let fixes = [
        "replace tanh by Leaky ReLU", "replace tanh by plain ReLU", "replace tanh by the sigmoid",
        "use a larger learning rate"
    ]
    static let architectures = ["the deep network (3 layers of 8 nodes)", "the shallow network (one hidden layer of 26 nodes)"]

    @Test(arguments: [
        ("leaky relu", 0), ("Leaky ReLU", 0), ("LEAKY", 0), ("leaky-relu", 0), ("plain", 1), ("sigmoid", 2), ("Sigmoid", 2),
        ("larger learning rate", 3), ("learning", 3)
    ])
    func choosesAnOptionByAKeyWord(typed: String, index: Int) {
        #expect(AnswerReader.read(typed, as: .choice(Self.fixes)).value == .text(Self.fixes[index]), "\(typed)")
    }

    @Test func deepAndShallowPickTheirNetworkWhateverTheOrder() {
        for options in [Self.architectures, Self.architectures.reversed()] {
            #expect(AnswerReader.read("deep", as: .choice(options)).value == .text(Self.architectures[0]))
            #expect(AnswerReader.read("Shallow", as: .choice(options)).value == .text(Self.architectures[1]))
        }
    }

    @Test func aKeyWordMayBeThePrefixOfAWord() {
        let options = ["the weights on age in all the category scores", "the biases of all the category scores"]
        #expect(AnswerReader.read("bias", as: .choice(options)).value == .text(options[1]))
    }

    @Test func aKeyWordThatFitsSeveralOptionsNamesThemByLetter() {
        let state = AnswerReader.read("tanh", as: .choice(Self.fixes))
        #expect(
            state
                == .invalid(
                    column: 1,
                    reason:
                        "'tanh' fits more than one option: a) replace tanh by Leaky ReLU, b) replace tanh by plain ReLU and c) replace tanh by the sigmoid; type its letter."
                ))
        // Shuffled options: the letters follow the order shown.
        let shuffled = [Self.fixes[3], Self.fixes[1], Self.fixes[2], Self.fixes[0]]
        guard case .invalid(_, let reason) = AnswerReader.read("tanh", as: .choice(shuffled)) else {
            Issue.record("expected invalid")
            return
        }
        #expect(
            reason.contains("b) replace tanh by plain ReLU, c) replace tanh by the sigmoid and d) replace tanh by Leaky ReLU"))
        // `relu` is a whole word of both ReLU options, but it names plain ReLU: "Leaky" is a word of its own.
        #expect(AnswerReader.read("relu", as: .choice(shuffled)).value == .text(Self.fixes[1]))
        #expect(AnswerReader.read("d", as: .choice(shuffled)).value == .text(Self.fixes[0]))
    }

    @Test func phrasesSeparatedByCommasMayComeInAnyOrder() {
        let options = [
            "loss increased, accuracy increased", "loss increased, accuracy decreased",
            "loss decreased, accuracy increased", "loss decreased, accuracy decreased"
        ]
        #expect(AnswerReader.read("accuracy increased, loss decreased", as: .choice(options)).value == .text(options[2]))
        #expect(AnswerReader.read("both increased", as: .choice(options)).value == nil)
    }

    @Test func aBareNumberIsAnOptionNumberNotAKeyWord() {
        guard case .invalid(_, let reason) = AnswerReader.read("3", as: .choice(Self.architectures)) else {
            Issue.record("expected invalid")
            return
        }
        #expect(reason.hasPrefix("Choose one of: a) the deep network"))
    }

    // MARK: Vectors as columns and tuples

    @Test(arguments: [
        "[0.97; 0.91; 0.51]", "(0.97, 0.91, 0.51)", "( 0.97 , 0.91, 0.51 ) ", "0.97; 0.91; 0.51", "(0.97; 0.91; 0.51)"
    ])
    func vectorsTakeColumnsAndTuples(typed: String) {
        #expect(AnswerReader.read(typed, as: .vector).value == .vector([0.97, 0.91, 0.51]), "\(typed)")
    }

    @Test func aTupleKeepsItsColumnsAndWaitsForItsParenthesis() {
        #expect(AnswerReader.read("(1, 2", as: .vector) == .incomplete("Close the '(' from column 1."))
        #expect(AnswerReader.read("(1, 2, x)", as: .vector) == .invalid(column: 8, reason: "Unknown name 'x'."))
        // Parentheses around one entry are still arithmetic.
        #expect(AnswerReader.read("(0.97), 0.91", as: .vector).value == .vector([0.97, 0.91]))
    }

    @Test func aColumnStaysAMatrixForAMatrixStep() {
        #expect(AnswerReader.read("[1; 2]", as: .matrix).value == .matrix([[1], [2]]))
    }

    // MARK: Shapes with an extra trailing ×1

    @Test func aMatrixShapeWithATrailingOneIsAnotherRank() {
        let v = Grader.grade(input: "256x1025x1", kind: .shape, expected: .shape([256, 1025]), rule: .exact)
        #expect(!v.isCorrect)
        #expect(v.message == "Not quite. 256×1025×1 is a rank-3 shape; the answer has rank 2.")
        #expect(
            Grader.grade(input: "4x8x1", kind: .shape, expected: .shape([4, 8]), rule: .exact).message
                == "Not quite. 4×8×1 is a rank-3 shape; the answer has rank 2.")
    }

    @Test func vectorAndScalarShapesKeepTheirTrailingOnes() {
        #expect(Grader.grade(input: "257x1", kind: .shape, expected: .shape([257]), rule: .exact) == .correct)
        #expect(Grader.grade(input: "257", kind: .shape, expected: .shape([257, 1]), rule: .exact) == .correct)
        #expect(Grader.grade(input: "1x1", kind: .shape, expected: .shape([]), rule: .exact) == .correct)
        #expect(!Grader.grade(input: "257x1x1", kind: .shape, expected: .shape([257]), rule: .exact).isCorrect)
    }

    @Test func aShapeListNamesTheShapeOfAnotherRank() {
        let expected = Value.list([.shape([8, 20]), .shape([8, 9]), .shape([3, 9])])
        let v = Grader.grade(input: "8x20, 8x9x1, 3x9", kind: .shapeList, expected: expected, rule: .exact)
        #expect(
            v
                == .incorrect(
                    mistakes: [], wrongEntries: [.entry(1)],
                    reason: "Shape 2, 8×9×1, is a rank-3 shape; the answer there has rank 2."))
        #expect(
            Grader.grade(input: "8x20, 8x10, 3x9", kind: .shapeList, expected: expected, rule: .exact).message
                == "Not quite: entry 2 is wrong.")
    }
}
