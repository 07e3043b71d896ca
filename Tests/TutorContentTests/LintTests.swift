import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLint
@testable import ContentLoading
@testable import TutorContent

@Suite struct LintTests {
    static let report = Lint.run(directory: ExamFolder.sessional1, seeds: 100)

    @Test func shippedContentHasNoLintErrors() {
        let errors = Self.report.filter(\.isError)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        if ProcessInfo.processInfo.environment["LINT_PRINT"] != nil {
            print(Self.report.map(\.description).joined(separator: "\n"))
        }
    }

    /// The grading scheme's own numbers make these mistakes coincide for the original exam: two
    /// that coincide with each other are flagged; one that gives the correct value is left out of that variant.
    @Test func coincidingMistakesAreFlaggedOrLeftOut() throws {
        let q = question("q1")
        let d = Lint.check(q, seeds: 1)
        let v = original("q1")
        // Mistakes 2 and 3 give the answer in the original exam and are left out; 4 (the count of
        // correct samples, not the proportion) never can.
        #expect(v.step("k.accuracy")?.mistakes.map(\.id) == ["k.accuracy#1", "k.accuracy#4"])
        #expect(!d.contains { $0.message.contains("step 'k.accuracy': mistakes") && $0.message.contains("original exam") })
        // In seeds, no named mistake is ever the answer, and where they differ from it the
        // error-rate and printed-numbers slips are named again.
        var most = 0
        for seed in UInt64(1)...50 {
            let s = try #require(try q.variant(seed: seed).step("k.accuracy"))
            #expect(s.mistakes.allSatisfy { !Tolerance.exact.matches($0.value, s.expected) })
            most = max(most, s.mistakes.count)
        }
        #expect(most >= 2)
    }

    /// Mistakes that coincide are flagged: the shipped exam keeps them apart, so a fixture
    /// repeats one of Q3's mistakes and makes another equal to the answer.
    @Test func coincidingMistakesAreFlagged() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-coincide-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let q3 = try String(contentsOfFile: ExamFolder.sessional1 + "/q3.yaml", encoding: .utf8)
        let line =
            "      - {value: \"P_nobias\", why: \"Each weight matrix also has a bias column: count (#inputs + 1) per node.\"}\n"
        #expect(q3.contains(line))
        let broken = q3.replacingOccurrences(
            of: line, with: line + line + "      - {value: \"P\", why: \"Same as the answer.\"}\n")
        try broken.write(to: dir.appendingPathComponent("q3.yaml"), atomically: true, encoding: .utf8)
        let warnings = Lint.run(directory: dir.path, seeds: 20).filter { !$0.isError }.map(\.description)
        #expect(warnings.contains { $0.contains("step 'a.total': mistakes 3 and 4 give the same value for the original exam") })
        // The one equal to the answer is not named at all (it would call a right answer wrong).
        let fixture = ExamLoader.load(directory: dir.path).exam
        let ids = try #require(try fixture.question("q3")?.variant().step("a.total")).mistakes.compactMap(\.id)
        #expect(!ids.contains("a.total#5") && ids.contains("a.total#4"))
    }

    @Test func brokenVariantRulesAreErrors() throws {
        var q = question("q3")
        let impossible = try Formula.parse("n_in < 0", dialect: .content, file: q.file, line: 99, what: "constraint")
        q = Question(
            id: q.id, title: q.title, points: q.points, topic: q.topic, picture: q.picture, text: q.text, params: q.params,
            derived: q.derived, constraints: q.constraints + [impossible], steps: q.steps, file: q.file, line: q.line)
        let d = Lint.check(q, seeds: 2)
        // At the line of the constraint that rejects the draws, naming it.
        #expect(
            d.contains {
                $0.isError && $0.line == 99 && $0.message.contains("satisfies the constraints after 10000 attempts")
                    && $0.message.contains("the constraint \"n_in < 0\" rejects every draw")
            })
    }
}
