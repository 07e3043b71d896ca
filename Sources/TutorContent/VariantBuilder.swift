import MathEngine

/// Instantiates questions: draws parameters for a seed (rejection sampling against the
/// constraints), computes derived values, and evaluates every step's expected value, mistakes,
/// alternatives and rendered texts.
extension Question {
    /// Attempts before giving up on a seed whose draws keep failing the constraints.
    public static let maxAttempts = 10_000

    /// The generator seed for exam seed `seed` and this question: FNV-1a over the question id
    /// mixed with the seed, so each question varies independently and identically on every machine.
    public static func generatorSeed(seed: UInt64, questionID: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in questionID.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        h ^= seed &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    /// The original exam (`seed == nil`) or the variant for `seed`.
    public func variant(seed: UInt64? = nil) throws(ContentError) -> Variant {
        try instantiate(values(seed: seed), seed: seed, texts: true)
    }

    /// The same variant for grading one answer and nothing else (`dltutor check`): values,
    /// options, mistakes with their explanations, accepted forms and model answers as in
    /// `variant`, but the question text, prompts, solutions and hints left empty, since rendering
    /// them was most of a one-shot check's own time. Never show one to a student.
    public func variantForGrading(seed: UInt64? = nil) throws(ContentError) -> Variant {
        try instantiate(values(seed: seed), seed: seed, texts: false)
    }

    private func values(seed: UInt64?) throws(ContentError) -> [NamedValue] {
        if let seed { return try drawValues(seed: seed) }
        return try computeValues(rng: nil)
    }

    /// The original exam's values, then whether each constraint holds for them (lint uses this).
    package func failingConstraints(_ values: [String: Value]) throws(ContentError) -> [Formula] {
        var failing: [Formula] = []
        let env = Environment(variables: values, dialect: .content)
        for c in constraints where !(try evaluate(c, env, "constraint").isTruthy) { failing.append(c) }
        return failing
    }

    private func drawValues(seed: UInt64) throws(ContentError) -> [NamedValue] {
        let rng = RandomSource(seed: Question.generatorSeed(seed: seed, questionID: id))
        let distinct = distinctStepIndices
        // One count per constraint, then one per `distinct: true` step.
        var rejections = [Int](repeating: 0, count: constraints.count + distinct.count)
        for _ in 0..<Question.maxAttempts {
            let values = try computeValues(rng: rng)
            let env = Environment(variables: Dictionary(values.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }))
            var satisfied = true
            for (i, c) in constraints.enumerated() where !(try evaluate(c, env, "constraint").isTruthy) {
                rejections[i] += 1
                satisfied = false
            }
            // Only a draw every constraint accepts is built far enough to compare mistakes.
            if satisfied, let k = try firstCoincidingDistinct(env.variables, distinct: distinct) {
                rejections[constraints.count + k] += 1
                satisfied = false
            }
            if satisfied { return values }
        }
        throw noVariant(seed: seed, rejections: rejections, distinct: distinct)
    }

    /// The error for a seed no draw satisfies, at the line of the constraint (or `distinct: true`
    /// step) that rejected the most draws, with how often it did: that rule is the one to loosen.
    private func noVariant(seed: UInt64, rejections: [Int], distinct: [Int]) -> ContentError {
        var message =
            "question '\(id)': no variant for seed \(seed) satisfies the constraints after \(Question.maxAttempts) attempts"
        guard let worst = rejections.indices.max(by: { rejections[$0] < rejections[$1] }), rejections[worst] > 0 else {
            return ContentError(file: file, line: line, message: message + ".")
        }
        let percent = Double(rejections[worst]) * 100 / Double(Question.maxAttempts)
        let share = percent >= 99.95 ? "every draw" : "\(ValueText.number((percent * 10).rounded() / 10))% of the draws"
        if worst >= constraints.count {
            let step = steps[distinct[worst - constraints.count]]
            message += "; 'distinct: true' of step '\(step.id)' (its named mistakes coincide) rejects \(share)."
            return ContentError(file: file, line: step.line, message: message)
        }
        message += "; the constraint \"\(constraints[worst].source)\" rejects \(share)."
        return ContentError(file: file, line: constraints[worst].line, message: message)
    }

    /// Parameters (drawn when `rng` is given) then derived values, in file order.
    private func computeValues(rng: RandomSource?) throws(ContentError) -> [NamedValue] {
        var env = Environment(variables: [:], dialect: rng == nil ? .content : .random, rng: rng)
        var out: [NamedValue] = []
        for p in params {
            let f = (rng != nil ? p.vary : nil) ?? p.value
            let v = try evaluate(f, env, "parameter '\(p.name)'")
            env.variables[p.name] = v
            out.append(NamedValue(name: p.name, value: v))
        }
        env.dialect = .content
        env.rng = nil
        for d in derived {
            let v = try evaluate(d.formula, env, "derived '\(d.name)'")
            env.variables[d.name] = v
            out.append(NamedValue(name: d.name, value: v))
        }
        return out
    }

    /// `what` names the formula in an error; it is only built when there is one (this runs for
    /// every carried-forward check, so it must not allocate on success).
    func evaluate(_ f: Formula, _ env: Environment, _ what: @autoclosure () -> String) throws(ContentError) -> Value {
        do {
            return try Evaluator.evaluate(f.expr, in: env)
        } catch {
            throw ContentError(file: file, line: f.line, message: "\(what()): \(error.message) (in \"\(f.source)\")")
        }
    }

    private func instantiate(_ values: [NamedValue], seed: UInt64?, texts: Bool) throws(ContentError) -> Variant {
        var env = Environment(
            variables: Dictionary(values.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }), dialect: .content)
        let base = env.variables
        let rendered = texts ? try text.render(env, file: file, what: "question text") : ""
        var steps: [VariantStep] = []
        for step in self.steps {
            let vs = try instantiate(step, env: env, seed: seed, texts: texts)
            env.variables[step.variableName] = vs.expected
            steps.append(vs)
        }
        return Variant(question: self, seed: seed, parameters: values, values: base, text: rendered, steps: steps)
    }

    /// The rendered options of a choice step, in file order (answer indices refer to this order).
    func options(of step: Step, env: Environment) throws(ContentError) -> [String] {
        var out: [String] = []
        switch step.options {
        case .none: break
        case .templates(let items):
            for t in items { out.append(try t.render(env, file: file, what: "step '\(step.id)': option")) }
        case .formula(let f):
            let v = try evaluate(f, env, "step '\(step.id)': options")
            switch v {
            case .list(let items): out = items.map { ValueText.format($0) }
            default: out = [ValueText.format(v)]
            }
        }
        return out
    }

    /// A formula's value as the step's answer: choice indices become option texts, expression
    /// formulas become their text with the parameters substituted.
    func answerValue(
        _ f: Formula, step: Step, env: Environment, rawOptions: [String],
        what: @autoclosure () -> String
    ) throws(ContentError) -> Value {
        if step.kind == .expression {
            let text = ExpressionText.substitute(f.expr, values: env.allVariables, keep: Set(step.variables.map(\.name)))
            // Shown to students as the answer, so print it the way they would write it.
            return .text((try? Parser.parse(text, dialect: .content))?.pretty ?? text)
        }
        return try answerValue(f, kind: step.kind, stepID: step.id, env: env, rawOptions: rawOptions, what: what())
    }

    /// The same for a step of any kind but `.expression`, from its kind and id alone (carried
    /// forward calls this without taking a whole `Step` out of the question's array).
    func answerValue(
        _ f: Formula, kind: StepKind, stepID: String, env: Environment, rawOptions: [String],
        what: @autoclosure () -> String
    ) throws(ContentError) -> Value {
        let v = try evaluate(f, env, "step '\(stepID)': \(what())")
        if kind == .choice, case .number(let x) = v {
            // Range-checked before the conversion: Int(1e19) would trap.
            let k = x.isFinite && abs(x) < 1e9 ? Int(x) : 0
            guard Double(k) == x, k >= 1, k <= rawOptions.count else {
                throw ContentError(
                    file: file, line: f.line,
                    message:
                        "step '\(stepID)': \(what()) picks option \(ValueText.number(x)), but there are \(rawOptions.count) options."
                )
            }
            return .text(rawOptions[k - 1])
        }
        if kind == .set, case .vector(let xs) = v { return Value.makeSet(xs) }
        return v
    }
}
