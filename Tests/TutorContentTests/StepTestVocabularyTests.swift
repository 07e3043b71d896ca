import MathEngine
import Testing

@testable import TutorContent

/// A question test expects a grader's verdict by the word the store and `check --batch` use, so
/// its vocabulary is the grader's: every expected word is a stored verdict word, and every word
/// the grader can give (all but the student's own judgements and the quiz's "submitted") can be
/// expected.
@Suite("Content: question-test verdicts are the grader's words")
struct StepTestVocabularyTests {
    @Test func everyExpectedVerdictIsAStoredVerdictWord() {
        for expected in StepTest.Expected.allCases {
            #expect(VerdictKind(rawValue: expected.rawValue) != nil, "\(expected.rawValue)")
        }
    }

    @Test func everyGraderVerdictCanBeExpected() {
        let notGraded: Set<VerdictKind> = [.selfAssessedCovered, .selfAssessedMissed, .submitted]
        for kind in VerdictKind.allCases where !notGraded.contains(kind) {
            #expect(StepTest.Expected(rawValue: kind.rawValue) != nil, "\(kind.rawValue)")
        }
    }
}
