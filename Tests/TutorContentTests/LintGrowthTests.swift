import Foundation
import TestFixtures
import Testing

@testable import ContentLint
@testable import TutorContent

/// Lint's output grows with the number of distinct problems, not with the square of repeated
/// ones: a mistake repeated N times is one warning, and a step with more mistakes than allowed
/// is one error (its variants are not built at all).
@Suite struct LintGrowthTests {
    static let line =
        "      - {value: \"P_nobias\", why: \"Each weight matrix also has a bias column: count (#inputs + 1) per node.\"}\n"

    /// Q3 with its bias-column mistake written `copies` times, linted over `seeds` seeds.
    func lint(copies: Int, seeds: Int) throws -> [Diagnostic] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-growth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let q3 = try String(contentsOfFile: ExamFolder.sessional1 + "/q3.yaml", encoding: .utf8)
        #expect(q3.contains(Self.line))
        let repeated = q3.replacingOccurrences(of: Self.line, with: String(repeating: Self.line, count: copies))
        try repeated.write(to: dir.appendingPathComponent("q3.yaml"), atomically: true, encoding: .utf8)
        return Lint.run(directory: dir.path, seeds: seeds)
    }

    @Test func aMistakeRepeatedIsOneWarningPerStepNotOnePerPair() throws {
        let copies = Lint.maxMistakesPerStep - 4 // with the step's four other mistakes: at the limit
        let report = try lint(copies: copies, seeds: 5)
        #expect(!report.contains { $0.message.contains("named mistakes") }, "at the limit, not over it")
        let found = report.filter { $0.message.contains("give the same value") }
        #expect(found.count == 2, "one for the original exam, one counted over the seeds: \(found.map(\.message))")
        #expect(
            found.allSatisfy { $0.message.contains("mistakes 3, 4, 5, 6, 7, … (\(copies) in all)") }, "\(found.map(\.message))")
    }

    @Test func tooManyMistakesInAStepIsOneErrorAndNoVariantIsBuilt() throws {
        let report = try lint(copies: 1_000, seeds: 500)
        let crowded = report.filter { $0.isError && $0.message.contains("named mistakes; at most \(Lint.maxMistakesPerStep)") }
        #expect(crowded.count == 1, "\(crowded.map(\.message))")
        #expect(report.count < 50, "\(report.count) diagnostics for 1,000 copies of one mistake")
    }

    @Test func listsOfMistakeNumbersStayShort() {
        #expect(Lint.listed([3, 4]) == "3 and 4")
        #expect(Lint.listed([1, 2, 5]) == "1, 2 and 5")
        #expect(Lint.listed(Array(1...1_000)) == "1, 2, 3, 4, 5, … (1000 in all)")
    }
}
