import Foundation
import Testing

/// `dltutor list` on an exam with a question whose file has errors: the question is listed with
/// its first error (`file:line: message`), the others as usual, and the exit status is 1.
@Suite("dltutor list with errors")
struct ListErrorsTests {
    /// A copy of the bundled exam in a temporary folder, removed with the value.
    final class ExamCopy {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-list-\(UUID().uuidString)").path
        init() throws { try FileManager.default.copyItem(atPath: CLI.contentDir, toPath: path) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ text: String, to name: String) throws {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    @Test func aQuestionWithErrorsIsListedWithItsErrorAndTheExitStatusIsOne() throws {
        let exam = try ExamCopy()
        try exam.write("id: q2\ntitle: \"Broken on purpose\"\npoints: 10\ntopic: loss\n", to: "q2.yaml")
        let r = try CLI.run(["list", "--content", exam.path], content: false)
        #expect(r.status == 1, "\(r.stderr)")
        let lines = r.lines
        let broken = try #require(lines.firstIndex { $0.contains("q2  Broken on purpose  — has errors: run dltutor lint") })
        #expect(lines[broken + 1].contains("/q2.yaml:"), "its first error follows: \(lines[broken + 1])")
        let q1 = try #require(lines.firstIndex { $0.hasPrefix("1. q1  ") })
        let q3 = try #require(lines.firstIndex { $0.hasPrefix("2. q3  ") })
        #expect(q1 < broken && broken < q3, "listed in the exam's order")
        #expect(r.stderr.contains("run dltutor lint"))
    }

    @Test func aMissingQuestionFileIsListedAsAQuestionWithErrors() throws {
        let exam = try ExamCopy()
        try FileManager.default.removeItem(atPath: exam.path + "/q5.yaml")
        let r = try CLI.run(["list", "--content", exam.path], content: false)
        #expect(r.status == 1)
        #expect(r.stdout.contains("q5  q5  — has errors: run dltutor lint"), "\(r.stdout)")
        #expect(r.stdout.contains("question file 'q5.yaml' does not exist."))
    }

    @Test func anExamWhoseEveryQuestionFailsKeepsItsClearError() throws {
        let exam = try ExamCopy()
        for q in ["q1", "q2", "q3", "q4", "q5"] { try exam.write("id: \(q)\ntitle: [unclosed\n", to: "\(q).yaml") }
        let r = try CLI.run(["list", "--content", exam.path], content: false)
        #expect(r.stderr.contains("no question could be loaded from"), "\(r.stderr)")
        #expect(r.status == 64, "a usage-style error, as before any question was listed")
        #expect(!r.stdout.contains("has errors"))
    }

    @Test func theCacheKeepsTheQuestionWithErrors() throws {
        let exam = try ExamCopy()
        try exam.write("id: q2\ntitle: [unclosed\n", to: "q2.yaml")
        let first = try CLI.run(["list", "--content", exam.path], content: false)
        let second = try CLI.run(["list", "--content", exam.path], content: false)
        #expect(first.stdout == second.stdout && second.status == 1, "the second run reads the cache")
        #expect(second.stdout.contains("q2  q2  — has errors"))
    }
}
