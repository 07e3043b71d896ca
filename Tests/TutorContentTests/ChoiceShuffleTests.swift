import Foundation
import TestFixtures
import Testing

@testable import ContentLoading
@testable import TutorContent

/// `shuffle: false` on a choice step keeps the file's order of its options in every variant (for
/// ordered options such as decreases / stays / increases); without it the order is permuted.
struct ChoiceShuffleTests {
    @Test func shuffleFalseKeepsTheFilesOrder() throws {
        let dir = try editedExam("q3") {
            $0.replacingOccurrences(of: "    kind: choice\n", with: "    kind: choice\n    shuffle: false\n")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = ExamLoader.load(directory: dir)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        let q = try #require(loaded.exam.question("q3"))
        for seed in [nil] + (1...30).map(UInt64.init) {
            let options = try #require(try q.variant(seed: seed).step("c.choice")).options
            #expect(options[0].hasPrefix("the deep"), "seed \(String(describing: seed)): \(options)")
            #expect(options[1].hasPrefix("the shallow"))
        }
        // The bundled step (shuffled) shows the deep network second in some variant.
        let bundled = question("q3")
        let second = try (1...30).map(UInt64.init).contains {
            try bundled.variant(seed: $0).step("c.choice")?.options.first?.hasPrefix("the shallow") == true
        }
        #expect(second)
    }

    @Test func shuffleIsForChoiceStepsOnly() throws {
        let dir = try editedExam("q3") {
            $0.replacingOccurrences(of: "    kind: integer\n", with: "    kind: integer\n    shuffle: false\n")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let errors = ExamLoader.load(directory: dir).errors.map(\.message)
        #expect(errors.contains { $0.contains("'shuffle' applies to choice steps only") })
    }
}
