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
            implicit multiplication (2pi), functions ln, log (NATURAL log unless --log-base says \
            otherwise, as a course's questions may; log(x, b) for base b), \
            log10, log2, exp, sqrt, abs, tanh, sinh, cosh, sech, sigmoid or σ, min, max, floor, ceil, \
            round (round(x, n)), constants e, pi, π, vectors [1, 2] and matrices [1 0; 0 1].
            Exit status: 0 on success, 2 when the expression is invalid.
            """
    )

    @Argument(parsing: .allUnrecognized, help: "The expression, e.g. \"-log10(0.99)\" or \"8*20 + 6*8*9 + 3*9\".")
    var expression: [String]

    @Option(name: .customLong("log-base"), help: "What log(x) means: a base such as 10 or 2, or e (the default, natural log).")
    var logBase: String?

    func validate() throws {
        if let logBase, LogBase(logBase) == nil {
            throw ValidationError("--log-base takes a base such as 10 or 2, or e; not '\(logBase)'.")
        }
    }

    func run() throws {
        // `dltutor eval -- -3 + 1`: the `--` separates options from the expression; it is not part of it.
        let text = (expression.first == "--" ? Array(expression.dropFirst()) : expression).joined(separator: " ")
        let log = logBase.flatMap(LogBase.init) ?? .natural
        do {
            printSafe(try Calculator.evaluate(text, log: log).display)
        } catch {
            printError("\(text)\n\(caret(at: error.column))\ncolumn \(error.column): \(error.message)")
            throw ExitCode(2)
        }
    }
}

/// A caret under 1-based `column` of the line above it, as `eval` and `check` print errors.
func caret(at column: Int) -> String {
    String(repeating: " ", count: max(0, column - 1)) + "^"
}
