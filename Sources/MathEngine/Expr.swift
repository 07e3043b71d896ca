/// A parsed formula or answer: the syntax tree the evaluator walks.
///
/// Every node keeps the 1-based column where it starts, so errors found while evaluating
/// ("Division by zero.") can still point at the character the student typed.
public indirect enum Expr: Sendable, CustomStringConvertible {
    case number(Double, column: Int)
    case text(String, column: Int)
    case name(String, column: Int)
    case unary(UnaryOperator, Expr, column: Int)
    case binary(BinaryOperator, Expr, Expr, column: Int)
    case call(String, [Expr], column: Int)
    /// A bracket literal as rows: `[1, 2]` is one row of two entries, `[1 0; 0 1]` two rows.
    /// An entry may itself be a bracket literal (`[[1,0],[0,1]]`).
    case array([[Expr]], column: Int)

    public enum UnaryOperator: String, Sendable {
        case negate = "-"
        case not = "not"
    }

    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", matmul = "@"
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
        case and = "and", or = "or"
    }

    /// 1-based column where this node starts.
    public var column: Int {
        switch self {
        case .number(_, let c), .text(_, let c), .name(_, let c), .unary(_, _, let c),
            .binary(_, _, _, let c), .call(_, _, let c), .array(_, let c):
            c
        }
    }

    /// Fully parenthesised form, so tests can state exactly how a text was grouped:
    /// `-2^2` prints as `(-(2 ^ 2))`.
    public var description: String {
        switch self {
        case .number(let x, _): Formatting.plain(x)
        case .text(let s, _): "\"\(s)\""
        case .name(let n, _): n
        case .unary(let op, let e, _): op == .negate ? "(-\(e))" : "(not \(e))"
        case .binary(let op, let a, let b, _): "(\(a) \(op.rawValue) \(b))"
        case .call(let f, let args, _): "\(f)(\(args.map(\.description).joined(separator: ", ")))"
        case .array(let rows, _): "[" + rows.map { $0.map(\.description).joined(separator: ", ") }.joined(separator: "; ") + "]"
        }
    }

    /// Free names (variables, not functions or the constants `e`, `pi`, `π`), so content can find
    /// which parameters and earlier steps a formula depends on.
    public var variables: Set<String> {
        var out = Set<String>()
        collect(into: &out)
        return out
    }

    private func collect(into out: inout Set<String>) {
        switch self {
        case .number, .text: break
        case .name(let n, _): if !Functions.isConstant(n) { out.insert(n) }
        case .unary(_, let e, _): e.collect(into: &out)
        case .binary(_, let a, let b, _):
            a.collect(into: &out)
            b.collect(into: &out)
        case .call(_, let args, _): for a in args { a.collect(into: &out) }
        case .array(let rows, _): for r in rows { for e in r { e.collect(into: &out) } }
        }
    }

    /// Whether `log` with one argument appears, so a preview can say which log it is (`LogBase`).
    var usesBareLog: Bool {
        switch self {
        case .number, .text, .name: false
        case .unary(_, let e, _): e.usesBareLog
        case .binary(_, let a, let b, _): a.usesBareLog || b.usesBareLog
        case .call(let f, let args, _): (f == "log" && args.count == 1) || args.contains { $0.usesBareLog }
        case .array(let rows, _): rows.contains { $0.contains { $0.usesBareLog } }
        }
    }

    /// The first name (in reading order) that is not in `allowed`, with its column.
    func firstName(notIn allowed: Set<String>) -> (String, Int)? {
        switch self {
        case .number, .text: return nil
        case .name(let n, let c): return Functions.isConstant(n) || allowed.contains(n) ? nil : (n, c)
        case .unary(_, let e, _): return e.firstName(notIn: allowed)
        case .binary(_, let a, let b, _): return a.firstName(notIn: allowed) ?? b.firstName(notIn: allowed)
        case .call(_, let args, _):
            for a in args { if let r = a.firstName(notIn: allowed) { return r } }
            return nil
        case .array(let rows, _):
            for r in rows { for e in r { if let x = e.firstName(notIn: allowed) { return x } } }
            return nil
        }
    }
}
