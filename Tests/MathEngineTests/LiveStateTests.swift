import Testing

@testable import MathEngine

/// Partial and malformed input: the exact sentences and columns are frozen here.
struct LiveStateTests {
    @Test func emptyInput() {
        #expect(AnswerReader.read("", as: .number) == .empty)
        #expect(AnswerReader.read("   ", as: .shape) == .empty)
    }

    static let incomplete: [(String, AnswerKind, String)] = [
        ("2+", .number, "Type what comes after '+'."),
        ("3 *", .number, "Type what comes after '*'."),
        ("(2+3", .number, "Close the '(' from column 1."),
        ("2*(1+(3", .number, "Close the '(' from column 6."),
        ("4.4e", .number, "Finish the exponent after 'e'."),
        ("4.4e-", .number, "Finish the exponent after 'e'."),
        ("ln(", .number, "Type what comes after '('."),
        ("ln", .number, "Type the argument of 'ln' in parentheses."),
        ("[1, 2", .vector, "Close the '[' from column 1."),
        ("0.97, 0.91,", .vector, "Type what comes after ','."),
        ("[1 0;", .matrix, "Type what comes after ';'."),
        ("256x", .shape, "Type the next dimension."),
        ("256 b", .shape, "Type the next dimension."),
        ("(256, 1025", .shape, "Close the '(' from column 1."),
        ("{1, 3", .set, "Close the '{' from column 1."),
        ("genderfemale,", .textList, "Type the next item."),
        ("8x20,", .shapeList, "Type the next shape."),
        ("20n + 3(n+1", .expression(variables: ["n"]), "Close the '(' from column 8."),
        ("inc", .choice(["increased", "increases"]), "'inc' could be a) increased or b) increases.")
    ]

    @Test(arguments: incomplete)
    func incompleteInput(text: String, kind: AnswerKind, reason: String) {
        #expect(AnswerReader.read(text, as: kind) == .incomplete(reason))
    }

    static let invalid: [(String, AnswerKind, Int, String)] = [
        ("foo", .number, 1, "Unknown name 'foo'."),
        ("2 + foo", .number, 5, "Unknown name 'foo'."),
        ("2)", .number, 2, "Unexpected ')'."),
        ("1/0", .number, 2, "Division by zero."),
        ("1/(2-2)", .number, 2, "Division by zero."),
        ("9^9^9^9", .number, 4, "The result is too large."),
        ("sqrt(-1)", .number, 1, "The square root needs a number that is not negative."),
        ("ln(0)", .number, 1, "The logarithm needs a positive number."),
        ("log(-2)", .number, 1, "The logarithm needs a positive number."),
        ("log(8, 1)", .number, 1, "The base of a logarithm must be positive and not 1."),
        ("(-8)^(1/3)", .number, 5, "The result is not a real number."),
        ("dense_params([19, 8, 3])", .number, 1, "'dense_params' is not available in answers."),
        ("randint(1, 6)", .number, 1, "'randint' is not available in answers."),
        ("2 # 3", .number, 3, "Unexpected character '#'."), // '@' is the matrix product now
        ("log(1, 2, 3)", .number, 1, "'log' takes 1 or 2 arguments, not 3."),
        ("sqrt()", .number, 1, "'sqrt' takes 1 argument, not 0."),
        ("()", .number, 2, "Empty parentheses."),
        ("(1, 2)", .number, 3, "Use square brackets for a vector, e.g. [1, 2]."),
        ("2 3", .number, 3, "Unexpected '3'."),
        ("1 < 2", .number, 3, "Comparisons are not available in answers."),
        ("\"a\"", .number, 1, "Text in quotes is not available in answers."),
        ("[1, 2]", .number, 1, "Expected a single number, got a vector."),
        ("[[1,0],[0,1]]", .vector, 1, "Expected a vector, got a matrix."),
        ("[1, 2; 3]", .matrix, 1, "Matrix rows must have the same length."),
        ("[1 2)", .vector, 5, "Unexpected ')'."),
        ("256 x 0", .shape, 7, "A dimension must be positive."),
        ("2.5x3", .shape, 1, "A dimension must be a whole number."),
        ("256 x foo", .shape, 7, "Unknown name 'foo'."),
        ("3x4-vector", .shape, 1, "A vector has one dimension."),
        ("256 x x 3", .shape, 7, "Missing a dimension."),
        ("x", .choice(["increased", "decreased"]), 1, "Choose one of: a) increased, b) decreased."),
        ("a,,b", .textList, 3, "Missing an item before ','."),
        ("8x20,,3x9", .shapeList, 6, "Missing a shape before ','."),
        ("8x20, 8x0", .shapeList, 9, "A dimension must be positive."),
        ("1, foo", .set, 4, "Unknown name 'foo'."),
        ("4.5", .integer, 1, "Expected a whole number."),
        ("22m", .expression(variables: ["n"]), 3, "Unknown name 'm'.")
    ]

    @Test(arguments: invalid)
    func invalidInput(text: String, kind: AnswerKind, column: Int, reason: String) {
        #expect(AnswerReader.read(text, as: kind) == .invalid(column: column, reason: reason))
    }

    @Test func inputLengthIsCapped() {
        let long = String(repeating: "1+", count: 300) + "1"
        #expect(
            AnswerReader.read(long, as: .number)
                == .invalid(column: 501, reason: "The answer is too long (at most 500 characters)."))
        #expect(
            AnswerReader.read(long, as: .freeText)
                == .invalid(column: 501, reason: "The answer is too long (at most 500 characters)."))
    }

    @Test func nestingDepthIsCapped() {
        let deep = String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70)
        #expect(AnswerReader.read(deep, as: .number) == .invalid(column: 33, reason: "The formula is nested too deeply."))
        let ok = String(repeating: "(", count: 20) + "1" + String(repeating: ")", count: 20)
        #expect(AnswerReader.read(ok, as: .number).value == .number(1))
        let minus = String(repeating: "-", count: 200) + "1"
        #expect(AnswerReader.read(minus, as: .number) == .invalid(column: 64, reason: "The formula is nested too deeply."))
    }
}
