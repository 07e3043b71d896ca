import MathEngine

/// Evaluation of one step for a variant (split from `VariantBuilder` to keep files small).
extension Question {
    /// `texts: false` leaves the prompt, solution and hints empty (see `variantForGrading`).
    func instantiate(_ step: Step, env: Environment, seed: UInt64?, texts: Bool = true) throws(ContentError) -> VariantStep {
        let what = "step '\(step.id)'"
        let rawOptions = try options(of: step, env: env)
        var shown: [String] = []
        for o in rawOptions where !shown.contains(o) { shown.append(o) }
        let expected = try answerValue(step.answer, step: step, env: env, rawOptions: rawOptions, what: "answer formula")
        if step.kind == .choice, step.shuffle {
            let ordinal = steps.filter { $0.kind == .choice }.firstIndex { $0.id == step.id } ?? 0
            shown = ChoiceOrder.arrange(
                shown, correct: expected.textValue, questionID: id, stepID: step.id,
                seed: seed, ordinal: ordinal)
        }
        let answerKind = Self.gradingKind(of: step, options: shown, expected: expected)
        let definitions = Self.definitions(of: step, env: env)
        var mistakes: [Mistake] = []
        for (i, m) in step.mistakes.enumerated() {
            // Causes first: a mistake none of whose causes applies here is not evaluated at all.
            guard let why = try explanation(of: m, env: env, what: what) else { continue }
            let v = try answerValue(m.value, step: step, env: env, rawOptions: rawOptions, what: "mistake \(i + 1)")
            // A misconception that gives the right value in this variant is no mistake here: naming
            // it would call a correct method wrong, so it is left out of this variant (key, demo,
            // feedback). The id keeps the file's numbering, so stats group it the same in every variant.
            if step.kind != .text, Self.same(v, expected, kind: answerKind, rule: step.check, definitions: definitions) {
                continue
            }
            mistakes.append(Mistake(id: "\(step.id)#\(i + 1)", value: v, explanation: why))
        }
        var alternatives: [Alternative] = []
        for a in step.accept {
            let v = try answerValue(a.value, step: step, env: env, rawOptions: rawOptions, what: "accepted form")
            alternatives.append(
                Alternative(value: v, note: try a.note.render(env, file: file, what: "\(what): accepted-form note")))
        }
        var hints: [String] = []
        for h in step.hints where texts { hints.append(try h.render(env, file: file, what: "\(what): hint")) }
        var model: String?
        if let m = step.model {
            let t = try Template.parse(m, file: file, line: step.line, what: "\(what): model")
            model = try t.render(env, file: file, what: "\(what): model")
        }
        var instance = VariantStep(
            id: step.id, part: step.part, kind: step.kind, answerKind: answerKind,
            prompt: texts ? try step.prompt.render(env, file: file, what: "\(what): prompt") : "",
            expected: step.kind == .text ? .text(model ?? "") : expected,
            tolerance: step.check, points: step.points, options: shown, mistakes: mistakes,
            alternatives: alternatives, hints: hints,
            solution: texts ? try step.solution.render(env, file: file, what: "\(what): solution") : "",
            model: model, keywords: step.keywords, dependencies: step.dependencies, partialCredit: step.partialCredit,
            definitions: definitions)
        instance.label = step.label ?? step.id
        return instance
    }

    /// What a mistake says in this variant: its `why`, or the texts of its `causes` whose
    /// condition holds there (`MistakeCause.joined`); nil when no cause holds, so the mistake is
    /// left out of the variant, as one giving the correct value is.
    func explanation(of m: MistakeSpec, env: Environment, what: String) throws(ContentError) -> String? {
        guard !m.causes.isEmpty else { return try m.why.render(env, file: file, what: "\(what): mistake explanation") }
        var texts: [String] = []
        for cause in m.causes {
            if let when = cause.when, !(try evaluate(when, env, "\(what): cause condition").isTruthy) { continue }
            texts.append(try cause.text.render(env, file: file, what: "\(what): mistake cause"))
        }
        return texts.isEmpty ? nil : MistakeCause.joined(texts)
    }

    /// How the grader reads the step's answers: its kind's, with a one-dimensional shape read as
    /// a vector's length.
    static func gradingKind(of step: Step, options: [String], expected: Value) -> AnswerKind {
        let kind = answerKind(of: step, options: options)
        if kind == .shape, case .shape(let dims) = expected, dims.count == 1 { return .vectorLength }
        return kind
    }

    /// Expression steps: each student variable's sample-value formula with the variant's values in.
    static func definitions(of step: Step, env: Environment) -> [String: String] {
        let keep = Set(step.variables.map(\.name))
        var definitions: [String: String] = [:]
        for (name, f) in step.variables {
            definitions[name] = ExpressionText.substitute(f.expr, values: env.allVariables, keep: keep)
        }
        return definitions
    }

    static func answerKind(of step: Step, options: [String]) -> AnswerKind {
        switch step.kind {
        case .number: .number
        case .integer: .integer
        case .vector: .vector
        case .matrix: .matrix
        case .shape: .shape
        case .set: .set
        case .choice: .choice(options)
        case .list: .textList
        case .shapes: .shapeList
        case .expression: .expression(variables: step.variables.map(\.name))
        case .text: .freeText
        }
    }

    /// Whether two values are the same answer under the step's own rule (expressions: the same
    /// function of the step's variables), exactly as the grader would judge them.
    static func same(_ a: Value, _ b: Value, kind: AnswerKind, rule: Tolerance, definitions: [String: String]) -> Bool {
        Grader.grade(value: a, kind: kind, expected: b, rule: rule, definitions: definitions) == .correct
    }
}

/// Prints an expression with every name outside `keep` replaced by its value, so an expression
/// step's expected formula (`(n_in + 1)*n + C*(n + 1)`) becomes one in the student's variables
/// only (`((19 + 1) * n) + (3 * (n + 1))`), which the engine's matcher can sample.
enum ExpressionText {
    static func substitute(_ e: Expr, values: [String: Value], keep: Set<String>) -> String {
        switch e {
        case .number(let x, _): return literal(x)
        case .text(let s, _): return "\"\(s)\""
        case .name(let n, _):
            if keep.contains(n) { return n }
            if let v = values[n] {
                switch v {
                case .number(let x): return literal(x)
                case .vector(let xs): return "[" + xs.map(literal).joined(separator: ", ") + "]"
                default: return n
                }
            }
            return n
        case .unary(let op, let a, _):
            let inner = substitute(a, values: values, keep: keep)
            return op == .negate ? "(-\(inner))" : "(not \(inner))"
        case .binary(let op, let a, let b, _):
            return "(\(substitute(a, values: values, keep: keep)) \(op.rawValue) \(substitute(b, values: values, keep: keep)))"
        case .call(let f, let args, _):
            return "\(f)(" + args.map { substitute($0, values: values, keep: keep) }.joined(separator: ", ") + ")"
        case .array(let rows, _):
            return "["
                + rows.map { $0.map { substitute($0, values: values, keep: keep) }.joined(separator: ", ") }.joined(
                    separator: "; ") + "]"
        }
    }

    /// Plain decimal (no exponent), negative numbers parenthesised.
    static func literal(_ x: Double) -> String {
        let s = x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        return x < 0 ? "(\(s))" : s
    }
}
