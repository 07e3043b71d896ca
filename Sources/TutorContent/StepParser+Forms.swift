import MathEngine
import Yams

/// Parsing of a step's named mistakes (`mistakes:`, each with `why:` or `causes:`) and accepted
/// forms (`accept:`, each with an optional `map:`), split from `parseStep` to keep it short.
extension QuestionParser {
    /// Renders-to-be text of a step, parsed and name-checked by the caller's rules.
    typealias StepTemplate = (_ text: String, _ line: Int, _ label: String) -> Template

    /// The step's `mistakes:` list; a broken entry is reported and left out.
    func parseMistakes(_ fields: YAMLFields, what: String, known: Set<String>, template: StepTemplate) -> [MistakeSpec] {
        var mistakes: [MistakeSpec] = []
        for n in attempt({ () throws(ContentError) in try fields.sequence("mistakes") }) ?? [] {
            if let m = parseMistake(n, what: what, known: known, template: template) { mistakes.append(m) }
        }
        return mistakes
    }

    /// One mistake: `{value, why}` or `{value, causes: [...]}`, with an optional `from_answers`.
    private func parseMistake(_ n: Node, what: String, known: Set<String>, template: StepTemplate) -> MistakeSpec? {
        guard let mf = attempt({ () throws(ContentError) in try YAMLFields(n, file: file, what: "\(what): mistake") })
        else { return nil }
        diagnostics += mf.unknownKeys(allowed: ["value", "why", "causes", "from_answers"])
        guard
            let value = attempt({ () throws(ContentError) in
                try Formula.parse(
                    try mf.string("value"), dialect: .content, file: file, line: mf.line(of: "value"),
                    what: "\(what): mistake formula")
            })
        else { return nil }
        checkNames(value, known: known, what: "\(what): mistake formula")
        let fromAnswers = attempt({ () throws(ContentError) in try mf.optionalBool("from_answers") }) ?? nil
        if mf.has("why") == mf.has("causes") {
            fail(mf.line, "\(what): a mistake needs 'why' or 'causes' (one of them, not both).")
            return nil
        }
        var spec: MistakeSpec
        if mf.has("why") {
            guard let why = attempt({ () throws(ContentError) in try mf.string("why") }) else { return nil }
            spec = MistakeSpec(value: value, why: template(why, mf.line(of: "why"), "mistake explanation"))
        } else {
            spec = MistakeSpec(value: value, why: Template(source: "", segments: []))
            guard let causes = parseCauses(mf, what: what, known: known, template: template) else { return nil }
            spec.causes = causes
        }
        spec.fromAnswers = fromAnswers ?? false
        return spec
    }

    /// A mistake's `causes:` list: plain texts (always apply) or `{when: formula, text: …}`.
    /// nil when the list is empty or an entry is broken (reported).
    private func parseCauses(_ mf: YAMLFields, what: String, known: Set<String>, template: StepTemplate) -> [MistakeCause]? {
        guard let nodes = attempt({ () throws(ContentError) in try mf.sequence("causes") }) else { return nil }
        if nodes.isEmpty {
            fail(mf.line(of: "causes"), "\(what): 'causes' needs at least one cause (a text, or {when, text}).")
            return nil
        }
        var causes: [MistakeCause] = []
        for n in nodes {
            if case .scalar = n, let text = n.string {
                causes.append(MistakeCause(when: nil, text: template(text, n.line, "mistake cause")))
                continue
            }
            guard let cause = parseCause(n, what: what, known: known, template: template) else { return nil }
            causes.append(cause)
        }
        return causes
    }

    /// One `{when, text}` cause; `when` is optional (always).
    private func parseCause(_ n: Node, what: String, known: Set<String>, template: StepTemplate) -> MistakeCause? {
        guard
            let cf = attempt({ () throws(ContentError) in
                try YAMLFields(n, file: file, what: "\(what): mistake cause")
            })
        else { return nil }
        diagnostics += cf.unknownKeys(allowed: ["when", "text"])
        guard let text = attempt({ () throws(ContentError) in try cf.string("text") }) else { return nil }
        var when: Formula?
        if cf.has("when") {
            guard
                let f = attempt({ () throws(ContentError) in
                    try Formula.parse(
                        try cf.string("when"), dialect: .content, file: file, line: cf.line(of: "when"),
                        what: "\(what): cause condition")
                })
            else { return nil }
            checkNames(f, known: known, what: "\(what): cause condition")
            when = f
        }
        return MistakeCause(when: when, text: template(text, cf.line(of: "text"), "mistake cause"))
    }

    /// The step's `accept:` list: `{value, note}` with an optional `map:` in `answer`.
    func parseAccepted(_ fields: YAMLFields, what: String, known: Set<String>, template: StepTemplate) -> [AlternativeSpec] {
        var accept: [AlternativeSpec] = []
        for n in attempt({ () throws(ContentError) in try fields.sequence("accept") }) ?? [] {
            guard
                let af = attempt({ () throws(ContentError) in
                    try YAMLFields(n, file: file, what: "\(what): accepted form")
                })
            else { continue }
            diagnostics += af.unknownKeys(allowed: ["value", "note", "map"])
            func formula(_ key: String, _ label: String) -> Formula? {
                attempt { () throws(ContentError) in
                    try Formula.parse(
                        try af.string(key), dialect: .content, file: file, line: af.line(of: key), what: "\(what): \(label)")
                }
            }
            guard let value = formula("value", "accepted form"),
                let note = attempt({ () throws(ContentError) in try af.string("note") })
            else { continue }
            checkNames(value, known: known, what: "\(what): accepted form")
            var spec = AlternativeSpec(value: value, note: template(note, af.line(of: "note"), "accepted-form note"))
            if af.has("map") {
                guard let map = formula("map", "accepted form's map") else { continue }
                checkNames(map, known: known.union(["answer"]), what: "\(what): accepted form's map")
                spec.map = map
            }
            accept.append(spec)
        }
        return accept
    }
}
