import Testing
@testable import MathEngine

@Test func smokeReadsANumberAndGrades() {
    #expect(AnswerReader.read("0.440483", as: .number) == .valid(.number(0.440483), preview: "= 0.4405"))
    #expect(Grader.grade(input: "0.44", kind: .number, expected: .number(0.440483), rule: .decimals(2)) == .correct)
}
