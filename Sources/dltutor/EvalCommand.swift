import ArgumentParser
import MathEngine

/// `dltutor eval EXPR`: the calculator a student has inside the tutor, on the command line.
/// It uses the student dialect, so it accepts exactly what an answer field accepts.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression with the tutor's calculator.",
        discussion: """
        Accepts numbers (0.44, .5, 4.4e-1, 3/4, 75%), + - * / ^ and × · − ÷ ², parentheses, \
        implicit multiplication (2pi), functions ln, log (NATURAL log; log(x, b) for base b), \
        log10, log2, exp, sqrt, abs, tanh, sinh, cosh, sech, sigmoid or σ, min, max, floor, ceil, \
        round (round(x, n)), constants e, pi, π, vectors [1, 2] and matrices [1 0; 0 1].
        Exit status: 0 on success, 2 when the expression is invalid.
        """
    )

    @Argument(parsing: .allUnrecognized, help: "The expression, e.g. \"-log10(0.99)\" or \"8*20 + 6*8*9 + 3*9\".")
    var expression: [String]

    func run() throws {
        let text = expression.joined(separator: " ")
        switch Calculator.evaluate(text) {
        case .success(let value):
            print(value.display)
        case .failure(let error):
            printError(Calculator.caretLine(for: text, error: error))
            throw ExitCode(2)
        }
    }
}

/// The calculator shared by `eval` and the tutor's calculator line.
enum Calculator {
    static func evaluate(_ text: String) -> Result<Value, EngineError> {
        do {
            let expr = try Parser.parse(text, dialect: .student)
            return .success(try Evaluator.evaluate(expr, in: Environment(dialect: .student)))
        } catch {
            return .failure(error)
        }
    }

    /// The input, a caret under the failing column, and the reason.
    static func caretLine(for text: String, error: EngineError) -> String {
        let pad = String(repeating: " ", count: max(0, error.column - 1))
        return "\(text)\n\(pad)^\ncolumn \(error.column): \(error.message)"
    }
}
