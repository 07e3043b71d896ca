import Testing

@testable import MathEngine

/// Accepted forms per answer kind, as the grading scheme lists them.
struct KindReadingTests {
    @Test(
        arguments: [
            ("256x1025", [256, 1025]), ("256 × 1025", [256, 1025]), ("256 X 1025", [256, 1025]),
            ("(256, 1025)", [256, 1025]), ("[256, 1025]", [256, 1025]), ("256 by 1025", [256, 1025]),
            ("4x8", [4, 8]), ("4 × 8", [4, 8]), ("(4, 8)", [4, 8]), ("[4,8]", [4, 8]), ("4 by 8", [4, 8]),
            ("257", [257]), ("257x1", [257, 1]), ("(257,)", [257]), ("(257,1)", [257, 1]),
            ("257-vector", [257]), ("257 vector", [257]), ("scalar", []), ("Scalar", []), ("1", [1]),
            ("()", []), ("1x1", [1, 1]), ("1×1", [1, 1]), ("(7+1)x9", [8, 9]), ("8 x (8+1)", [8, 9]),
            (" 3 × 257 ", [3, 257])
        ] as [(String, [Int])])
    func readsShapes(text: String, dims: [Int]) {
        #expect(AnswerReader.read(text, as: .shape).value == .shape(dims), "\(text)")
    }

    @Test func shapePreview() {
        #expect(AnswerReader.read("256x1025", as: .shape) == .valid(.shape([256, 1025]), preview: "= 256×1025"))
        #expect(AnswerReader.read("scalar", as: .shape) == .valid(.shape([]), preview: "= scalar"))
    }

    @Test(
        arguments: [
            ("[0, 0.42, 0, 0.42]", [0, 0.42, 0, 0.42]), ("0.97, 0.91, 0.51, 0.96", [0.97, 0.91, 0.51, 0.96]),
            ("[1 0 1]", [1, 0, 1]), ("1 0 1", [1, 0, 1]), ("[−1.00, 0.76, 1.00, −0.76]", [-1, 0.76, 1, -0.76]),
            ("[1 -1]", [1, -1]), ("[1 - 1]", [0]), ("[2/4, 1-0.25]", [0.5, 0.75]), ("[8.2e−9, 0.42]", [8.2e-9, 0.42]),
            ("5", [5]), ("[19, 8, 8, 8, 8, 8, 8, 8, 3]", [19, 8, 8, 8, 8, 8, 8, 8, 3]), ("[]", []),
            ("[1, 1, 0, 1]", [1, 1, 0, 1]), ("(0.97), 0.91", [0.97, 0.91])
        ] as [(String, [Double])])
    func readsVectors(text: String, entries: [Double]) {
        #expect(AnswerReader.read(text, as: .vector).value == .vector(entries), "\(text)")
    }

    @Test func vectorPreview() {
        #expect(AnswerReader.read("0.97, 0.91", as: .vector) == .valid(.vector([0.97, 0.91]), preview: "= [0.97, 0.91]"))
    }

    @Test(
        arguments: [
            ("[[1,0],[0,1]]", [[1, 0], [0, 1]]), ("[1 0; 0 1]", [[1, 0], [0, 1]]), ("[1, 0; 0, 1]", [[1, 0], [0, 1]]),
            ("1 0; 0 1", [[1, 0], [0, 1]]),
            ("diag(0, 0.42, 0, 0.42)", [[0, 0, 0, 0], [0, 0.42, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0.42]]),
            ("diag([1, 2])", [[1, 0], [0, 2]])
        ] as [(String, [[Double]])])
    func readsMatrices(text: String, rows: [[Double]]) {
        #expect(AnswerReader.read(text, as: .matrix).value == .matrix(rows), "\(text)")
    }

    @Test func matrixKindKeepsAPlainVectorForTheDiagonalAlternative() {
        #expect(AnswerReader.read("[0, 0.42, 0, 0.42]", as: .matrix).value == .vector([0, 0.42, 0, 0.42]))
    }

    @Test(arguments: ["{1, 3}", "1, 3", "1 3", "nodes 1 and 3", "{3, 1}", "node 3 and node 1", "3,1,1", "{1,3}", "Nodes 1 and 3"])
    func readsSetsInAnyOrder(text: String) {
        #expect(AnswerReader.read(text, as: .set) == .valid(.set([1, 3]), preview: "= {1, 3}"), "\(text)")
    }

    @Test(arguments: [
        ("a", "increased"), ("b", "decreased"), ("(b)", "decreased"), ("B", "decreased"), ("b)", "decreased"),
        ("inc", "increased"), ("Decreased", "decreased"), ("dec", "decreased"), ("1", "increased"), ("2", "decreased")
    ])
    func readsChoices(text: String, option: String) {
        #expect(AnswerReader.read(text, as: .choice(["increased", "decreased"])).value == .text(option), "\(text)")
    }

    @Test func choicePrefixWhenTheLetterIsOutOfRange() {
        #expect(AnswerReader.read("d", as: .choice(["deep", "shallow"])).value == .text("deep"))
        #expect(AnswerReader.read("sh", as: .choice(["deep", "shallow"])).value == .text("shallow"))
    }

    @Test func readsTextLists() {
        let typed = "genderfemale, gendermale, age, weight, BMI, blood glucose, total cholesterol"
        let state = AnswerReader.read(typed, as: .textList)
        #expect(
            state.value
                == .list(
                    ["genderfemale", "gendermale", "age", "weight", "BMI", "blood glucose", "total cholesterol"].map(Value.text)))
        #expect(AnswerReader.read("a; b", as: .textList).value == .list([.text("a"), .text("b")]))
        #expect(AnswerReader.read("[\"a\", 'b']", as: .textList).value == .list([.text("a"), .text("b")]))
        #expect(
            AnswerReader.read("age, bmi", as: .textList)
                == .valid(.list([.text("age"), .text("bmi")]), preview: "= age, bmi (2 items)"))
    }

    @Test(
        arguments: [
            ("8x20, 8x9, 3x9", [[8, 20], [8, 9], [3, 9]]), ("8×20; 8×9; 3×9", [[8, 20], [8, 9], [3, 9]]),
            ("(8, 20), (8, 9)", [[8, 20], [8, 9]]), ("[8,20],[3,9]", [[8, 20], [3, 9]]),
            ("8×20, 8×9 (×6), 3×9", [[8, 20], [8, 9], [8, 9], [8, 9], [8, 9], [8, 9], [8, 9], [3, 9]]),
            ("8x20, 8x9 (x2)", [[8, 20], [8, 9], [8, 9]]), ("(8, 9) (x 2)", [[8, 9], [8, 9]]),
            // As the key prints a list: one outer pair of brackets around the whole list.
            ("[8×20, 8×9, 3×9]", [[8, 20], [8, 9], [3, 9]]), ("[256, 1025]", [[256, 1025]])
        ] as [(String, [[Int]])])
    func readsShapeLists(text: String, shapes: [[Int]]) {
        #expect(AnswerReader.read(text, as: .shapeList).value == .list(shapes.map(Value.shape)), "\(text)")
    }

    @Test func readsExpressionsInDeclaredVariables() {
        #expect(
            AnswerReader.read("20n + 3(n+1)", as: .expression(variables: ["n"]))
                == .valid(.text("20n + 3(n+1)"), preview: "= 20*n + 3*(n + 1)"))
        #expect(AnswerReader.read("(1-a)(1+a)", as: .expression(variables: ["z", "a"])).value == .text("(1-a)(1+a)"))
        #expect(AnswerReader.read("20x", as: .expression(variables: ["n"])) == .invalid(column: 3, reason: "Unknown name 'x'."))
    }

    @Test func freeTextIsAnyNonEmptyText() {
        #expect(AnswerReader.read("  Loss went up. ", as: .freeText) == .valid(.text("Loss went up."), preview: ""))
        #expect(AnswerReader.read("   ", as: .freeText) == .empty)
    }
}
