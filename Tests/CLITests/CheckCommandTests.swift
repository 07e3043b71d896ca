import Foundation
import Testing

@Suite("dltutor check")
struct CheckCommandTests {
    @Test func correctAnswerExitsZero() throws {
        let r = try CLI.run(["check", "q3", "a.total", "619"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("correct: Correct."))
    }

    @Test func arithmeticAnswerIsAnAnswerToo() throws {
        let r = try CLI.run(["check", "q3", "a.total", "8*20 + 6*8*9 + 3*9"])
        #expect(r.status == 0)
    }

    @Test func namedMistakeExitsOne() throws {
        let r = try CLI.run(["check", "q3", "a.total", "691"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("8 hidden layers"))
    }

    @Test func invalidAnswerGivesColumnAndExitsTwo() throws {
        let r = try CLI.run(["check", "q3", "a.total", "61)9"])
        #expect(r.status == 2)
        #expect(r.stdout.hasPrefix("invalid: "))
        #expect(r.stdout.contains("^ column 3"))
    }

    @Test func negativeAnswerIsNotTakenForAnOption() throws {
        let r = try CLI.run(["check", "q1", "k.mean_loss", "-0.44"])
        #expect(r.status == 1)
    }

    @Test func badUsageExits64() throws {
        #expect(try CLI.run(["check", "q9", "a.total", "619"]).status == 64)
        #expect(try CLI.run(["check", "q3", "zz", "619"]).status == 64)
        #expect(try CLI.run(["check", "q3"]).status == 64)
        #expect(try CLI.run(["check", "q3", "a.total", "619", "--seed", "x"]).status == 64)
    }

    @Test func givenEarlierAnswerCarriesErrorForward() throws {
        let plain = try CLI.run(["check", "q3", "b.n_hidden", "29"])
        #expect(plain.status == 1)
        let carried = try CLI.run(["check", "q3", "b.n_hidden", "29", "--given", "a.total=691", "--json"])
        #expect(carried.status == 0)
        let obj = try #require(try CLI.json(carried.stdout) as? [String: Any])
        #expect(obj["verdict"] as? String == "carried-forward")
        #expect((obj["message"] as? String)?.contains("earlier answer") == true)
    }

    @Test func jsonVerdictListsWrongEntries() throws {
        let r = try CLI.run(["check", "q5", "a.diag", "[0, 0.42, 0.5, 0.42]", "--json"])
        #expect(r.status == 1)
        let obj = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(obj["wrong_entries"] as? [Int] == [3])
        #expect(obj["correct"] as? Bool == false)
    }

    @Test func batchGradesEveryLineAndReportsMalformedOnes() throws {
        let input = "q3\ta.total\t619\nq3\ta.total\t691\nnot a line\nq4\tW1\t1025x256\nq3\tb.n_hidden\t29\t\ta.total=691\n"
        let r = try CLI.run(["check", "--batch", "-"], stdin: input)
        #expect(r.status == 3, "a malformed line makes the exit status non-zero")
        let objs = try r.lines.map { try #require(try CLI.json($0) as? [String: Any]) }
        #expect(objs.count == 5)
        #expect(objs[0]["verdict"] as? String == "correct")
        #expect(objs[1]["verdict"] as? String == "named-mistake", "the word export writes")
        #expect(objs[2]["line"] as? Int == 3)
        #expect(objs[2]["error"] != nil)
        #expect(objs[4]["verdict"] as? String == "carried-forward")
    }

    @Test func batchAcceptsCRLFLineEndsAndComments() throws {
        let r = try CLI.run(["check", "--batch", "-"], stdin: "# paper answers\r\nq3\ta.total\t619\r\nq5\tb.nodes\t{3, 1}\r\n")
        let objs = try r.lines.map { try #require(try CLI.json($0) as? [String: Any]) }
        #expect(objs.map { $0["verdict"] as? String } == ["correct", "correct"])
        #expect(r.status == 0)
        #expect(objs.map { $0["line"] as? Int } == [2, 3])
    }

    @Test func seededVariantIsGradedAgainstItsOwnKey() throws {
        let key = try CLI.run(["key", "q3", "--seed", "11", "--format", "json"])
        let obj = try #require(try CLI.json(key.stdout) as? [String: Any])
        let q = try #require((obj["questions"] as? [[String: Any]])?.first)
        let steps = try #require(q["steps"] as? [[String: Any]])
        let total = try #require(steps.first { $0["id"] as? String == "a.total" }?["value"] as? Int)
        #expect(try CLI.run(["check", "q3", "a.total", String(total), "--seed", "11"]).status == 0)
        #expect(try CLI.run(["check", "q3", "a.total", String(total + 1), "--seed", "11"]).status == 1)
    }

    @Test func evalDoesNotEchoTheDoubleDash() throws {
        let r = try CLI.run(["eval", "--", "1", "+", ")"])
        #expect(r.status == 2)
        #expect(!r.stderr.contains("--"), "the expression shown is the expression: \(r.stderr)")
        #expect(try CLI.run(["eval", "--", "-3", "+", "1"]).stdout.hasPrefix("-2"))
    }
}
