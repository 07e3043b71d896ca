import ContentLoading
import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The answer field and the calculator line read `log` as the question on screen means it
/// (Q1: log base 10, as the course writes it; the others: natural).
@Suite("Session: log setting")
struct LogSettingSessionTests {
    static let exam = ExamLoader.load(directory: ExamFolder.sessional1).exam

    func opened(_ q: Int) -> Session {
        var s = Session(exam: Self.exam)
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openQuestion(q))
        return s
    }

    @Test func theCalculatorFollowsTheQuestion() {
        var q1 = opened(0)
        _ = q1.handle(.toggleCalculator)
        type("-log(0.99)", &q1)
        let ten = Value.number(-log10(0.99))
        #expect(q1.practice?.calculatorLive == .valid(ten, preview: "= " + ten.display + " (log is log base 10)"))

        var q3 = opened(2)
        _ = q3.handle(.toggleCalculator)
        type("-log(0.99)", &q3)
        let natural = Value.number(-log(0.99))
        #expect(q3.practice?.calculatorLive == .valid(natural, preview: "= " + natural.display + " (log is natural log)"))
    }

    @Test func theAnswerFieldFollowsTheQuestion() {
        var s = opened(0)
        let index = s.practice!.variant.steps.firstIndex { $0.id == "k.mean_loss" }!
        _ = s.handle(.goToStep(index))
        type("log(100)", &s)
        #expect(s.practice?.live == .valid(.number(2), preview: "= 2 (log is log base 10)"))
    }
}
