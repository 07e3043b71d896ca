import Foundation
import Testing

@Suite("dltutor list, key, lint, eval")
struct ContentCommandTests {
    @Test func listShowsEveryQuestionWithItsSteps() throws {
        let r = try CLI.run(["list"])
        #expect(r.status == 0)
        for q in ["q1", "q2", "q3", "q4", "q5"] { #expect(r.stdout.contains(". \(q)  ")) }
        #expect(r.stdout.contains("a.total"))
    }

    @Test func keyJSONHasIdsParametersAndValues() throws {
        let r = try CLI.run(["key", "--format", "json"])
        #expect(r.status == 0)
        let obj = try #require(try CLI.json(r.stdout) as? [String: Any])
        let qs = try #require(obj["questions"] as? [[String: Any]])
        #expect(qs.map { $0["id"] as? String } == ["q1", "q2", "q3", "q4", "q5"])
        let q4 = qs[3]
        let params = try #require(q4["parameters"] as? [String: Any])
        #expect(params["h"] as? Int == 256)
        let steps = try #require(q4["steps"] as? [[String: Any]])
        let w1 = try #require(steps.first { $0["id"] as? String == "W1" })
        #expect(w1["value"] as? [Int] == [256, 1025])
        #expect(w1["answer"] as? String == "256×1025")
        for s in steps { #expect(s["prompt"] is String && s["kind"] is String) }
    }

    @Test func keyWithSeedIsReproducibleAndDiffersFromTheOriginal() throws {
        let a = try CLI.run(["key", "--seed", "7", "--format", "json"])
        let b = try CLI.run(["key", "--seed", "7", "--format", "json"])
        let o = try CLI.run(["key", "--format", "json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != o.stdout)
    }

    @Test func keyTextAndMarkdownShowWorkedSolutions() throws {
        let t = try CLI.run(["key", "q3"])
        #expect(t.stdout.contains("answer: 619"))
        #expect(t.stdout.contains("worked: "))
        let m = try CLI.run(["key", "3", "--format", "markdown"])
        #expect(m.stdout.contains("| step | prompt | answer | worked solution |"))
        #expect(m.stdout.contains("**619**"))
    }

    @Test func keyMarkdownIsSafe() throws {
        let m = try CLI.run(["key", "2", "--format", "markdown"]).stdout
        let lines = m.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let open = try #require(lines.firstIndex { $0.hasPrefix("```") })
        #expect(lines[open] == "```text", "the question text is a code block")
        #expect(lines[(open + 1)...].contains("```"))
        #expect(m.contains("w\\_\\{"), "subscripts in prompts are escaped, not read as emphasis")
    }

    @Test func lintPassesOnTheBundledExam() throws {
        let r = try CLI.run(["lint", CLI.contentDir, "--seeds", "50"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(": 0 errors"))
        // Q3's and Q5's free-text model answers state other steps' answers: they are held back.
        let held = try #require(r.stdout.split(separator: "\n").last { $0.contains("model answers and worked steps") })
        #expect(Int(held.split(separator: " ")[1]).map { $0 >= 2 } == true, "\(held)")
    }

    @Test func lintReportsFileAndLineAndStillLoadsTheRest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-lint-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: CLI.contentDir, toPath: dir.path)
        defer { try? FileManager.default.removeItem(at: dir) }
        let q3 = dir.appendingPathComponent("q3.yaml")
        let text = try String(contentsOf: q3, encoding: .utf8)
        try text.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"L - bogus\"")
            .write(to: q3, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", dir.path, "--seeds", "5"])
        #expect(r.status == 1)
        let line = try #require(r.stdout.split(separator: "\n").first { $0.contains("q3.yaml:") && $0.contains("bogus") })
        #expect(line.range(of: #"q3\.yaml:\d+: "#, options: .regularExpression) != nil)
        // The other questions still load and work.
        let list = try CLI.run(["list", "--content", dir.path], content: false)
        #expect(list.stdout.contains("q5"))
        #expect(list.stderr.contains("q3.yaml:"))
    }

    @Test func evalIsTheStudentsCalculator() throws {
        let r = try CLI.run(["eval", "-log10(0.99)"])
        #expect(r.status == 0)
        #expect(r.stdout == "0.0044\n")
        let sum = try CLI.run(["eval", "8*20 + 6*8*9 + 3*9"])
        #expect(sum.stdout == "619\n")
        let bad = try CLI.run(["eval", "1/0"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("column"))
        let forbidden = try CLI.run(["eval", "dense_params([19, 8, 3])"])
        #expect(forbidden.status == 2)
    }
}
