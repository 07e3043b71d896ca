import MathEngine

/// One explanation when an answer matches several named mistakes.
///
/// Two misconceptions can give the same wrong value in a variant ("counts 8 hidden layers" and
/// "forgets the output bias" may both give 691). Showing both told the student two contradictory
/// stories, so the student's own earlier answers decide: a mistake is kept when, recomputed with
/// the values the student gave on earlier steps, it still gives the value typed now (it is
/// consistent with what they did before); among those, one the student already made on this step
/// wins; otherwise the first in the file. Exactly one explanation is returned.
extension Variant {
    public func explaining(
        _ verdict: Verdict, value: Value?, step stepID: String, given: [String: Value],
        madeBefore: Set<String> = []
    ) -> Verdict {
        guard case .incorrect(let mistakes, let wrong, let reason) = verdict, mistakes.count > 1 else { return verdict }
        var candidates = mistakes
        if let value, let target = question.steps.firstIndex(where: { $0.id == stepID }), !given.isEmpty {
            let consistent = mistakes.filter { m in
                guard let n = m.id.flatMap({ $0.split(separator: "#").last }).flatMap({ Int($0) }),
                    let recomputed = mistakeValue(n - 1, of: target, given: given)
                else { return true }
                return steps[target].tolerance.matches(value, recomputed)
            }
            if !consistent.isEmpty { candidates = consistent }
        }
        let chosen = candidates.first { $0.id.map(madeBefore.contains) == true } ?? candidates[0]
        return .incorrect(mistakes: [chosen], wrongEntries: wrong, reason: reason)
    }

    /// Mistake `index` of step `target` evaluated with the student's earlier answers bound to
    /// the earlier steps' names (nil when it cannot be evaluated).
    private func mistakeValue(_ index: Int, of target: Int, given: [String: Value]) -> Value? {
        let spec = question.steps[target]
        guard spec.mistakes.indices.contains(index) else { return nil }
        var env = Environment(variables: values, dialect: .content)
        for i in 0..<target {
            let s = question.steps[i]
            let g = given[s.id].map { s.percent ? Variant.proportion($0) : $0 }
            env.overlay[s.variableName] = g ?? steps[i].expected
        }
        let raw = (try? question.options(of: spec, env: env)) ?? []
        return try? question.answerValue(spec.mistakes[index].value, step: spec, env: env, rawOptions: raw, what: "mistake")
    }
}
