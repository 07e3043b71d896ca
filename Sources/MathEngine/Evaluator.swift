#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks an `Expr` and computes its `Value`.
///
/// Arithmetic broadcasts: a number combines with every entry of a vector or matrix, and vectors
/// (matrices) of the same size combine entry by entry, so content can write `1 - a^2` for a whole
/// vector. Every result is checked: infinity and NaN become one-sentence errors at the operator's
/// column instead of leaking into a grade.
public enum Evaluator {
    public static func evaluate(_ expr: Expr, in env: Environment) throws(EngineError) -> Value {
        switch expr {
        case .number(let x, _):
            return .number(x)
        case .text(let s, _):
            return .text(s)
        case .name(let n, let c):
            if let v = env.value(of: n) { return v }
            if let k = Functions.constant(n) { return .number(k) }
            throw EngineError.unknownName(n, c)
        case .unary(let op, let e, let c):
            let v = try evaluate(e, in: env)
            if op == .negate { return try map(v, c) { -$0 } }
            return try map(v, c) { $0 == 0 ? 1 : 0 }
        case .binary(let op, let a, let b, let c):
            if op == .and || op == .or {
                let left = try evaluate(a, in: env)
                if op == .and && !left.isTruthy { return .number(0) }
                if op == .or && left.isTruthy { return .number(1) }
                return .number(try evaluate(b, in: env).isTruthy ? 1 : 0)
            }
            return try binary(op, try evaluate(a, in: env), try evaluate(b, in: env), c)
        case .call("if", let args, let c) where args.count == 3:
            return try conditional(args, c, env)
        case .call(let f, let args, let c):
            var values: [Value] = []
            values.reserveCapacity(args.count)
            for a in args { values.append(try evaluate(a, in: env)) }
            let result = try Builtins.call(f, values, column: c, args: args, env: env)
            // One budget for everything a call builds, nested lists and texts included.
            guard result.size(limit: Functions.maxEntries) != nil else {
                throw EngineError(
                    column: c, message: "'\(f)' builds too large a value (at most \(Functions.maxEntries) entries in all).")
            }
            return result
        case .array(let rows, let c):
            return try array(rows, c, env)
        }
    }

    /// `if(c, a, b)` evaluates only the branch it needs for a number condition (so
    /// `if(x > 0, ln(x), 0)` is safe) and picks entry by entry for a vector condition.
    static func conditional(_ args: [Expr], _ c: Int, _ env: Environment) throws(EngineError) -> Value {
        let cond = try evaluate(args[0], in: env)
        guard case .vector(let flags) = cond else {
            return try evaluate(cond.isTruthy ? args[1] : args[2], in: env)
        }
        let a = try evaluate(args[1], in: env), b = try evaluate(args[2], in: env)
        func entry(_ v: Value, _ i: Int) throws(EngineError) -> Double {
            switch v {
            case .number(let x): return x
            case .vector(let xs) where xs.count == flags.count: return xs[i]
            default: throw EngineError(column: c, message: "'if' branches must be numbers or vectors of length \(flags.count).")
            }
        }
        var out: [Double] = []
        for i in flags.indices { out.append(flags[i] != 0 ? try entry(a, i) : try entry(b, i)) }
        return .vector(out)
    }

    // MARK: Arrays

    static func array(_ rows: [[Expr]], _ c: Int, _ env: Environment) throws(EngineError) -> Value {
        if rows.isEmpty { return .vector([]) }
        var values: [[Value]] = []
        for r in rows {
            var row: [Value] = []
            row.reserveCapacity(r.count)
            for e in r { row.append(try evaluate(e, in: env)) }
            values.append(row)
        }
        return try assemble(values, c)
    }

    /// Numbers make a vector, equal-length vectors a matrix (`[[1,0],[0,1]]`), `;` rows a matrix,
    /// anything else a list (`["a", "b"]`).
    static func assemble(_ rows: [[Value]], _ c: Int) throws(EngineError) -> Value {
        if rows.count > 1 {
            var m: [[Double]] = []
            for r in rows {
                var row: [Double] = []
                for v in r {
                    guard case .number(let x) = v else {
                        throw EngineError(column: c, message: "Rows separated by ';' must hold numbers.")
                    }
                    row.append(x)
                }
                if let first = m.first, first.count != row.count {
                    throw EngineError(column: c, message: "Matrix rows must have the same length.")
                }
                m.append(row)
            }
            return .matrix(m)
        }
        let items = rows[0]
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        for v in items {
            guard case .number(let x) = v else { break }
            numbers.append(x)
        }
        if numbers.count == items.count { return .vector(numbers) }
        var m: [[Double]] = []
        for v in items {
            guard case .vector(let r) = v else { return .list(items) }
            if let first = m.first, first.count != r.count {
                throw EngineError(column: c, message: "Matrix rows must have the same length.")
            }
            m.append(r)
        }
        return .matrix(m)
    }

    // MARK: Arithmetic

    @inline(__always) static func check(_ x: Double, _ c: Int) throws(EngineError) -> Double {
        if x.isFinite { return x }
        if x.isNaN { throw EngineError(column: c, message: "The result is not a real number.") }
        throw EngineError.tooLarge(c)
    }

    static func map(_ v: Value, _ c: Int, _ f: (Double) -> Double) throws(EngineError) -> Value {
        switch v {
        case .number(let x): return .number(try check(f(x), c))
        case .vector(let xs):
            var out = [Double]()
            out.reserveCapacity(xs.count)
            for x in xs { out.append(try check(f(x), c)) }
            return .vector(out)
        case .matrix(let m):
            var out = [[Double]]()
            out.reserveCapacity(m.count)
            for r in m {
                var row = [Double]()
                row.reserveCapacity(r.count)
                for x in r { row.append(try check(f(x), c)) }
                out.append(row)
            }
            return .matrix(out)
        default:
            throw EngineError(column: c, message: "This needs a number, not \(v.kindName).")
        }
    }

    @inline(__always) static func apply(_ op: Expr.BinaryOperator, _ x: Double, _ y: Double, _ c: Int) throws(EngineError)
        -> Double
    {
        let r: Double
        switch op {
        case .add: r = x + y
        case .subtract: r = x - y
        case .multiply, .matmul: r = x * y
        case .divide:
            if y == 0 { throw EngineError.divisionByZero(c) }
            r = x / y
        case .power:
            if x == 0 && y < 0 { throw EngineError.divisionByZero(c) }
            r = pow(x, y)
        case .less: r = x < y ? 1 : 0
        case .lessEqual: r = x <= y ? 1 : 0
        case .greater: r = x > y ? 1 : 0
        case .greaterEqual: r = x >= y ? 1 : 0
        case .equal: r = x == y ? 1 : 0
        case .notEqual: r = x != y ? 1 : 0
        case .and: r = (x != 0 && y != 0) ? 1 : 0
        case .or: r = (x != 0 || y != 0) ? 1 : 0
        }
        return try check(r, c)
    }

    static func binary(_ op: Expr.BinaryOperator, _ a: Value, _ b: Value, _ c: Int) throws(EngineError) -> Value {
        if op == .matmul { return try MatrixProduct.of(a, b, column: c) }
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return .number(try apply(op, x, y, c))
        case (.number(let x), .vector(let ys)):
            var out = [Double]()
            out.reserveCapacity(ys.count)
            for y in ys { out.append(try apply(op, x, y, c)) }
            return .vector(out)
        case (.vector(let xs), .number(let y)):
            var out = [Double]()
            out.reserveCapacity(xs.count)
            for x in xs { out.append(try apply(op, x, y, c)) }
            return .vector(out)
        case (.vector(let xs), .vector(let ys)):
            guard xs.count == ys.count else {
                throw EngineError(column: c, message: "Vectors of lengths \(xs.count) and \(ys.count) cannot be combined.")
            }
            var out = [Double]()
            out.reserveCapacity(xs.count)
            for i in 0..<xs.count { out.append(try apply(op, xs[i], ys[i], c)) }
            return .vector(out)
        case (.matrix(let m), .number), (.matrix(let m), .vector):
            var out: [[Double]] = []
            for r in m {
                guard case .vector(let v) = try binary(op, .vector(r), b, c) else { continue }
                out.append(v)
            }
            return .matrix(out)
        case (.number, .matrix(let m)):
            var out: [[Double]] = []
            for r in m {
                guard case .vector(let v) = try binary(op, a, .vector(r), c) else { continue }
                out.append(v)
            }
            return .matrix(out)
        case (.matrix(let m), .matrix(let n)):
            guard m.count == n.count, m.first?.count == n.first?.count else {
                throw EngineError(column: c, message: "Matrices of different sizes cannot be combined.")
            }
            var out: [[Double]] = []
            for i in 0..<m.count {
                guard case .vector(let v) = try binary(op, .vector(m[i]), .vector(n[i]), c) else { continue }
                out.append(v)
            }
            return .matrix(out)
        case (.text(let s), .text(let t)) where op == .equal || op == .notEqual:
            return .number((s == t) == (op == .equal) ? 1 : 0)
        case (.shape(let s), .shape(let t)) where op == .equal || op == .notEqual:
            return .number((s == t) == (op == .equal) ? 1 : 0)
        default:
            let other = a.isNumeric ? b : a
            throw EngineError(column: c, message: "Cannot use '\(op.rawValue)' with \(other.kindName).")
        }
    }
}

extension Value {
    var isNumeric: Bool {
        switch self {
        case .number, .vector, .matrix: true
        default: false
        }
    }
}
