import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// The calculator line: `@`, `mean`, `sum`, `ans`, and Tab putting the result into the answer.
@Suite("Session: calculator")
struct CalculatorSessionTests {

    @Test func matrixProductMeanAnsAndInsert() {
        var s = Session(exam: SessionTests.exam)
        _ = s.handle(.openQuestion(2))
        _ = s.handle(.toggleCalculator)
        type("ans + 1", &s)
        if case .invalid(_, let why)? = s.practice?.calculatorLive {
            #expect(why.contains("last result"))
        } else {
            Issue.record("ans before any result")
        }
        _ = s.handle(.clearField)
        type("[[1, 2], [3, 4]] @ [1, 1]", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.calculatorResult == .vector([3, 7]))
        _ = s.handle(.clearField)
        type("mean(ans) + sum([1, 2])", &s)
        _ = s.handle(.submit)
        #expect(s.practice?.calculatorResult == .number(8))
        _ = s.handle(.insertResult)
        #expect(s.practice?.focus == .answer)
        #expect(s.practice?.record.draft.text == "8")
        #expect(s.practice?.live == .valid(.number(8), preview: "= 8"))
    }

    @Test func atChecksSizes() {
        #expect(throws: EngineError.self) { try Calculator.evaluate("[[1, 2]] @ [[1, 2]]") }
        #expect((try? Calculator.evaluate("[1, 2] @ [3, 4]")) == .number(11))
        #expect((try? Calculator.evaluate("[1, 2] @ [[1, 0], [0, 2]]")) == .vector([1, 4]))
    }
}
