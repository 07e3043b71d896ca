import MathEngine

/// Named mistakes computed from the student's own earlier answers (`from_answers: true`).
///
/// The variant lists each mistake with the key's values; a student who slipped earlier makes
/// the same misconception on top of their own value, which the key's value never matches. So
/// the flagged mistakes are evaluated again with the `given` answers bound to the earlier steps'
/// names, the same values error carried forward uses, and named with the same explanation.
extension Variant {
    /// The mistakes of step `target` flagged `from_answers`, valued with `given`; a value that
    /// cannot be computed, or that the step's own rule calls correct or carried forward, is left
    /// out (a mistake never names a right answer).
    func mistakesFromAnswers(at target: Int, given: [String: Value], carried: [Value]) -> [Mistake] {
        let spec = question.steps[target]
        guard !given.isEmpty, spec.mistakes.contains(where: \.fromAnswers) else { return [] }
        var env = Environment(variables: values, dialect: .content)
        var differs = false
        for i in 0..<target {
            let s = question.steps[i]
            let g = given[s.id].map { canonicalGiven($0, at: i, percent: s.percent) }
            if let g, !steps[i].tolerance.matches(g, steps[i].expected) { differs = true }
            env.overlay[s.variableName] = g ?? steps[i].expected
        }
        guard differs else { return [] }
        let raw = (try? question.options(of: spec, env: env)) ?? []
        var found: [Mistake] = []
        for (k, m) in spec.mistakes.enumerated() where m.fromAnswers {
            guard let v = try? question.answerValue(m.value, step: spec, env: env, rawOptions: raw, what: "mistake"),
                Variant.isMeaningful(v, kind: spec.kind),
                !StepInstanceRules.same(v, steps[target], among: carried)
            else { continue }
            let id = "\(spec.id)#\(k + 1)"
            let keyEnv = Environment(variables: values, dialect: .content)
            let why =
                steps[target].mistakes.first { $0.id == id }?.explanation
                ?? ((try? question.explanation(of: m, env: keyEnv, what: "mistake")) ?? nil)
            guard let why else { continue }
            found.append(Mistake(id: id, value: v, explanation: why))
        }
        return found
    }

    /// Whether a value recomputed from a student's answers can be an answer of a step of `kind`
    /// at all: a count (an integer step) is a whole number ≥ 0, every number is finite. A
    /// carried-forward value or a mistake that is not is never offered ("-1 hidden nodes").
    static func isMeaningful(_ v: Value, kind: StepKind) -> Bool {
        switch v {
        case .number(let x):
            guard x.isFinite else { return false }
            return kind != .integer || (x >= 0 && x == x.rounded())
        case .vector(let xs): return xs.allSatisfy(\.isFinite)
        case .matrix(let rows): return rows.allSatisfy { $0.allSatisfy(\.isFinite) }
        case .shape(let dims): return dims.allSatisfy { $0 >= 1 }
        default: return true
        }
    }
}

/// Comparisons of a recomputed value with what a step already accepts.
enum StepInstanceRules {
    /// Whether `v` is the step's answer, or one of `carried`, under the step's own rule.
    static func same(_ v: Value, _ step: VariantStep, among carried: [Value]) -> Bool {
        let kind = step.answerKind
        if Question.same(v, step.expected, kind: kind, rule: step.tolerance, definitions: step.definitions) { return true }
        return carried.contains { Question.same(v, $0, kind: kind, rule: step.tolerance, definitions: step.definitions) }
    }
}
