import Foundation
import Testing

/// `dltutor eval --question`: an author tries a content formula in a question's scope, for the
/// original exam or a seed, with the same values `key` prints.
@Suite("dltutor eval --question")
struct EvalQuestionTests {
    func eval(_ args: [String]) throws -> CLIResult {
        try CLI.run(["eval", "--content", CLI.contentDir] + args, content: false)
    }

    @Test func aContentFunctionWithTheQuestionsValues() throws {
        // frac is content-only: the student's calculator refuses it.
        let r = try eval(["--question", "q3", "frac(nstar)"])
        #expect(r.status == 0)
        let student = try CLI.run(["eval", "frac(2.5)"])
        #expect(student.status == 2)
        #expect(student.stderr.contains("not available in answers"))
        // nstar = (P − C)/(n_in + 1 + C) with the original exam's values; its fractional part.
        let nstar = try eval(["--question", "q3", "nstar"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let x = try #require(Double(nstar))
        let frac = try #require(Double(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(abs(frac - (x - x.rounded(.down))) < 1e-4)
    }

    @Test func stepAnswersAreInScopeForASeed() throws {
        let key = try CLI.run(["key", "q3", "--seed", "7", "--format", "json"])
        #expect(key.status == 0)
        let r = try eval(["--question", "3", "--seed", "7", "a_total"])
        #expect(r.status == 0)
        let total = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.stdout.contains("\"value\":\(total)") || key.stdout.contains("\"value\" : \(total)"), "\(total)")
        // The seed changes the values.
        #expect(try eval(["--question", "q3", "a_total"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) != total)
    }

    @Test func mistakesAreReportedWithAColumn() throws {
        let r = try eval(["--question", "q3", "a_total +"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("column"))
        let unknown = try eval(["--question", "q9", "1"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown question 'q9'"))
        let seedAlone = try CLI.run(["eval", "--seed", "3", "1"])
        #expect(seedAlone.status == 64)
        #expect(seedAlone.stderr.contains("--seed goes with --question"))
    }
}
