import ContentLoading
import MathEngine
import Testing
import TutorContent

@testable import TutorSession

/// The right value at fewer places than a `dp N` step asks, in practice and in a quiz: the
/// feedback asks for the places, nothing is recorded, no try is charged, and the step is not
/// answered yet. The values are the bundled second sessional's (the sigmoid output at `dp 4`).
@Suite("Session: precision feedback")
struct PrecisionSessionTests {
    static let exam: Exam = {
        let dir = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
        return ExamLoader.load(directory: "/" + dir + "/content/aml5202-sessional2").exam
    }()
    static let stepID = "a.a"

    func open(revealAfter: Int = 3) -> Session {
        var s = Session(exam: Self.exam, settings: SessionSettings(revealAfter: revealAfter))
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openQuestion(Self.exam.questions.firstIndex { $0.id == "q3" }!))
        _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == Self.stepID }!))
        return s
    }

    @discardableResult
    func answer(_ text: String, _ s: inout Session) -> [Effect] {
        _ = s.handle(.clearField)
        for c in text { _ = s.handle(.type(c)) }
        return s.handle(.submit)
    }

    /// The key's value at `places` decimals, and the places the step asks for.
    func rounded(_ s: Session, _ places: Int) -> String { s.practice!.step.expected.display(decimals: places) }
    func asked(_ s: Session) -> Int {
        guard case .decimals(let n) = s.practice!.step.tolerance else { return 0 }
        return n
    }

    @Test func theRightValueShortOfPlacesIsNoTryAndEarnsFullPointsWhenCompleted() {
        var s = open()
        let n = asked(s)
        #expect(n >= 3, "the step asks for several decimals")
        let effects = answer(rounded(s, n - 2), &s)
        #expect(effects.isEmpty, "nothing is recorded")
        #expect(s.practice!.lastVerdict == .imprecise(asked: "\(n) decimal places"))
        #expect(s.practice!.record.attempts.isEmpty)
        #expect(s.practice!.record.wrongTries == 0)
        #expect(!s.practice!.record.status.isDone)
        let done = answer(rounded(s, n), &s)
        #expect(done.contains { if case .record(let r) = $0 { r.verdict == .correct } else { false } })
        #expect(PracticeScoring.credit(s.practice!.record, step: s.practice!.step) == s.practice!.step.points)
        #expect(PracticeScoring.isFirstTry(s.practice!.record))
    }

    @Test func quizScoringGivesAnImpreciseAnswerNothingAsUnanswered() {
        let s = open()
        let step = s.practice!.step
        #expect(QuizScoring.points(.imprecise(asked: "4 decimal places"), step: step) == 0)
        #expect(QuizScoring.points(.correct, step: step) == step.points)
        #expect(Session.verdictWord(.imprecise(asked: "4 decimal places")) == "too few places")
    }

    @Test func aQuizWithVerdictsAtTheEndKeepsTheAnswerAndScoresItAsNotAnswered() {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .quiz, quiz: QuizSettings(minutes: 10, questionIDs: ["q3"], feedback: .end)))
        _ = s.handle(.tick(at: 1000))
        _ = s.handle(.startQuiz)
        _ = s.handle(.submit)
        _ = s.handle(.goToStep(s.practice!.variant.steps.firstIndex { $0.id == Self.stepID }!))
        let n = asked(s)
        let effects = answer(rounded(s, n - 2), &s)
        // Saved without a word on whether it is right: "right value" would tell.
        #expect(effects.contains { if case .record(let r) = $0 { r.verdict == .imprecise && !r.correct } else { false } })
        #expect(s.practice!.lastVerdict == nil)
        let end = s.handle(.tick(at: 1000 + 601))
        guard let report = end.compactMap({ if case .finishQuiz(let r) = $0 { r } else { nil } }).first else {
            Issue.record("no report")
            return
        }
        let step = report.questions[0].steps.first { $0.id == Self.stepID }
        #expect(step?.verdict == .imprecise(asked: "\(n) decimal places"))
        #expect(step?.points == 0)
    }
}
