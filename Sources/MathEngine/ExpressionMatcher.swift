/// Decides whether two formulas in the same variables are the same function, by evaluating both
/// at fixed sample points (no symbolic algebra, so `1 - tanh²(z)`, `sech²(z)` and `(1-a)(1+a)`
/// with `a = tanh(z)` all agree, while `22n` and `23n+3` do not).
///
/// The points are fixed, not random, so a grade never depends on luck and tests are exact.
struct ExpressionMatcher {
    /// Sample values for the first sampled variable; later ones are shifted so no two variables
    /// take equal values at a point (which could hide a swapped `a` and `b`).
    static let base: [Double] = [-1.3, -0.4, 0.3, 0.9, 1.7]

    let environments: [Environment]
    /// What a one-argument `log` means in the student's formula (the key's formula is content: natural).
    let log: LogBase

    init(variables: [String], definitions: [String: String], log: LogBase = .natural) {
        self.log = log
        var sampled: [String] = []
        var derived: [(String, Expr)] = []
        for v in variables {
            let formula = definitions[v].map(AnswerReader.trimmed)
            if let formula, formula != v, !formula.isEmpty, formula != "sample",
                let e = try? Parser.parse(formula, dialect: .content)
            {
                derived.append((v, e))
            } else {
                sampled.append(v)
            }
        }
        var envs: [Environment] = []
        for j in 0..<ExpressionMatcher.base.count {
            var vars: [String: Value] = [:]
            for (k, name) in sampled.enumerated() {
                vars[name] = .number(ExpressionMatcher.base[(j + 2 * k) % 5] + 0.11 * Double(k))
            }
            // Derived variables may depend on each other: settle them in as many passes as needed.
            var pending = derived
            var progress = true
            while !pending.isEmpty && progress {
                progress = false
                pending.removeAll { (name, e) in
                    guard e.variables.isSubset(of: Set(vars.keys)),
                        let v = try? Evaluator.evaluate(e, in: Environment(variables: vars, dialect: .content))
                    else { return false }
                    vars[name] = v
                    progress = true
                    return true
                }
            }
            if pending.isEmpty { envs.append(Environment(variables: vars, dialect: .content)) }
        }
        environments = envs
    }

    /// Both values are `.text(formula)`; equal when they agree (relative 1e-6) at every sample
    /// point where the expected formula is defined, with at least two such points.
    func equivalent(_ got: Value, _ expected: Value) -> Bool {
        guard case .text(let g) = got, case .text(let x) = expected,
            let ge = try? Parser.parse(g, dialect: .content),
            let xe = try? Parser.parse(x, dialect: .content)
        else { return false }
        var compared = 0
        for env in environments {
            guard let want = try? Evaluator.evaluate(xe, in: env) else { continue }
            var studentEnv = env
            studentEnv.log = log
            guard let have = try? Evaluator.evaluate(ge, in: studentEnv) else { return false }
            let a = Builtins.flat(have), b = Builtins.flat(want)
            guard a.count == b.count, !b.isEmpty else { return false }
            for i in a.indices where Swift.abs(a[i] - b[i]) > 1e-6 * Swift.max(1, Swift.abs(a[i]), Swift.abs(b[i])) {
                return false
            }
            compared += 1
        }
        return compared >= 2
    }
}
