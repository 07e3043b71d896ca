import Foundation
import MathEngine
import Testing
@testable import TutorContent

@Suite struct LintTests {
    static let report = Lint.run(directory: examDirectory, seeds: 500)

    @Test func shippedContentHasNoLintErrors() {
        let errors = Self.report.filter(\.isError)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        if ProcessInfo.processInfo.environment["LINT_PRINT"] != nil {
            print(Self.report.map(\.description).joined(separator: "\n"))
        }
    }

    /// answer-key.md says these mistakes coincide for the original exam; lint must say so.
    @Test func coincidingMistakesAreFlagged() {
        let warnings = Self.report.filter { !$0.isError }.map(\.description)
        #expect(warnings.contains { $0.contains("/q1.yaml:") && $0.contains("step 'k.accuracy': mistake 2 gives the correct value for the original exam") })
        #expect(warnings.contains { $0.contains("/q1.yaml:") && $0.contains("step 'k1.accuracy': mistakes 1 and 2 give the same value for the original exam") })
        #expect(warnings.contains { $0.contains("/q2.yaml:") && $0.contains("step 'a.W_shape': mistakes 1 and 2 give the same value for the original exam") })
    }

    @Test func brokenVariantRulesAreErrors() throws {
        var q = question("q3")
        let impossible = try Formula.parse("n_in < 0", dialect: .content, file: q.file, line: 99, what: "constraint")
        q = Question(id: q.id, title: q.title, points: q.points, topic: q.topic, picture: q.picture, text: q.text, params: q.params,
                     derived: q.derived, constraints: q.constraints + [impossible], steps: q.steps, file: q.file, line: q.line)
        let d = Lint.check(q, seeds: 2)
        #expect(d.contains { $0.isError && $0.line == q.line && $0.message.contains("satisfies the constraints after 10000 attempts") })
    }
}
