import Foundation
import Testing

/// The grading edges through the command line: Q1's `log` as the course means it, percentages
/// without `%`, choices by key word, and `eval --log-base`.
@Suite("dltutor check and eval: grading edges")
struct GradingEdgeCLITests {
    @Test func q1ReadsLogAsTheExamWritesIt() throws {
        // Epoch k's probabilities of the correct labels, as the exam prints them.
        let r = try CLI.run(["check", "q1", "k.mean_loss", "(-log(0.97) - log(0.91) - log(0.49) - log(0.04))/4"])
        #expect(r.status == 0, "\(r.stdout)")
        // --given reads `log` in the same base: log₁₀ 2 = 0.30 < 0.51 keeps "loss increased", so
        // "c) loss decreased" is not carried forward (read as ln 2 = 0.69, it would be).
        let given = try CLI.run(["check", "q1", "compare", "c", "--given", "k.mean_loss=log(2)"])
        #expect(given.status == 1, "\(given.stdout)")
    }

    @Test func aPercentageWithoutTheSign() throws {
        let r = try CLI.run(["check", "q1", "k.accuracy", "50"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("read as a percentage"))
    }

    @Test func choicesByKeyWord() throws {
        #expect(try CLI.run(["check", "q3", "c.choice", "deep"]).status == 0)
        #expect(try CLI.run(["check", "q3", "c.choice", "Shallow"]).status == 1)
        let relu = try CLI.run(["check", "q5", "b.fix", "relu"])
        #expect(relu.status == 1)
        #expect(relu.stdout.contains("Plain ReLU has zero gradient"))
        let ambiguous = try CLI.run(["check", "q5", "b.fix", "tanh"])
        #expect(ambiguous.status == 2)
        // Letters follow the shuffled order, so look for both options with their letters.
        #expect(ambiguous.stdout.contains("fits more than one option: "))
        #expect(ambiguous.stdout.range(of: #"[a-f]\) replace tanh by Leaky ReLU"#, options: .regularExpression) != nil)
        #expect(ambiguous.stdout.range(of: #"[a-f]\) replace tanh by plain ReLU"#, options: .regularExpression) != nil)
    }

    @Test func evalTakesALogBase() throws {
        #expect(try CLI.run(["eval", "--log-base", "10", "log(1000)"]).stdout == "3\n")
        #expect(try CLI.run(["eval", "log(1000)", "--log-base", "2"]).stdout == "9.9658\n")
        #expect(try CLI.run(["eval", "log(1000)"]).stdout == "6.9078\n")
        let bad = try CLI.run(["eval", "--log-base", "1", "log(2)"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--log-base takes a base such as 10 or 2, or e; not '1'."))
    }
}
