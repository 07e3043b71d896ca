#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The implementations behind the names in `Functions.table`.
///
/// Maths functions act entry by entry on vectors and matrices. Content helpers (`dense_params`,
/// `prefix_each`, ...) exist so question files can state answers as formulas instead of numbers
/// typed by hand; the random ones draw only from the environment's `RandomSource`.
enum Builtins {
    static func call(_ f: String, _ a: [Value], column c: Int, args: [Expr], env: Environment) throws(EngineError) -> Value {
        switch f {
        case "ln": return try Evaluator.map(try positive(a[0], c, "The logarithm"), c) { log($0) }
        case "log":
            if a.count == 2 {
                let b = try number(a[1], c)
                if b <= 0 || b == 1 {
                    throw EngineError(column: c, message: "The base of a logarithm must be positive and not 1.")
                }
                return try Evaluator.map(try positive(a[0], c, "The logarithm"), c) { log($0) / log(b) }
            }
            let meaning = env.log
            return try Evaluator.map(try positive(a[0], c, "The logarithm"), c) { meaning.apply($0) }
        case "log10": return try Evaluator.map(try positive(a[0], c, "The logarithm"), c) { log10($0) }
        case "log2": return try Evaluator.map(try positive(a[0], c, "The logarithm"), c) { log2($0) }
        case "exp": return try Evaluator.map(a[0], c) { exp($0) }
        case "sqrt":
            if flat(a[0]).contains(where: { $0 < 0 }) {
                throw EngineError(column: c, message: "The square root needs a number that is not negative.")
            }
            return try Evaluator.map(a[0], c) { $0.squareRoot() }
        case "abs": return try Evaluator.map(a[0], c) { Swift.abs($0) }
        case "tanh": return try Evaluator.map(a[0], c) { tanh($0) }
        case "sinh": return try Evaluator.map(a[0], c) { sinh($0) }
        case "cosh": return try Evaluator.map(a[0], c) { cosh($0) }
        case "sech": return try Evaluator.map(a[0], c) { 1 / cosh($0) }
        case "sigmoid": return try sigmoid(a[0], c)
        case "sin": return try Evaluator.map(a[0], c) { sin($0) }
        case "cos": return try Evaluator.map(a[0], c) { cos($0) }
        case "tan": return try Evaluator.map(a[0], c) { tan($0) }
        case "floor": return try Evaluator.map(a[0], c) { $0.rounded(.down) }
        case "ceil": return try Evaluator.map(a[0], c) { $0.rounded(.up) }
        case "frac": return try Evaluator.map(a[0], c) { $0 - $0.rounded(.down) }
        case "round":
            let n = a.count == 2 ? try integer(a[1], c) : 0
            if n < 0 || n > 15 { throw EngineError(column: c, message: "'round' keeps 0 to 15 decimals.") }
            let k = pow(10.0, Double(n))
            return try Evaluator.map(a[0], c) { ($0 * k).rounded(.toNearestOrAwayFromZero) / k }
        case "min", "max":
            let xs = a.flatMap(flat)
            guard var best = xs.first else { throw EngineError(column: c, message: "'\(f)' needs at least one number.") }
            for x in xs { best = f == "min" ? Swift.min(best, x) : Swift.max(best, x) }
            return .number(best)
        case "diag":
            let d = a.count == 1 ? try numbers(a[0], c) : try a.map { (v) throws(EngineError) in try number(v, c) }
            try cap(d.count * d.count, c)
            return .matrix(d.indices.map { i in d.indices.map { $0 == i ? d[i] : 0 } })
        // Last of the names here: comparing a name with a non-ASCII one takes String's slow
        // Unicode path, which every name tested after it (and every content function) would pay.
        case "σ": return try sigmoid(a[0], c)
        default:
            return try ContentFunctions.call(f, a, column: c, env: env)
        }
    }

    static func sigmoid(_ v: Value, _ c: Int) throws(EngineError) -> Value {
        try Evaluator.map(v, c) { 1 / (1 + exp(-$0)) }
    }

    // MARK: Argument helpers

    static func number(_ v: Value, _ c: Int) throws(EngineError) -> Double {
        if case .number(let x) = v { return x }
        throw EngineError(column: c, message: "This needs a number, not \(v.kindName).")
    }

    static func integer(_ v: Value, _ c: Int) throws(EngineError) -> Int {
        let x = try number(v, c)
        guard x == x.rounded(), Swift.abs(x) <= 1e12 else {
            throw EngineError(column: c, message: "This needs a whole number, not \(Formatting.number(x)).")
        }
        return Int(x)
    }

    /// Entries of a number, vector, matrix (row by row) or set.
    static func flat(_ v: Value) -> [Double] {
        switch v {
        case .number(let x): [x]
        case .vector(let xs), .set(let xs): xs
        case .matrix(let m): m.flatMap { $0 }
        case .shape(let s): s.map(Double.init)
        default: []
        }
    }

    static func numbers(_ v: Value, _ c: Int) throws(EngineError) -> [Double] {
        switch v {
        case .number, .vector, .set, .matrix, .shape: return flat(v)
        default: throw EngineError(column: c, message: "This needs numbers, not \(v.kindName).")
        }
    }

    static func positive(_ v: Value, _ c: Int, _ what: String) throws(EngineError) -> Value {
        if flat(v).contains(where: { $0 <= 0 }) {
            throw EngineError(column: c, message: "\(what) needs a positive number.")
        }
        return v
    }

    static func cap(_ n: Int, _ c: Int) throws(EngineError) {
        if n > Functions.maxEntries {
            throw EngineError(column: c, message: "Too many entries (at most \(Functions.maxEntries)).")
        }
    }
}
