import MathEngine

/// `distinct: true` on a step: a variant must keep the step's named mistakes apart from its
/// answer and from each other under the step's own check rule, so the feedback can always say
/// which slip a wrong value comes from. A draw where two coincide is rejected like one failing a
/// constraint (and counted with them when no draw succeeds), which replaces constraints that
/// copied the mistakes' formulas.
extension Question {
    /// Indices of the steps marked `distinct: true`, in file order.
    var distinctStepIndices: [Int] { steps.indices.filter { steps[$0].distinct } }

    /// The first of `distinct` (indices of distinct steps, in order) whose named mistakes
    /// coincide, in the variant with these parameter and derived values, with its answer or with
    /// each other; its place in `distinct`, or nil when every such step keeps them apart.
    func firstCoincidingDistinct(_ values: [String: Value], distinct: [Int]) throws(ContentError) -> Int? {
        guard let last = distinct.last else { return nil }
        var env = Environment(variables: values, dialect: .content)
        for i in 0...last {
            let raw = try options(of: steps[i], env: env)
            let expected = try answerValue(steps[i].answer, step: steps[i], env: env, rawOptions: raw, what: "answer formula")
            if steps[i].distinct, try mistakesCoincide(steps[i], expected: expected, rawOptions: raw, env: env) {
                return distinct.firstIndex(of: i)
            }
            env.variables[steps[i].variableName] = expected
        }
        return nil
    }

    /// The `distinct: true` steps of the original exam whose mistakes coincide (lint reports them).
    public func coincidingDistinctSteps(_ values: [String: Value]) throws(ContentError) -> [Step] {
        var found: [Step] = []
        var remaining = distinctStepIndices
        while let k = try firstCoincidingDistinct(values, distinct: remaining) {
            found.append(steps[remaining[k]])
            remaining.remove(at: k)
        }
        return found
    }

    /// Whether two of the step's answer and applicable mistakes are the same answer under its rule.
    private func mistakesCoincide(_ step: Step, expected: Value, rawOptions: [String], env: Environment)
        throws(ContentError) -> Bool
    {
        var shown: [String] = []
        for o in rawOptions where !shown.contains(o) { shown.append(o) }
        let kind = Self.gradingKind(of: step, options: shown, expected: expected)
        let definitions = Self.definitions(of: step, env: env)
        var seen = [expected]
        for (i, m) in step.mistakes.enumerated() where try causeApplies(m, env: env, step: step) {
            let v = try answerValue(m.value, step: step, env: env, rawOptions: rawOptions, what: "mistake \(i + 1)")
            if seen.contains(where: { Self.same(v, $0, kind: kind, rule: step.check, definitions: definitions) }) {
                return true
            }
            seen.append(v)
        }
        return false
    }

    /// Whether a mistake exists in this variant: it has no `causes`, or one of them holds.
    func causeApplies(_ m: MistakeSpec, env: Environment, step: Step) throws(ContentError) -> Bool {
        if m.causes.isEmpty { return true }
        for cause in m.causes {
            guard let when = cause.when else { return true }
            if try evaluate(when, env, "step '\(step.id)': cause condition").isTruthy { return true }
        }
        return false
    }
}
