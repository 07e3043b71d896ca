import ContentLoading
import Foundation
import TestFixtures
import Testing

@testable import ContentLint
@testable import TutorContent

/// The bundled exams keep question tests (`tests:` on a step) for every named mistake, and lint
/// runs them: a mistake whose formula or condition changes is caught by its test, on the original
/// exam and, for tests written with placeholders, on every seeded variant.
struct BundledQuestionTestsTests {
    static let exams = ["aml5202-sessional1", "aml5202-sessional2"]

    /// A bundled exam's folder, beside the one the other tests load.
    static func directory(_ exam: String) -> String {
        URL(fileURLWithPath: ExamFolder.sessional1).deletingLastPathComponent().appendingPathComponent(exam).path
    }

    /// Every named mistake of every step is named by a question test: on the original exam, on
    /// every seed, or (`seed: N`, for a mistake the original exam cannot show because it equals the
    /// answer there) on one seed that shows it. The next test checks that they all pass.
    @Test(arguments: exams) func everyNamedMistakeHasAQuestionTestThatNamesIt(exam: String) throws {
        let load = ExamLoader.load(directory: Self.directory(exam))
        #expect(load.errors.isEmpty, "\(load.errors)")
        var mistakes = 0
        var untested: [String] = []
        for q in load.exam.questions {
            for s in q.steps where s.kind != .text && !s.mistakes.isEmpty {
                for n in 1...s.mistakes.count {
                    mistakes += 1
                    let tested = s.tests.contains { $0.expected == .namedMistake && $0.mistake == n }
                    if !tested { untested.append("\(q.id) \(s.id) mistake \(n)") }
                }
            }
        }
        #expect(mistakes > 20, "\(exam) should have named mistakes to test")
        #expect(untested.isEmpty, "\(exam): \(untested)")
    }

    @Test(arguments: exams) func theQuestionTestsPassOnTheOriginalAndSeededVariants(exam: String) throws {
        let load = ExamLoader.load(directory: Self.directory(exam))
        let tests = load.exam.questions.flatMap(\.steps).map(\.tests.count).reduce(0, +)
        #expect(tests > 40, "\(exam) has only \(tests) question tests")
        for q in load.exam.questions {
            let failures = StepTestLint.check(q, seeds: 30)
            #expect(failures.isEmpty, "\(failures.map(\.description))")
        }
    }
}
