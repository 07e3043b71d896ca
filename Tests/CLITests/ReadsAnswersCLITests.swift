import Foundation
import Testing

/// `dltutor check` and `dltutor key` on answers as students type them, run as the real binary.
@Suite("reading typed answers (CLI)")
struct ReadsAnswersCLITests {
    @Test func threeOrMoreDashesAreReadLikeTwo() throws {
        let two = try CLI.run(["check", "q3", "a.total", "--1"])
        let three = try CLI.run(["check", "q3", "a.total", "---1"])
        #expect(three.status == 1)
        #expect(three.stdout == two.stdout)
        #expect(try CLI.run(["check", "q3", "a.total", "----619"]).status == 0)
    }

    @Test func aCalculationInAVectorLengthStepIsANumber() throws {
        let r = try CLI.run(["check", "q4", "xB", "32*32+1"])
        #expect(r.status == 0, "\(r.stdout)")
    }

    @Test func carriedForwardFollowsTheStepsAHintNames() throws {
        let params = try CLI.run(["check", "q4", "ext.params", "262915", "--given", "W1=256x1024", "--given", "W2=3x257"])
        #expect(params.status == 0, "\(params.stdout)")
        #expect(params.stdout.contains("carried forward"))
        #expect(try CLI.run(["check", "q4", "a1B", "258", "--given", "a1=257"]).status == 0)
        let nonsense = try CLI.run(["check", "q3", "b.n_hidden", "--given", "a.total=2", "--", "-1"])
        #expect(nonsense.status == 1, "\(nonsense.stdout)")
    }

    @Test func feedbackThatMixesWordsAndNumbersIsOneSentence() throws {
        for seed in ["1", "2", "3", "4", "5", "6"] {
            for letter in ["a", "b", "c", "d", "e", "f"] {
                let r = try CLI.run(["check", "q2", "b.bias", letter, "--seed", seed])
                #expect(!r.stdout.contains(" , ") && !r.stdout.contains(", ,"), "\(r.stdout)")
            }
        }
    }

    @Test func theKeyPrintsAnswersAtTheirPrecisionWithTheirAlternatives() throws {
        let text = try CLI.run(["key", "q5"])
        #expect(text.status == 0)
        #expect(text.lines.contains { $0.hasPrefix("    answer: [-1.00, 0.76, 1.00, -0.76]") }, "\(text.stdout)")
        let alternative = #"^    also accepted: [a-e]\) add batch normalisation"#
        #expect(text.lines.contains { $0.range(of: alternative, options: .regularExpression) != nil }, "\(text.stdout)")
        let json = try CLI.run(["key", "--format", "json"])
        #expect(json.status == 0)
        // Arithmetic noise needs more than 15 significant digits (0.040000000000000036 for 1 − 0.96).
        let numbers = try NSRegularExpression(pattern: #"-?\d+\.\d+"#).matches(
            in: json.stdout, range: NSRange(json.stdout.startIndex..., in: json.stdout))
        for match in numbers {
            let digits = (json.stdout as NSString).substring(with: match.range).filter(\.isNumber).drop { $0 == "0" }
            #expect(digits.count <= 15, "\((json.stdout as NSString).substring(with: match.range))")
        }
        #expect(json.stdout.contains("0.04") && !json.stdout.contains("0.040000000000000036"))
        #expect(json.stdout.contains("\"accepted\":[{"))
    }

    @Test func refusedFormsSayWhatToTypeInstead() throws {
        let comma = try CLI.run(["check", "q1", "k.mean_loss", "0,44"])
        #expect(comma.status == 2)
        #expect(comma.stdout.contains("Use a decimal point: 0.44."))
        let words = try CLI.run(["check", "q4", "W1", "4 × 8 matrix"])
        #expect(words.stdout.contains("Write it as 4x8."))
    }
}
