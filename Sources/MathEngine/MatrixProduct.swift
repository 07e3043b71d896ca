/// `A @ B`: the matrix product, so a student can check W·x on the calculator line. A vector on
/// the right is a column (W @ x gives a vector), on the left a row (x @ W); two vectors give
/// their dot product; a number scales. Sizes that do not chain are an error naming both.
enum MatrixProduct {
    static func of(_ a: Value, _ b: Value, column c: Int) throws(EngineError) -> Value {
        switch (a, b) {
        case (.matrix(let m), .matrix(let n)):
            return .matrix(try multiply(m, n, c))
        case (.matrix(let m), .vector(let v)):
            return .vector(try multiply(m, v.map { [$0] }, c).map { $0[0] })
        case (.vector(let v), .matrix(let n)):
            return .vector(try multiply([v], n, c)[0])
        case (.vector(let x), .vector(let y)):
            guard x.count == y.count else {
                throw EngineError(column: c, message: "'@' needs vectors of the same length, not \(x.count) and \(y.count).")
            }
            return .number(try Evaluator.check(zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }, c))
        case (.number, _), (_, .number):
            return try Evaluator.binary(.multiply, a, b, c)
        default:
            throw EngineError(column: c, message: "'@' multiplies matrices and vectors, not \(a.kindName) and \(b.kindName).")
        }
    }

    private static func multiply(_ m: [[Double]], _ n: [[Double]], _ c: Int) throws(EngineError) -> [[Double]] {
        let inner = m.first?.count ?? 0
        guard inner == n.count else {
            throw EngineError(
                column: c,
                message: "'@' cannot multiply \(m.count)×\(inner) by \(n.count)×\(n.first?.count ?? 0): the inner sizes differ.")
        }
        let cols = n.first?.count ?? 0
        var out: [[Double]] = []
        for row in m {
            var r: [Double] = []
            for j in 0..<cols {
                var s = 0.0
                for k in 0..<inner { s += row[k] * n[k][j] }
                r.append(try Evaluator.check(s, c))
            }
            out.append(r)
        }
        return out
    }
}
