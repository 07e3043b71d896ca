import MathEngine
import Yams

/// (A class, so the nested closures that report diagnostics can share one mutable list.)
/// Turns one question file's YAML tree into a `Question`, collecting every problem as a diagnostic.
///
/// It keeps going after an error (a bad step does not hide a bad parameter below it) so an author
/// sees all of a file's problems at once; the question is only returned if there were no errors.
package final class QuestionParser {
    let file: String
    package var diagnostics: [Diagnostic] = []
    /// Step ids seen so far, including steps dropped for errors, so duplicates are still caught.
    var seenStepIDs: Set<String> = []
    /// Names whose definition has an error (a parameter, derived value or step), each with the
    /// name whose error it comes from: a formula that uses one gets a note, not a second error,
    /// so an author sees the root cause once.
    var broken: [String: String] = [:]
    /// The root cause met by the latest `checkNames` calls (reset by the caller).
    var brokenUse: String?
    /// What was not checked because of each broken root, in the order met: one note per root.
    var unchecked: [(root: String, line: Int, owner: String)] = []

    package init(file: String) { self.file = file }

    static let questionKeys: Set<String> = [
        "id", "title", "points", "topic", "text", "params", "derived", "constraints", "steps", "picture", "log"
    ]
    static let stepKeys: Set<String> = [
        "id", "partial", "part", "prompt", "kind", "answer", "check", "points", "options", "variables",
        "accept", "mistakes", "hints", "solution", "model", "keywords", "percent", "levels", "label", "tests", "shuffle",
        "distinct"
    ]

    /// Runs `body`, turning a thrown `ContentError` into a diagnostic and returning nil.
    func attempt<T>(_ body: () throws(ContentError) -> T) -> T? {
        do { return try body() } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    func fail(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }

    /// Reports the first name in `formula` that is not in `known`: an error, or a note when the
    /// name's own definition has an error (already reported).
    func checkNames(_ formula: Formula, known: Set<String>, what: String) {
        for name in formula.names.sorted() where !known.contains(name) {
            if let root = broken[name] {
                brokenUse = brokenUse ?? root
                unchecked.append((root, formula.line, String(what.prefix { $0 != ":" })))
            } else {
                fail(formula.line, "\(what): " + Self.unknownNameMessage(name, in: formula.source))
            }
            return
        }
    }

    func checkNames(_ template: Template, known: Set<String>, what: String) {
        for f in template.formulas { checkNames(f, known: known.union(template.loopNames), what: what) }
    }

    package func parse(_ root: Node) -> Question? {
        guard let q = attempt({ () throws(ContentError) in try YAMLFields(root, file: file, what: "question") }) else {
            return nil
        }
        diagnostics += q.unknownKeys(allowed: Self.questionKeys)
        let id = attempt { () throws(ContentError) in try q.string("id") } ?? "?"
        let title = attempt { () throws(ContentError) in try q.string("title") } ?? ""
        let points = attempt { () throws(ContentError) in try q.double("points") } ?? 0
        let topic = attempt { () throws(ContentError) in try q.string("topic") } ?? ""
        let log = attempt { () throws(ContentError) in try q.logBase() } ?? nil

        var known: Set<String> = []
        var params: [ParamSpec] = []
        for node in attempt({ () throws(ContentError) in try q.sequence("params") }) ?? [] {
            brokenUse = nil
            guard let p = parseParam(node, known: known) else {
                markBroken(node)
                continue
            }
            if known.contains(p.name) { fail(p.line, "parameter '\(p.name)' is defined twice.") }
            if let root = brokenUse {
                broken[p.name] = root
                continue
            }
            known.insert(p.name)
            params.append(p)
        }
        var derived: [DerivedSpec] = []
        for node in attempt({ () throws(ContentError) in try q.sequence("derived") }) ?? [] {
            brokenUse = nil
            guard let d = parseDerived(node, known: known) else {
                markBroken(node)
                continue
            }
            if known.contains(d.name) { fail(d.line, "derived value '\(d.name)' is already defined.") }
            if let root = brokenUse {
                broken[d.name] = root
                continue
            }
            known.insert(d.name)
            derived.append(d)
        }
        var constraints: [Formula] = []
        for item in attempt({ () throws(ContentError) in try q.stringList("constraints") }) ?? [] {
            if let f = attempt({ () throws(ContentError) in
                try Formula.parse(item.text, dialect: .content, file: file, line: item.line, what: "constraint")
            }) {
                checkNames(f, known: known, what: "constraint")
                constraints.append(f)
            }
        }
        var text = Template(source: "", segments: [])
        if let node = q.node("text") {
            let style = node.scalar?.style
            let start = node.line + (style == .literal || style == .folded ? 1 : 0)
            if let t = attempt({ () throws(ContentError) in
                try Template.parse(
                    YAMLFields.scalar(node, file: file, what: "field 'text'"), file: file, line: start, what: "question text")
            }) {
                checkNames(t, known: known, what: "question text")
                text = t
            }
        } else {
            fail(q.line, "question: missing field 'text'.")
        }

        var steps: [Step] = []
        var stepNames: [String: String] = [:] // variable name -> step id
        let stepNodes = attempt({ () throws(ContentError) in try q.sequence("steps") }) ?? []
        for node in stepNodes {
            guard let step = parseStep(node, known: known, earlier: stepNames) else {
                if let id = node["id"]?.string { broken[Step.variableName(for: id)] = id }
                continue
            }
            if known.contains(step.variableName) {
                fail(
                    step.line,
                    "step '\(step.id)': its formula name '\(step.variableName)' clashes with a parameter or derived value.")
            }
            stepNames[step.variableName] = step.id
            steps.append(step)
        }
        if stepNodes.isEmpty { fail(q.line, "question '\(id)' has no steps.") }
        let picture = q.node("picture").flatMap {
            parsePicture($0, line: q.line(of: "picture"), known: known.union(stepNames.keys))
        }
        let total = steps.reduce(0) { $0 + $1.points }
        // Steps dropped for their own errors would only make the sum a second symptom.
        if steps.count == stepNodes.count, abs(total - points) > 1e-6 {
            fail(
                q.line(of: "points"),
                "question '\(id)': step points sum to \(ValueText.number(total)), not \(ValueText.number(points)).")
        }
        diagnostics += UncheckedNote.notes(for: unchecked, file: file)
        if diagnostics.contains(where: \.isError) { return nil }
        return Question(
            id: id, title: title, points: points, topic: topic, picture: picture, text: text, params: params, derived: derived,
            constraints: constraints, steps: steps, file: file, line: q.line, logSetting: log, log: log ?? .natural)
    }

    /// A parameter or derived value whose definition failed: its name (when it has one) is broken.
    private func markBroken(_ node: Node) {
        if let name = node["name"]?.string { broken[name] = name }
    }

    private func parseParam(_ node: Node, known: Set<String>) -> ParamSpec? {
        attempt { () throws(ContentError) -> ParamSpec? in
            let p = try YAMLFields(node, file: file, what: "parameter")
            diagnostics += p.unknownKeys(allowed: ["name", "value", "vary"])
            let name = try p.string("name")
            let value = try Formula.parse(
                try p.string("value"), dialect: .content, file: file, line: p.line(of: "value"),
                what: "parameter '\(name)' value")
            checkNames(value, known: known, what: "parameter '\(name)' value")
            var vary: Formula?
            if let v = try p.optionalString("vary") {
                vary = try Formula.parse(
                    v, dialect: .random, file: file, line: p.line(of: "vary"), what: "parameter '\(name)' vary")
                checkNames(vary!, known: known, what: "parameter '\(name)' vary")
            }
            return ParamSpec(name: name, value: value, vary: vary, line: p.line)
        } ?? nil
    }

    private func parseDerived(_ node: Node, known: Set<String>) -> DerivedSpec? {
        attempt { () throws(ContentError) -> DerivedSpec? in
            let d = try YAMLFields(node, file: file, what: "derived value")
            diagnostics += d.unknownKeys(allowed: ["name", "formula"])
            let name = try d.string("name")
            let f = try Formula.parse(
                try d.string("formula"), dialect: .content, file: file, line: d.line(of: "formula"),
                what: "derived '\(name)'")
            checkNames(f, known: known, what: "derived '\(name)'")
            return DerivedSpec(name: name, formula: f, line: d.line)
        } ?? nil
    }
}
