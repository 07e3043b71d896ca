import MathEngine
import TutorContent

/// Accepted alternatives whose tolerance band is too wide: it takes in a named mistake's value,
/// or a value one unit off in the last decimal the step asks for (`0.41` when the answer is
/// 0.42 at 2 decimals). Either way a wrong answer would be called correct; lint warns, with the
/// number of seeds where it happens.
enum ToleranceBandLint {
    static func check(_ q: Question, seeds: Int) -> [Diagnostic] {
        check(q, variants: LintVariants(q, seeds: seeds))
    }

    static func check(_ q: Question, variants: LintVariants) -> [Diagnostic] {
        let seeds = variants.seeds
        var counts: [String: (line: Int, count: Int)] = [:]
        func add(_ v: Variant) {
            for p in problems(v) { counts["\(p.message)", default: (p.line, 0)].count += 1 }
        }
        for v in variants.all { add(v) }
        return counts.sorted { ($0.value.line, $0.key) < ($1.value.line, $1.key) }.map { message, c in
            Diagnostic(
                file: q.file, line: c.line, message: "\(message) (in \(c.count) of \(seeds + 1) variants).", severity: .warning)
        }
    }

    static func problems(_ v: Variant) -> [(line: Int, message: String)] {
        var out: [(line: Int, message: String)] = []
        for (spec, s) in zip(v.question.steps, v.steps) where [.number, .vector, .matrix].contains(s.kind) {
            let rule = s.tolerance
            for (k, a) in s.alternatives.enumerated() {
                let line = spec.accept.indices.contains(k) ? spec.accept[k].value.line : spec.line
                for m in s.mistakes where bandsOverlap(a.value, m.value, rule) {
                    out.append((line, "step '\(spec.id)': accepted form \(k + 1) also accepts mistake \(m.fileNumber)"))
                }
                if let n = s.askedDecimals,
                    offByOne(s.expected, decimals: n).contains(where: {
                        rule.matches($0, a.value) && !rule.matches($0, s.expected)
                    })
                {
                    out.append((line, "step '\(spec.id)': accepted form \(k + 1) accepts a value one unit off in decimal \(n)"))
                }
            }
        }
        return out
    }

    /// Whether some value lies within `rule` of both (checked on the numbers: an absolute band
    /// of half-width t around each overlaps when they are at most 2t apart in every entry).
    static func bandsOverlap(_ a: Value, _ b: Value, _ rule: Tolerance) -> Bool {
        let x = a.numbers, y = b.numbers
        guard x.count == y.count, !x.isEmpty else { return false }
        switch rule {
        case .absolute(let t): return zip(x, y).allSatisfy { abs($0 - $1) <= 2 * t * (1 + 1e-9) }
        default: return rule.matches(a, b)
        }
    }

    /// The answer rounded to `decimals`, with one entry at a time moved one unit up or down.
    static func offByOne(_ v: Value, decimals: Int) -> [Value] {
        let unit = (0..<decimals).reduce(1.0) { u, _ in u / 10 }
        func rounded(_ x: Double) -> Double { (x / unit).rounded() * unit }
        switch v {
        case .number(let x): return [.number(rounded(x) + unit), .number(rounded(x) - unit)]
        case .vector(let xs):
            let base = xs.map(rounded)
            return base.indices.flatMap { i -> [Value] in
                [unit, -unit].map { d in
                    var e = base
                    e[i] += d
                    return .vector(e)
                }
            }
        case .matrix(let rows):
            let base = rows.map { $0.map(rounded) }
            var out: [Value] = []
            for i in base.indices {
                for j in base[i].indices {
                    for d in [unit, -unit] {
                        var e = base
                        e[i][j] += d
                        out.append(.matrix(e))
                    }
                }
            }
            return out
        default: return []
        }
    }
}
