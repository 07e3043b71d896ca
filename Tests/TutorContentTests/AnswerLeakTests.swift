import MathEngine
import Testing

@testable import TutorContent

/// The reader behind lint's leak proof: it must find an answer however it is written, and must not
/// cry wolf over numbers the question itself prints.
@Suite struct AnswerLeakTests {
    let q2 = original("q2"), q3 = original("q3"), q4 = original("q4"), q1 = original("q1"), q5 = original("q5")

    func stated(_ v: Variant, _ text: String, strict: Bool = false) -> [String] {
        let reader = strict ? AnswerLeak() : AnswerLeak(questionText: v.text)
        return reader.answersStated(in: text, among: v.steps, ownStep: nil, countSmallNumbers: strict)
    }

    /// Every leak the tester reported is found.
    @Test func theReportedLeaksAreFound() {
        #expect(stated(q1, "e.g. [0.97, 0.91, 0.51, 0.96]", strict: true).contains("k.sigma"))
        #expect(stated(q3, "e.g. 20n + 3(n+1)", strict: true).contains("b.expression"))
        #expect(stated(q4, "e.g. 256x1025, (256, 1025), 257, scalar", strict: true).contains("W1"))
        #expect(stated(q4, "e.g. 256x1025, (256, 1025), 257, scalar", strict: true).contains("a1B"))
        // An example may not even repeat a word the question prints, if it is an answer.
        #expect(stated(q4, "e.g. 256x1025, (256, 1025), 257, scalar", strict: true).contains("loss"))
        #expect(!stated(q4, "write scalar for a single number").contains("loss"))
        #expect(stated(q5, "e.g. {1, 3}", strict: true).contains("b.nodes"))
        #expect(stated(q3, "Deep: 8 layers (7 hidden + output), total ?", strict: true).contains("a.hidden_layers"))
        #expect(stated(q3, "Shallow: 2 layers, 20n + 3(n+1) ≤ ?", strict: true).contains("b.expression"))
        #expect(stated(q3, "the shallow network (one hidden layer of 26 nodes)").contains("b.n_hidden"))
        #expect(stated(q2, "W is (#outputs) × (#inputs + 1): 4×8, so that W x_B gives 4 scores").contains("a.W_shape"))
    }

    /// Other ways of writing the same answer are found too.
    @Test func spellingsOfOneAnswer() {
        #expect(stated(q2, "a 4 x 8 matrix").contains("a.W_shape"))
        #expect(stated(q2, "shape (4, 8)").contains("a.W_shape"))
        #expect(stated(q4, "x_B has 1025 entries").contains("xB"))
        #expect(stated(q4, "W is 3 × 257").contains("W2"))
        #expect(stated(q1, "the accuracy is 75%").contains("k1.accuracy"))
        #expect(stated(q1, "the loss is 0.44").contains("k.mean_loss"))
        #expect(stated(q1, "the loss is −0.44").isEmpty)
        #expect(stated(q3, "23n + 3 parameters").contains("b.expression"))
        #expect(stated(q2, "use genderfemale and gendermale").contains("a.features"))
    }

    /// Numbers the question prints, wrong values, and names are not answers.
    @Test func noFalseAlarms() {
        #expect(stated(q4, "a 32×32 image with 256 hidden nodes").isEmpty) // the question's data
        #expect(stated(q2, "4×7 misses the bias column").isEmpty)
        #expect(stated(q2, "w_{25} is in row 2").isEmpty)
        #expect(stated(q2, "gendermale is feature 2").isEmpty) // one encoded name alone
        #expect(stated(q1, "round to 2 decimal places").isEmpty)
        #expect(stated(q1, "log10 of x⁽⁴⁾").isEmpty)
    }

    /// The student's own wrong value may be repeated in the feedback to it.
    @Test func ownValuesAreNotLeaks() throws {
        let z1 = try #require(q4.step("z1"))
        let reader = AnswerLeak(questionText: q4.text)
        #expect(reader.states(try #require(q4.step("a1B")), in: "you gave 257", ownStep: false))
        #expect(!reader.states(try #require(q4.step("a1B")), in: "you gave 257", ownStep: false, own: [.shape([257])]))
        #expect(!reader.states(z1, in: "z^[1] is computed before the bias is appended"))
    }
}
