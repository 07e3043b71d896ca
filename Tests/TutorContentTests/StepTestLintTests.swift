import ContentLoading
import Foundation
import TestFixtures
import Testing

@testable import ContentLint
@testable import TutorContent

/// Question tests kept in the YAML (`tests:` on a step) run as lint: a passing test is silent, a
/// failing one is an error at its line saying what the grader gave and where.
struct StepTestLintTests {
    static let totalSolution =
        "    solution: \"{h}×{n_in+1} + {L-2}×({h}×{h+1}) + {C}×{h+1} = {h*(n_in+1)} + {(L-2)*h*(h+1)} + {C*(h+1)} = {P}.\""

    /// q3 with `tests` (YAML lines, indented as a step's field) after a.total's solution.
    func q3(tests: String) throws -> String {
        try editedExam("q3") {
            withoutQuestionTests($0).replacingOccurrences(of: Self.totalSolution, with: Self.totalSolution + "\n" + tests)
        }
    }

    func lint(_ dir: String, seeds: Int = 20) -> [Diagnostic] {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return Lint.run(directory: dir, seeds: seeds)
    }

    @Test func passingTestsAreSilent() throws {
        let found = lint(
            try q3(
                tests: """
                        tests:
                          - {input: "{P}", verdict: correct}
                          - {input: "{h*(n_in+1) + (L-1)*h*(h+1) + C*(h+1)}", verdict: named-mistake, mistake: 1}
                          - {input: "{P_nobias}", verdict: named-mistake, mistake: 3}
                          - {input: "619 people", verdict: invalid}
                    """))
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    @Test func aFailingTestIsAnErrorAtItsLineWithWhatTheGraderSaid() throws {
        let dir = try q3(
            tests: """
                    tests:
                      - {input: "691", verdict: correct}
                      - {input: "{P_nobias}", verdict: named-mistake, mistake: 2}
                """)
        let source = try String(contentsOfFile: dir + "/q3.yaml", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let found = lint(dir)
        #expect(found.count == 2, "\(found.map(\.description))")
        let first = try #require(found.first { $0.message.contains("test 1") })
        #expect(source[first.line - 1].contains("\"691\""))
        #expect(first.message.contains("expected correct, got named-mistake"))
        #expect(first.message.hasSuffix("(original exam)."))
        let second = try #require(found.first { $0.message.contains("test 2") })
        #expect(second.message.contains("expected mistake 2, got mistake 3"))
        #expect(second.message.contains("original exam and 20 of 20 seeds, e.g. seed 1"))
    }

    @Test func givensAreTheStudentsEarlierAnswers() throws {
        let nHidden = "    solution: \"{n_in+1+C}n + {C} ≤ {P} ⇒"
        let dir = try editedExam("q3") {
            withoutQuestionTests($0).replacingOccurrences(
                of: nHidden,
                with: """
                        tests:
                          - {input: "29", verdict: carried-forward, given: {a.total: "691"}}
                          - {input: "{floor((a_total + 100 - C)/(n_in + 1 + C))}", verdict: carried-forward, given: {a.total: "{a_total + 100}"}}
                          - {input: "29", verdict: correct, given: {a.total: "691"}}
                    """ + "\n" + nHidden)
        }
        let found = lint(dir)
        #expect(found.count == 1, "\(found.map(\.description))")
        #expect(found.first?.message.contains("test 3") == true)
        #expect(found.first?.message.contains("expected correct, got carried-forward") == true)
    }

    @Test func badTestsAreReportedWhenLoading() throws {
        let dir = try q3(
            tests: """
                    tests:
                      - {input: "1", verdict: right}
                      - {input: "1", verdict: incorrect, mistake: 1}
                      - {input: "1", verdict: incorrect, given: {c.choice: "a"}}
                """)
        let found = lint(dir).filter(\.isError).map(\.message)
        #expect(found.contains { $0.contains("unknown verdict 'right'; use one of correct, correct-alternative") })
        #expect(found.contains { $0.contains("'mistake' is the number of a named mistake") })
        #expect(found.contains { $0.contains("given 'c.choice' is not an earlier step") })
    }

    /// A test with `seed` runs on that seed alone, lint's seed count or not: the original exam's
    /// literal answer fails there (and is reported with the seed, not the original exam), and the
    /// same test written with a placeholder passes.
    @Test func aSeededTestRunsOnItsSeedAloneAndAFailureNamesTheSeed() throws {
        let dir = try q3(
            tests: """
                    tests:
                      - {input: "{P}", verdict: correct, seed: 4}
                      - {input: "{P}", verdict: correct, seed: 250}
                      - {input: "{P_nobias}", verdict: named-mistake, mistake: 3, seed: 4}
                      - {input: "{P}", verdict: incorrect, seed: 250}
                      - {input: "{P_nobias}", verdict: named-mistake, mistake: 1, seed: 4}
                """)
        let source = try String(contentsOfFile: dir + "/q3.yaml", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let found = lint(dir)
        #expect(found.count == 2, "\(found.map(\.description))")
        let fourth = try #require(found.first { $0.message.contains("test 4") })
        #expect(fourth.isError)
        #expect(source[fourth.line - 1].contains("seed: 250"))
        #expect(fourth.message.contains("expected incorrect, got correct"))
        #expect(fourth.message.hasSuffix("(seed 250)."), "\(fourth.message)")
        let fifth = try #require(found.first { $0.message.contains("test 5") })
        #expect(fifth.message.contains("expected mistake 1, got mistake 3"))
        #expect(fifth.message.hasSuffix("(seed 4)."), "\(fifth.message)")
    }

    /// The original exam's literal answer holds there, but pinned to a seed whose answer differs
    /// it fails: the test ran on the seed, not on the original exam.
    @Test func aSeededTestDoesNotRunOnTheOriginalExam() throws {
        let dir = try q3(tests: "    tests:\n      - {input: \"619\", verdict: correct}\n")
        let q = try #require(ExamLoader.load(directory: dir).exam.question("q3"))
        let seed = try #require((1...50).first { (try? q.variant(seed: UInt64($0)))?.step("a.total")?.expected.number != 619 })
        let pinned = try q3(tests: "    tests:\n      - {input: \"619\", verdict: correct, seed: \(seed)}\n")
        #expect(lint(dir).isEmpty)
        let found = lint(pinned)
        #expect(found.count == 1, "\(found.map(\.description))")
        #expect(found.first?.message.hasSuffix("(seed \(seed)).") == true, "\(found.map(\.description))")
    }

    /// A seed that is not a whole number from 1 is an error at the `seed` field's line.
    @Test(arguments: ["0", "-3", "2.5", "seven"]) func aBadSeedIsAnErrorAtItsLine(seed: String) throws {
        let dir = try q3(
            tests: """
                    tests:
                      - {input: "{P}", verdict: correct}
                      - input: "{P}"
                        verdict: correct
                        seed: \(seed)
                """)
        let source = try String(contentsOfFile: dir + "/q3.yaml", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let errors = lint(dir).filter(\.isError)
        let error = try #require(errors.first { $0.message.contains("'seed'") }, "\(errors.map(\.description))")
        #expect(source[error.line - 1].contains("seed: \(seed)"), "\(error.description)")
        #expect(error.file.hasSuffix("q3.yaml"))
    }
}
