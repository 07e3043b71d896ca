import Foundation
import Testing

@testable import TutorSession

/// A fresh snapshot starts a quiz nobody has answered: the class quiz's student starts this way.
@Suite("Session: a quiz from a fresh snapshot")
struct FreshQuizSnapshotTests {
    static let exam = SessionTests.exam

    @Test func continuingAFreshSnapshotStartsTheQuizWithItsSettings() throws {
        let ids = Array(Self.exam.questions.map(\.id).suffix(2))
        let fresh = QuizSnapshot.fresh(minutes: 12, questionIDs: ids, seed: 4)
        var s = Session(exam: Self.exam, settings: SessionSettings(mode: .quiz, seed: 4, quiz: QuizSettings(minutes: 30)))
        _ = s.handle(.tick(at: 500))
        s.offerQuiz(QuizResumeOffer(id: 9, snapshot: fresh), ask: false)
        #expect(s.handle(.continueQuiz) == [.resumeQuiz(id: 9)])
        let quiz = try #require(s.quiz)
        #expect(s.screen == .quiz && quiz.minutes == 12 && quiz.seed == 4 && quiz.feedback == .end)
        #expect(quiz.questions.map(\.variant.id) == ids && quiz.current == 0)
        #expect(quiz.secondsLeft(at: 500) == 12 * 60, "no quiz time used")
        #expect(quiz.questions.allSatisfy { $0.stepIndex == 0 && $0.records.allSatisfy(\.attempts.isEmpty) })
    }

    @Test func aFreshSnapshotSurvivesTheCheckpointText() throws {
        let fresh = QuizSnapshot.fresh(minutes: 7.5, questionIDs: ["q1", "q3"], seed: nil)
        let text = try JSONEncoder().encode(fresh)
        #expect(try JSONDecoder().decode(QuizSnapshot.self, from: text) == fresh)
        #expect(fresh.secondsLeft == 450 && fresh.questions.allSatisfy(\.steps.isEmpty))
    }
}
