import Foundation
import MathEngine
import Testing

@testable import TutorContent

@Suite struct LoadingTests {
    @Test func everyShippedQuestionLoadsWithoutErrors() {
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description).joined(separator: "\n"))")
        #expect(loaded.exam.id == "aml5202-sessional1")
        #expect(loaded.exam.questions.map(\.id) == ["q1", "q2", "q3", "q4", "q5"])
        for q in loaded.exam.questions {
            #expect(abs(q.steps.reduce(0) { $0 + $1.points } - q.points) < 1e-9, "\(q.id)")
        }
    }

    @Test func stepCountsFollowTheAnswerKey() {
        let counts = Dictionary(uniqueKeysWithValues: loaded.exam.questions.map { ($0.id, $0.steps.count) })
        #expect(counts == ["q1": 15, "q2": 12, "q3": 8, "q4": 12, "q5": 7])
    }

    @Test func originalVariantsRender() throws {
        for q in loaded.exam.questions {
            let v = try q.variant()
            #expect(!v.text.isEmpty)
            for s in v.steps { #expect(!s.prompt.isEmpty, "\(q.id) \(s.id)") }
        }
    }
}
