import Testing

@testable import MathEngine

struct GraderTests {
    static let q3Mistakes = [
        Mistake(id: "eight-hidden", value: .number(691), explanation: "You counted 8 hidden layers; an 8-layer network has 7."),
        Mistake(id: "six-hidden", value: .number(547), explanation: "You also subtracted an input layer."),
        Mistake(id: "no-bias", value: .number(560), explanation: "You left out the biases.")
    ]

    @Test func correctAnswerInAnyForm() {
        for typed in ["619", "8*20 + 6*8*9 + 3*9", "8×20 + 6×(8×9) + 3×9"] {
            let v = Grader.grade(
                input: typed, kind: .integer, expected: .number(619), rule: .exact, mistakes: GraderTests.q3Mistakes)
            #expect(v == .correct)
            #expect(v.isCorrect && v.message == "Correct.")
        }
    }

    @Test func namedMistake() {
        let v = Grader.grade(input: "691", kind: .integer, expected: .number(619), rule: .exact, mistakes: GraderTests.q3Mistakes)
        #expect(v == .incorrect(mistakes: [GraderTests.q3Mistakes[0]], wrongEntries: [], reason: nil))
        #expect(v.message == "Not quite. You counted 8 hidden layers; an 8-layer network has 7.")
        #expect(!v.isCorrect)
    }

    @Test func severalMistakesAreAllNamed() {
        let ms = [
            Mistake(value: .shape([4, 7]), explanation: "You forgot the bias column."),
            Mistake(value: .shape([4, 7]), explanation: "you did not one-hot encode gender"),
            Mistake(value: .shape([8, 4]), explanation: "Transposed.")
        ]
        let v = Grader.grade(input: "4 x 7", kind: .shape, expected: .shape([4, 8]), rule: .exact, mistakes: ms)
        #expect(v == .incorrect(mistakes: Array(ms.prefix(2)), wrongEntries: [], reason: nil))
        #expect(
            v.message
                == "This matches more than one common mistake: You forgot the bias column; or you did not one-hot encode gender.")
    }

    @Test func correctBeatsAMistakeWithTheSameValue() {
        let v = Grader.grade(
            input: "0.5", kind: .number, expected: .number(0.5), rule: .exact,
            mistakes: [Mistake(value: .number(0.5), explanation: "Error rate.")])
        #expect(v == .correct)
    }

    @Test func alternatives() {
        let alt = [Alternative(value: .number(50), note: "read as a percentage")]
        for typed in ["2/4", "1/2", "0.5", "50%"] {
            #expect(
                Grader.grade(input: typed, kind: .number, expected: .number(0.5), rule: .exact, alternatives: alt) == .correct)
        }
        let v = Grader.grade(input: "50", kind: .number, expected: .number(0.5), rule: .exact, alternatives: alt)
        #expect(v == .correctAlternative(note: "read as a percentage"))
        #expect(v.message == "Correct (read as a percentage).")
        #expect(v.isCorrect)
    }

    @Test func carriedForward() {
        // Q3(b) with a student who said 691 in (a): floor((691-3)/23) = 29.
        let v = Grader.grade(
            input: "29", kind: .integer, expected: .number(26), rule: .exact,
            mistakes: [Mistake(value: .number(27), explanation: "Rounded up.")], carried: [.number(29)])
        #expect(v == .carriedForward)
        #expect(v.isCorrect)
        #expect(v.message == "Correct, given your earlier answer (error carried forward).")
    }

    @Test func wrongEntriesOfAVector() {
        let v = Grader.grade(
            input: "[0.97, 0.09, 0.51, 0.96]", kind: .vector, expected: .vector([0.97, 0.91, 0.51, 0.96]), rule: .absolute(0.005))
        #expect(v == .incorrect(mistakes: [], wrongEntries: [.entry(1)], reason: nil))
        #expect(v.message == "Not quite: entry 2 is wrong.")
        let w = Grader.grade(
            input: "0.97, 0.09, 0.51, 0.04", kind: .vector, expected: .vector([0.97, 0.91, 0.51, 0.96]), rule: .absolute(0.005),
            mistakes: [
                Mistake(
                    value: .vector([0.97, 0.09, 0.51, 0.04]), explanation: "You copied the printed values; convert the 1−σ lines."
                )
            ])
        #expect(w.message == "Not quite. You copied the printed values; convert the 1−σ lines.")
        let x = Grader.grade(input: "[1, 0, 0, 1]", kind: .vector, expected: .vector([1, 1, 1, 1]), rule: .exact)
        #expect(x.message == "Not quite: entries 2 and 3 are wrong.")
    }

    @Test func wrongCellsOfAMatrix() {
        let exact = Value.matrix([[8.24e-9, 0], [0, 0.419974]])
        let v = Grader.grade(input: "[0 0.1; 0 0.42]", kind: .matrix, expected: exact, rule: .decimals(2))
        #expect(v == .incorrect(mistakes: [], wrongEntries: [.cell(row: 0, column: 1)], reason: nil))
        #expect(v.message == "Not quite: entry (1, 2) is wrong.")
    }

    @Test func sizeMismatchReasons() {
        let v = Grader.grade(input: "[1, 2, 3]", kind: .vector, expected: .vector([1, 2, 3, 4]), rule: .exact)
        #expect(v == .incorrect(mistakes: [], wrongEntries: [], reason: "Expected 4 entries, got 3."))
        #expect(v.message == "Not quite. Expected 4 entries, got 3.")
        let m = Grader.grade(
            input: "[0, 0.42, 0, 0.42]", kind: .matrix, expected: .matrix([[0, 0], [0, 0.42]]), rule: .decimals(2))
        #expect(m.message == "Not quite. Expected a matrix, got a vector.")
        let l = Grader.grade(
            input: "gender, age", kind: .textList, expected: .list([.text("genderfemale"), .text("gendermale"), .text("age")]),
            rule: .exact)
        #expect(l.message == "Not quite. Not the right number of items (you gave 2 items).")
    }

    @Test func q5JacobianDiagonalAloneIsAnAlternative() {
        let exact = Value.matrix([[8.24e-9, 0, 0, 0], [0, 0.419974, 0, 0], [0, 0, 8.24e-9, 0], [0, 0, 0, 0.419974]])
        let alt = [
            Alternative(value: .vector([8.24e-9, 0.419974, 8.24e-9, 0.419974]), note: "the full object is the diagonal matrix")
        ]
        #expect(
            Grader.grade(
                input: "diag(0.00, 0.42, 0.00, 0.42)", kind: .matrix, expected: exact, rule: .decimals(2), alternatives: alt)
                == .correct)
        #expect(
            Grader.grade(input: "[0 0 0 0; 0 0.42 0 0; 0 0 0 0; 0 0 0 0.42]", kind: .matrix, expected: exact, rule: .decimals(2))
                == .correct)
        #expect(
            Grader.grade(input: "[0.00, 0.42, 0.00, 0.42]", kind: .matrix, expected: exact, rule: .decimals(2), alternatives: alt)
                == .correctAlternative(note: "the full object is the diagonal matrix"))
    }

    @Test func setsShapesChoicesTexts() {
        for typed in ["{1, 3}", "3, 1", "nodes 1 and 3", "3 1"] {
            #expect(Grader.grade(input: typed, kind: .set, expected: .set([1, 3]), rule: .exact) == .correct)
        }
        let relu = Mistake(value: .set([1, 4]), explanation: "ReLU intuition: negative z is not what saturates tanh.")
        #expect(
            Grader.grade(input: "{4, 1}", kind: .set, expected: .set([1, 3]), rule: .exact, mistakes: [relu]).message
                == "Not quite. ReLU intuition: negative z is not what saturates tanh.")
        for typed in ["257", "257x1", "(257,)", "(257,1)", "257-vector"] {
            #expect(Grader.grade(input: typed, kind: .shape, expected: .shape([257]), rule: .exact) == .correct)
        }
        #expect(!Grader.grade(input: "1x257", kind: .shape, expected: .shape([257]), rule: .exact).isCorrect)
        for typed in ["scalar", "1", "()", "1x1"] {
            #expect(Grader.grade(input: typed, kind: .shape, expected: .shape([]), rule: .exact) == .correct)
        }
        #expect(
            Grader.grade(input: "inc", kind: .choice(["increased", "decreased"]), expected: .text("increased"), rule: .exact)
                == .correct)
        #expect(
            !Grader.grade(input: "b", kind: .choice(["increased", "decreased"]), expected: .text("increased"), rule: .exact)
                .isCorrect)
        let features = Value.list(
            ["genderfemale", "gendermale", "age", "weight", "BMI", "blood glucose", "total cholesterol"].map(Value.text))
        #expect(
            Grader.grade(
                input: "gender_female, Gender Male, age, weight, bmi, blood_glucose, total-cholesterol", kind: .textList,
                expected: features, rule: .exact) == .correct)
        let shapes = Value.list([[8, 20], [8, 9], [8, 9], [8, 9], [8, 9], [8, 9], [8, 9], [3, 9]].map(Value.shape))
        #expect(
            Grader.grade(input: "8x20, 8x9, 8x9, 8x9, 8x9, 8x9, 8x9, 3x9", kind: .shapeList, expected: shapes, rule: .exact)
                == .correct)
    }

    @Test func invalidAndIncompleteSubmissions() {
        #expect(
            Grader.grade(input: "2 + foo", kind: .number, expected: .number(1), rule: .exact)
                == .invalid(column: 5, reason: "Unknown name 'foo'."))
        #expect(
            Grader.grade(input: "(2+3", kind: .number, expected: .number(5), rule: .exact)
                == .invalid(column: 5, reason: "Close the '(' from column 1."))
        #expect(
            Grader.grade(input: " ", kind: .number, expected: .number(5), rule: .exact)
                == .invalid(column: 1, reason: "Type an answer first."))
        #expect(Grader.grade(input: "1/0", kind: .number, expected: .number(5), rule: .exact).message == "Division by zero.")
    }

    @Test func q1MeanLossAtTwoDecimals() {
        let ln = Mistake(value: .number(1.0142), explanation: "That is the natural log; use log base 10.")
        for typed in ["0.44", "0.440", "0.4405", "(0.0132+0.0410+0.3098+1.3979)/4"] {
            #expect(
                Grader.grade(input: typed, kind: .number, expected: .number(0.440483), rule: .decimals(2), mistakes: [ln])
                    == .correct)
        }
        #expect(!Grader.grade(input: "0.45", kind: .number, expected: .number(0.440483), rule: .decimals(2)).isCorrect)
        #expect(
            Grader.grade(input: "1.01", kind: .number, expected: .number(0.440483), rule: .decimals(2), mistakes: [ln])
                == .incorrect(mistakes: [ln], wrongEntries: [], reason: nil))
    }
}
