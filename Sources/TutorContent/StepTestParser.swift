import Yams

/// Parsing of a step's `tests:` list (split from `StepParser` to keep it small).
extension QuestionParser {
    /// `tests: [{input: "691", verdict: named-mistake, mistake: 1, given: {a.total: "691"}}]`.
    /// `earlier` maps the formula names of earlier steps to their ids: a given names one of them.
    func parseTests(_ fields: YAMLFields, step: String, kind: StepKind, known: Set<String>, earlier: [String: String])
        -> [StepTest]
    {
        guard let nodes = attempt({ () throws(ContentError) in try fields.sequence("tests") }), !nodes.isEmpty else { return [] }
        let what = "step '\(step)'"
        if kind == .text {
            fail(fields.line(of: "tests"), "\(what): a text step is self-assessed, so it has no tests.")
            return []
        }
        var tests: [StepTest] = []
        for (i, node) in nodes.enumerated() {
            let label = "\(what): test \(i + 1)"
            if let t = attempt({ () throws(ContentError) in
                try parseTest(node, label: label, known: known, earlier: Set(earlier.values))
            }) {
                tests.append(t)
            }
        }
        return tests
    }

    private func parseTest(_ node: Node, label: String, known: Set<String>, earlier: Set<String>) throws(ContentError)
        -> StepTest
    {
        let t = try YAMLFields(node, file: file, what: label)
        diagnostics += t.unknownKeys(allowed: ["input", "verdict", "mistake", "given", "seed"])
        let input = try Template.parse(try t.string("input"), file: file, line: t.line(of: "input"), what: "\(label): input")
        checkNames(input, known: known, what: "\(label): input")
        let word = try t.string("verdict")
        guard let expected = StepTest.Expected(rawValue: word) else {
            let words = StepTest.Expected.allCases.map(\.rawValue).joined(separator: ", ")
            throw t.error("\(label): unknown verdict '\(word)'; use one of \(words).", at: "verdict")
        }
        var mistake: Int?
        if t.has("mistake") {
            let n = try t.double("mistake")
            guard expected == .namedMistake, n == n.rounded(), n >= 1 else {
                throw t.error(
                    "\(label): 'mistake' is the number of a named mistake (1 for the first) and goes with verdict named-mistake.",
                    at: "mistake")
            }
            mistake = Int(n)
        }
        let given = try parseGiven(t, label: label, known: known, earlier: earlier)
        return StepTest(
            input: input, expected: expected, mistake: mistake, given: given, seed: try parseSeed(t, label: label),
            line: t.line)
    }

    /// `seed: 7`: the one seeded variant a test runs on, a whole number from 1 (seed 0 is no seed).
    private func parseSeed(_ t: YAMLFields, label: String) throws(ContentError) -> UInt64? {
        guard t.has("seed") else { return nil }
        let n = try t.double("seed")
        guard n == n.rounded(), n >= 1 else {
            throw t.error("\(label): 'seed' is the number of one seeded variant, a whole number from 1.", at: "seed")
        }
        return UInt64(n)
    }

    /// `given: {a.total: "691"}`: earlier steps' answers as the student typed them.
    private func parseGiven(_ t: YAMLFields, label: String, known: Set<String>, earlier: Set<String>)
        throws(ContentError) -> [(step: String, input: Template)]
    {
        var given: [(step: String, input: Template)] = []
        if let g = t.node("given") {
            guard case .mapping(let pairs) = g else {
                throw t.error("\(label): 'given' maps earlier step ids to answers.", at: "given")
            }
            for (k, v) in pairs {
                let id = k.string ?? ""
                guard earlier.contains(id) else {
                    throw ContentError(
                        file: file, line: k.line, message: "\(label): given '\(id)' is not an earlier step of this question.")
                }
                let text = try YAMLFields.scalar(v, file: file, what: "\(label): given '\(id)'")
                let answer = try Template.parse(text, file: file, line: v.line, what: "\(label): given '\(id)'")
                checkNames(answer, known: known, what: "\(label): given '\(id)'")
                given.append((id, answer))
            }
        }
        return given
    }
}
