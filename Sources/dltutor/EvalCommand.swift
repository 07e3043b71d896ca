import ArgumentParser
import MathEngine
import TutorCLI
import TutorContent

/// `dltutor eval EXPR`: the calculator a student has inside the tutor, on the command line.
/// It uses the student dialect, so it accepts exactly what an answer field accepts.
///
/// With `--question Q`, an author's tool instead: EXPR is a content formula, evaluated with that
/// question's parameters, derived values and every step's answer in scope (for the original
/// exam, or the variant of `--seed`), so a formula can be tried before it goes into a file.
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
            With --question Q (and optionally --content DIR and --seed N), EXPR is a content \
            formula instead: every content function (frac, vec, concat, at, if, ...) and the question's \
            parameters, derived values and step answers (a.total as a_total) are in scope, e.g. \
            dltutor eval --question q3 "frac(nstar)". A one-argument log is natural there, as in content.
            Exit status: 0 on success, 2 when the expression is invalid.
            """
    )

    @Argument(parsing: .allUnrecognized, help: "The expression, e.g. \"-log10(0.99)\" or \"8*20 + 6*8*9 + 3*9\".")
    var expression: [String]

    @Option(name: .customLong("log-base"), help: "What log(x) means: a base such as 10 or 2, or e (the default, natural log).")
    var logBase: String?

    @OptionGroup var content: ContentOptions

    @Option(help: "Evaluate a content formula in this question's scope (its id, e.g. q3, or number).")
    var question: String?

    @Option(help: "With --question: the random variant (default: the original exam).")
    var seed: UInt64?

    func validate() throws {
        if question == nil && seed != nil { throw ValidationError("--seed goes with --question.") }
        if question != nil && logBase != nil {
            throw ValidationError("--log-base is for the student's calculator; content formulas name their base (log10, log2).")
        }
        if let logBase, LogBase(logBase) == nil {
            throw ValidationError("--log-base takes a base such as 10 or 2, or e; not '\(logBase)'.")
        }
    }

    func run() throws {
        // `dltutor eval -- -3 + 1`: the `--` separates options from the expression; it is not part of it.
        let text = (expression.first == "--" ? Array(expression.dropFirst()) : expression).joined(separator: " ")
        let log = logBase.flatMap(LogBase.init) ?? .natural
        let variant = try question.map(contentVariant)
        do throws(EngineError) {
            if let variant {
                printSafe(try variant.evaluateFormula(text).display)
            } else {
                printSafe(try Calculator.evaluate(text, log: log).display)
            }
        } catch {
            printError("\(text)\n\(caret(at: error.column))\ncolumn \(error.column): \(error.message)")
            throw ExitCode(2)
        }
    }
}

extension EvalCommand {
    /// The variant whose scope `--question` evaluates in.
    func contentVariant(_ name: String) throws -> Variant {
        let q = try content.load().find(name)
        do { return try q.variant(seed: seed) } catch { throw ValidationError("\(error)") }
    }
}

/// A caret under 1-based `column` of the line above it, as `eval` and `check` print errors.
func caret(at column: Int) -> String {
    String(repeating: " ", count: max(0, column - 1)) + "^"
}
