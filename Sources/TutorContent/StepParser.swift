import MathEngine
import Yams

/// Parsing of one step mapping (split from `QuestionParser` to keep files small).
extension QuestionParser {
    /// Kinds whose answers are real numbers and therefore need an explicit `check:` tolerance.
    static let toleranceKinds: Set<StepKind> = [.number, .vector, .matrix]

    func parseStep(_ node: Node, known: Set<String>, earlier: [String: String]) -> Step? {
        guard let s = attempt({ () throws(ContentError) in try YAMLFields(node, file: file, what: "step") }) else { return nil }
        guard let id = attempt({ () throws(ContentError) in try s.string("id") }) else { return nil }
        let what = "step '\(id)'"
        if seenStepIDs.contains(id) {
            fail(s.line, "duplicate step id '\(id)'.")
            return nil
        }
        seenStepIDs.insert(id)
        let fields = attempt { () throws(ContentError) in try YAMLFields(node, file: file, what: what) }!
        diagnostics += fields.unknownKeys(allowed: Self.stepKeys)
        let errorsBefore = diagnostics.filter(\.isError).count

        let part =
            (attempt { () throws(ContentError) in try fields.optionalString("part") } ?? nil)
            ?? String(id.split(separator: ".").first ?? Substring(id))
        guard let k = attempt({ () throws(ContentError) in try fields.string("kind") }) else { return nil }
        guard let kind = StepKind(rawValue: k) else {
            fail(
                fields.line(of: "kind"),
                "\(what): unknown kind '\(k)' (expected one of \(StepKind.allCases.map(\.rawValue).joined(separator: ", "))).")
            return nil
        }
        let points = attempt { () throws(ContentError) in try fields.double("points") } ?? 0

        // Names an answer may use: parameters, derived values, earlier steps, expression variables.
        var variables: [(name: String, formula: Formula)] = []
        if let vnode = fields.node("variables") {
            if case .mapping(let m) = vnode {
                for (k, v) in m {
                    let name = k.string ?? ""
                    if let f = attempt({ () throws(ContentError) in
                        try Formula.parse(
                            YAMLFields.scalar(v, file: file, what: "\(what): variable '\(name)'"), dialect: .content,
                            file: file, line: v.line, what: "\(what): variable '\(name)'")
                    }) {
                        variables.append((name, f))
                    }
                }
            } else {
                fail(vnode.line, "\(what): 'variables' must map each name to a formula.")
            }
        }
        if kind == .expression && variables.isEmpty { fail(fields.line, "\(what): an expression step needs 'variables'.") }
        let variableNames = Set(variables.map(\.name))
        for (name, f) in variables { checkNames(f, known: known.union(variableNames), what: "\(what): variable '\(name)'") }
        let stepKnown = known.union(earlier.keys).union(variableNames)

        func formula(_ key: String, _ label: String) -> Formula? {
            attempt { () throws(ContentError) -> Formula? in
                guard let text = try fields.optionalString(key) else { return nil }
                return try Formula.parse(
                    text, dialect: .content, file: file, line: fields.line(of: key), what: "\(what): \(label)")
            } ?? nil
        }
        let model = attempt { () throws(ContentError) in try fields.optionalString("model") } ?? nil
        var answer = formula("answer", "answer formula")
        if answer == nil && fields.has("answer") == false {
            if kind == .text, let model {
                // A self-assessed step's "answer" is its model text.
                answer = Formula(source: model, expr: .text(model, column: 1), line: fields.line(of: "model"))
            } else {
                fail(fields.line, "\(what): missing field 'answer'.")
            }
        }
        if let answer { checkNames(answer, known: stepKnown, what: "\(what): answer formula") }
        if kind == .text && model == nil { fail(fields.line, "\(what): a text step needs a 'model' answer.") }

        var check = Tolerance.exact
        if let c = attempt({ () throws(ContentError) in try fields.optionalString("check") }) ?? nil {
            if let rule = Tolerance(c) {
                check = rule
            } else {
                fail(fields.line(of: "check"), "\(what): unknown check '\(c)' (exact, abs 0.005, rel 0.01, dp 2, sf 3).")
            }
        } else if Self.toleranceKinds.contains(kind) {
            fail(fields.line, "\(what): missing field 'check' (a \(kind.rawValue) answer needs a tolerance, e.g. 'abs 0.005').")
        }

        let templateKnown = stepKnown
        func template(_ text: String, line: Int, label: String) -> Template {
            if let t = attempt({ () throws(ContentError) in
                try Template.parse(text, file: file, line: line, what: "\(what): \(label)")
            }) {
                checkNames(t, known: templateKnown, what: "\(what): \(label)")
                return t
            }
            return Template(source: text, segments: [.literal(text)], line: line)
        }
        var prompt = Template(source: "", segments: [])
        if let p = attempt({ () throws(ContentError) in try fields.string("prompt") }) {
            prompt = template(p, line: fields.line(of: "prompt"), label: "prompt")
        }
        let solution =
            (attempt { () throws(ContentError) in try fields.optionalString("solution") } ?? nil)
            .map { template($0, line: fields.line(of: "solution"), label: "solution") } ?? Template(source: "", segments: [])
        if solution.source.isEmpty && kind != .text { fail(fields.line, "\(what): missing field 'solution'.") }
        if let model { _ = template(model, line: fields.line(of: "model"), label: "model") }
        var hints: [Template] = []
        for h in attempt({ () throws(ContentError) in try fields.stringList("hints") }) ?? [] {
            hints.append(template(h.text, line: h.line, label: "hint"))
        }
        if hints.isEmpty { fail(fields.line, "\(what): missing field 'hints' (give 2-3 progressive hints).") }

        var options = OptionsSpec.none
        if let onode = fields.node("options") {
            if case .sequence(let seq) = onode {
                var items: [Template] = []
                for n in seq {
                    if let t = attempt({ () throws(ContentError) in
                        try YAMLFields.scalar(n, file: file, what: "\(what): an option")
                    }) {
                        items.append(template(t, line: n.line, label: "option"))
                    }
                }
                options = .templates(items)
            } else if let f = formula("options", "options formula") {
                checkNames(f, known: stepKnown, what: "\(what): options formula")
                options = .formula(f)
            }
        }
        if kind == .choice, case .none = options { fail(fields.line, "\(what): a choice step needs 'options'.") }

        let mistakes = parseMistakes(fields, what: what, known: stepKnown, template: template)
        let accept = parseAccepted(fields, what: what, known: stepKnown, template: template)
        var keywords: [[String]] = []
        for n in attempt({ () throws(ContentError) in try fields.sequence("keywords") }) ?? [] {
            switch n {
            case .sequence(let seq): keywords.append(seq.compactMap { $0.string?.lowercased() })
            default: if let s = n.string { keywords.append([s.lowercased()]) }
            }
        }
        if kind == .text && keywords.isEmpty { fail(fields.line, "\(what): a text step needs 'keywords' (its key ideas).") }

        let partial = attempt({ () throws(ContentError) in try fields.optionalBool("partial") }) ?? nil
        if partial == true && kind != .vector && kind != .matrix {
            fail(fields.line, "\(what): 'partial' credit applies to vector and matrix steps only.")
        }
        let percent = attempt({ () throws(ContentError) in try fields.optionalBool("percent") }) ?? nil
        if percent == true && kind != .number {
            fail(fields.line(of: "percent"), "\(what): 'percent' applies to number steps only (an answer that is a proportion).")
        }
        let label = attempt({ () throws(ContentError) in try fields.optionalString("label") }) ?? nil
        let levels = formula("levels", "levels formula")
        if let levels { checkNames(levels, known: stepKnown, what: "\(what): levels formula") }
        let shuffle = attempt({ () throws(ContentError) in try fields.optionalBool("shuffle") }) ?? nil
        if shuffle != nil && kind != .choice {
            fail(fields.line(of: "shuffle"), "\(what): 'shuffle' applies to choice steps only (their options' order).")
        }
        let distinct = attempt({ () throws(ContentError) in try fields.optionalBool("distinct") }) ?? nil
        if distinct == true && mistakes.isEmpty {
            fail(fields.line(of: "distinct"), "\(what): 'distinct' keeps named mistakes apart, and this step has none.")
        }
        let tests = parseTests(
            fields, step: id, kind: kind, known: stepKnown.union([Step.variableName(for: id)]), earlier: earlier)
        guard diagnostics.filter(\.isError).count == errorsBefore, let answer else { return nil }
        let deps = answer.names.compactMap { earlier[$0] }.sorted()
        var step = Step(
            id: id, part: part, prompt: prompt, kind: kind, answer: answer, check: check, points: points,
            options: options, variables: variables, accept: accept, mistakes: mistakes, hints: hints,
            solution: solution, model: model, keywords: keywords, dependencies: deps, partialCredit: partial ?? false,
            levels: levels, line: fields.line, percent: percent ?? false, label: label)
        step.tests = tests
        step.shuffle = shuffle ?? true
        step.distinct = distinct ?? false
        return step
    }
}
