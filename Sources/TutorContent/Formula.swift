import MathEngine

/// A content formula as written in a YAML file, parsed once at load time.
///
/// Keeping the source text and line next to the tree lets every later failure (evaluation in a
/// variant, lint) still be reported as `file:line: message` with the formula quoted.
public struct Formula: Sendable, CustomStringConvertible {
    public let source: String
    public let expr: Expr
    /// 1-based line of the formula in its file.
    public let line: Int

    public init(source: String, expr: Expr, line: Int) {
        self.source = source
        self.expr = expr
        self.line = line
    }

    /// Parses `source` in `dialect`; errors become `file:line: <what>: <engine message>`.
    static func parse(_ source: String, dialect: Dialect, file: String, line: Int, what: String) throws(ContentError) -> Formula {
        // Checked first: `x % 2` is a parse error and `x % q` is not, but both mean a remainder.
        if let column = ContentSyntax.percentTimes(in: source) {
            throw ContentError(
                file: file, line: line,
                message:
                    "\(what): '%' means percent (5% is 0.05), so it would multiply what follows; for a remainder write x - q*floor(x/q) (column \(column) of \"\(source)\")."
            )
        }
        do {
            return Formula(source: source, expr: try Parser.parse(source, dialect: dialect), line: line)
        } catch {
            let message = ContentSyntax.explain(error, in: source)
            throw ContentError(file: file, line: line, message: "\(what): \(message) (column \(error.column) of \"\(source)\")")
        }
    }

    /// Free variable names (parameters, derived values, earlier steps as `a_total`).
    public var names: Set<String> { expr.variables }

    public var description: String { source }
}

/// A named parameter: its original-exam value and the `.random` formula that varies it.
public struct ParamSpec: Sendable {
    public let name: String
    /// The original exam's value (a `.content` formula, usually a literal).
    public let value: Formula
    /// The variant formula (`.random` dialect); nil keeps the original value in every variant.
    public let vary: Formula?
    public let line: Int
}

/// A deterministic value computed from parameters and earlier derived values.
public struct DerivedSpec: Sendable {
    public let name: String
    public let formula: Formula
    public let line: Int
}

/// How a step's answer is read and compared.
public enum StepKind: String, Sendable, CaseIterable {
    case number, integer, vector, matrix, shape, set, choice, list, shapes, expression, text
}
