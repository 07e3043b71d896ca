import MathEngine

/// Error carried forward.
///
/// A step's answer formula names the earlier steps it depends on (`a_total`), so the value
/// consistent with the student's own earlier answers is the same formula re-evaluated with those
/// names rebound. Earlier steps the student has not answered are recomputed from the ones they
/// have, so the chain carries through (sizes → total → hidden width).
extension Variant {
    /// The expected value of `stepID` recomputed with the student's earlier answers (`given`,
    /// keyed by step id). nil when the step depends on no given answer, the recomputation fails
    /// (e.g. the student's value has the wrong kind), it is no possible answer (a negative or
    /// fractional count: `Variant.isMeaningful`), or it equals the key's value.
    ///
    /// Only the earlier steps whose values the recomputation looks up are visited; each is
    /// treated as the full walk over every earlier step treats it (`carriedThroughEveryStep`, kept
    /// as the reference the tests compare with): a given answer is used as typed (a percentage as
    /// a proportion), a step after the first given answer that differs from the key is
    /// recomputed, any other keeps the key's value.
    public func carried(for stepID: String, given: [String: Value]) -> Value? {
        if given.isEmpty { return nil }
        let table = self.table
        guard let target = table.index(of: stepID) else { return nil }
        return carried(at: target, stepID, given: given, table: table)
    }

    /// The same for the step at index `target`, whose id is `stepID`, with the variant's table
    /// at hand (`grade` has both).
    func carried(at target: Int, _ stepID: String, given: [String: Value], table: StepTable) -> Value? {
        if given.isEmpty { return nil }
        let facts = table.facts
        guard let indexByID = facts.indexByID else { return carriedThroughEveryStep(for: stepID, given: given) }
        guard facts.hasDependencies[target] else { return nil }
        // The first earlier step whose given answer differs from the key: steps after it are
        // recomputed; with none, nothing differs and there is nothing to carry.
        var firstChanged = target
        for (id, g) in given {
            guard let i = indexByID[id], i < firstChanged else { continue }
            let value = canonicalGiven(g, at: i, percent: facts.percent[i])
            if !steps[i].tolerance.matches(value, steps[i].expected) { firstChanged = i }
        }
        if firstChanged == target { return nil }
        // The question's steps are read in place through a pointer (see `recompute`).
        return question.steps.withUnsafeBufferPointer { specs -> Value? in
            let specs = specs.baseAddress.unsafelyUnwrapped
            return withUnsafeTemporaryAllocation(of: Bool.self, capacity: target) { read -> Value? in
                // The earlier steps whose values are looked up: those the target reads, and those
                // read by a step that is itself recomputed (not given, after the first changed
                // answer, with dependencies). No other step's value is ever looked at.
                read.initialize(repeating: false)
                for k in facts.reads[target] { read[k] = true }
                var count = 0
                for j in stride(from: target - 1, through: 0, by: -1) where read[j] {
                    count += 1
                    if j > firstChanged, facts.hasDependencies[j], given[facts.ids[j]] == nil {
                        for k in facts.reads[j] { read[k] = true }
                    }
                }
                // The student's values shadow the variant's table (never copied) in a small overlay.
                var env = Environment(variables: values, dialect: .content)
                env.overlay = Dictionary(minimumCapacity: count)
                for i in 0..<target where read[i] {
                    let value: Value
                    if let g = given[facts.ids[i]] {
                        value = canonicalGiven(g, at: i, percent: facts.percent[i])
                    } else if i > firstChanged, let v = recompute(i, specs, table, env: env) {
                        value = v
                    } else {
                        value = steps[i].expected
                    }
                    env.overlay[facts.variableNames[i]] = value
                }
                guard let v = recompute(target, specs, table, env: env), Variant.isMeaningful(v, kind: facts.kinds[target])
                else { return nil }
                return steps[target].tolerance.matches(v, steps[target].expected) ? nil : v
            }
        }
    }

    /// The same value, found by walking every earlier step and recomputing each one after the
    /// first changed answer with its own formula. Used when step ids are not unique (the loader
    /// rejects that); the tests hold `carried(for:given:)` to it.
    func carriedThroughEveryStep(for stepID: String, given: [String: Value]) -> Value? {
        if given.isEmpty { return nil }
        return question.steps.withUnsafeBufferPointer { specs -> Value? in
            var found: Int?
            for i in specs.indices where specs[i].id == stepID {
                found = i
                break
            }
            guard let target = found, !specs[target].dependencies.isEmpty else { return nil }
            var env = Environment(variables: values, dialect: .content)
            env.overlay.reserveCapacity(target)
            var changed = false
            for i in 0..<target {
                let value: Value
                if let g = given[specs[i].id] {
                    value = canonicalGiven(g, at: i, percent: specs[i].percent)
                    if !steps[i].tolerance.matches(value, steps[i].expected) { changed = true }
                } else if changed, let v = recomputeWithStep(specs[i], i, env: env) {
                    value = v
                } else {
                    value = steps[i].expected
                }
                env.overlay[Step.variableName(for: specs[i].id)] = value
            }
            guard changed, let v = recomputeWithStep(specs[target], target, env: env),
                Variant.isMeaningful(v, kind: specs[target].kind)
            else { return nil }
            return steps[target].tolerance.matches(v, steps[target].expected) ? nil : v
        }
    }

    /// Step `index`'s value in `env`: the key's when its answer names no earlier step, else its
    /// answer formula (`StepTable.answers`) evaluated there; nil when the evaluation fails.
    ///
    /// The usual step (no options, not an expression) is recomputed from the table alone: a
    /// `Step` taken out of an array, even through an unsafe buffer or pointer, is copied,
    /// retaining each of its many fields, which cost more than the recomputation itself.
    private func recompute(_ index: Int, _ specs: UnsafePointer<Step>, _ table: StepTable, env: Environment) -> Value? {
        let facts = table.facts
        guard facts.hasDependencies[index], let answer = table.answers[index] else { return steps[index].expected }
        let kind = facts.kinds[index]
        if kind == .expression || facts.hasOptions[index] {
            let spec = specs[index]
            let raw = (try? question.options(of: spec, env: env)) ?? []
            return try? question.answerValue(answer, step: spec, env: env, rawOptions: raw, what: "answer formula")
        }
        return try? question.answerValue(
            answer, kind: kind, stepID: facts.ids[index], env: env, rawOptions: [], what: "answer formula")
    }

    /// The same with the step's own formula, as `carriedThroughEveryStep` has always done it.
    private func recomputeWithStep(_ spec: borrowing Step, _ index: Int, env: Environment) -> Value? {
        if spec.dependencies.isEmpty { return steps[index].expected }
        let raw = (try? question.options(of: spec, env: env)) ?? []
        return try? question.answerValue(spec.answer, step: spec, env: env, rawOptions: raw, what: "answer formula")
    }

    /// A given answer to step `i` as later steps see it: a `percent: true` step's percentage as a
    /// proportion, and a value accepted as another form (`accept:`) as the canonical answer it
    /// stands for: the form's `map:` applied to it, or without a map the key's value. So a
    /// channels-first shape accepted for a channels-last step never enters a later formula that
    /// reads the channels last, where it would make meaningless answers "consistent".
    func canonicalGiven(_ given: Value, at i: Int, percent: Bool) -> Value {
        let value = percent ? Variant.proportion(given) : given
        guard !steps[i].alternatives.isEmpty, !steps[i].tolerance.matches(value, steps[i].expected) else { return value }
        let kind = steps[i].answerKind, rule = steps[i].tolerance, definitions = steps[i].definitions
        for k in steps[i].alternatives.indices
        where Question.same(value, steps[i].alternatives[k].value, kind: kind, rule: rule, definitions: definitions) {
            guard k < question.steps[i].accept.count, let map = question.steps[i].accept[k].map else {
                return steps[i].expected
            }
            var env = Environment(variables: values, dialect: .content)
            for j in 0..<i { env.overlay[Step.variableName(for: steps[j].id)] = steps[j].expected }
            env.overlay["answer"] = value
            return (try? question.evaluate(map, env, "accepted form's map")) ?? steps[i].expected
        }
        return value
    }

    /// A `percent: true` step's answer as a proportion: a plain number from 1 to 100 was typed as
    /// a percentage (a proportion cannot exceed 1), so later steps see 0.67 for 67.
    static func proportion(_ v: Value) -> Value {
        if case .number(let x) = v, x > 1, x <= 100 { return .number(x / 100) }
        return v
    }
}
