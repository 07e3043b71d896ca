/// Prints an `Expr` the way a person writes it, with only the parentheses it needs
/// (`20*n + 3*(n + 1)`), for the preview of an expression answer. `Expr.description` stays fully
/// parenthesised for tests; this is for eyes.
extension Expr {
    /// The expression with only the parentheses it needs (`20*n + 3*(n + 1)`), as a student
    /// would write it; `description` stays fully parenthesised for tests.
    public var pretty: String { ExpressionPrinter.print(self) }

    /// Arithmetic on numbers alone done: `(19 + 1)*n` becomes `20*n`, as a student writes it.
    public var foldingConstants: Expr {
        switch self {
        case .binary(let op, let a, let b, let c):
            let (fa, fb) = (a.foldingConstants, b.foldingConstants)
            if case .number(let x, _) = fa, case .number(let y, _) = fb {
                switch op {
                case .add: return .number(x + y, column: c)
                case .subtract: return .number(x - y, column: c)
                case .multiply: return .number(x * y, column: c)
                default: break
                }
            }
            return .binary(op, fa, fb, column: c)
        case .unary(let op, let a, let c): return .unary(op, a.foldingConstants, column: c)
        case .call(let f, let args, let c): return .call(f, args.map(\.foldingConstants), column: c)
        default: return self
        }
    }
}

enum ExpressionPrinter {
    static func print(_ e: Expr) -> String { text(e, 0) }

    private static func precedence(_ op: Expr.BinaryOperator) -> Int {
        switch op {
        case .or: 1
        case .and: 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide, .matmul: 6
        case .power: 8
        }
    }

    private static func text(_ e: Expr, _ outer: Int) -> String {
        switch e {
        case .number(let x, _): return Formatting.plain(x)
        case .text(let s, _): return "\"\(s)\""
        case .name(let n, _): return n
        case .call(let f, let args, _): return f + "(" + args.map { text($0, 0) }.joined(separator: ", ") + ")"
        case .array: return e.description
        case .unary(let op, let a, _):
            let inner = op == .negate ? "-" + text(a, 7) : "not " + text(a, 3)
            return (op == .negate ? 7 : 3) < outer ? "(" + inner + ")" : inner
        case .binary(let op, let a, let b, _):
            let p = precedence(op)
            let left = text(a, op == .power ? p + 1 : p)
            let right = text(b, op == .power ? p : p + 1)
            let sym = op == .power ? "^" : op == .multiply ? "*" : " \(op.rawValue) "
            let inner = left + sym + right
            return p < outer ? "(" + inner + ")" : inner
        }
    }
}
