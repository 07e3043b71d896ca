import Foundation
import Testing

/// Command-line input as a hostile or careless script would give it: CRLF files, answers that
/// look like options, free text, huge seeds, repeated questions, control characters.
@Suite struct HardenedCLITests {
    func verdicts(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n").map { try #require(CLI.json(String($0)) as? [String: Any]) }
    }

    @Test(arguments: ["\r\n", "\r", "\r\r\n", "\n"])
    func batchLineEndsFromAFileAndStdinAlike(end: String) throws {
        let text = ["q3\ta.total\t619", "q5\tb.nodes\t{3,1}", "q3\ta.total\t691"].joined(separator: end) + end
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-batch-\(UUID().uuidString).tsv").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        for r in [try CLI.run(["check", "--batch", file]), try CLI.run(["check", "--batch", "-"], stdin: text)] {
            let rows = try verdicts(r.stdout)
            #expect(rows.map { $0["verdict"] as? String } == ["correct", "correct", "named-mistake"], "\(r.stdout)")
            #expect(rows.map { $0["line"] as? Int } == [1, 2, 3])
            #expect(rows.map { $0["answer"] as? String } == ["619", "{3,1}", "691"])
        }
    }

    @Test func batchGradesLineOneBeforeTheInputEnds() throws {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["check", "--content", CLI.contentDir, "--batch", "-"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        defer {
            try? input.fileHandleForWriting.close()
            p.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data("q3\ta.total\t619\r\n".utf8))
        // The input stays open: the verdict must come anyway.
        var pfd = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&pfd, 1, 5000) == 1, "no verdict for line 1 while the input is still open")
        let chunk = output.fileHandleForReading.availableData
        #expect(String(decoding: chunk, as: UTF8.self).contains(#""verdict":"correct""#))
    }

    @Test func answersStartingWithDashesAreAnswersAfterDoubleDashAndInBatch() throws {
        let single = try CLI.run(["check", "q5", "1", "--json", "--", "---5"])
        #expect(single.status == 1 || single.status == 2, "\(single.stderr)")
        #expect((try CLI.json(single.stdout) as? [String: Any])?["answer"] as? String == "---5")
        let batch = try CLI.run(["check", "--batch", "-"], stdin: "q3\ta.total\t-619\nq3\ta.total\t--619\n")
        #expect(try verdicts(batch.stdout).map { $0["answer"] as? String } == ["-619", "--619"])
    }

    @Test func freeTextIsSelfAssessedNeverCorrect() throws {
        let r = try CLI.run(["check", "q1", "observation", "--json", "the loss went up although accuracy rose"])
        #expect(r.status == 3, "exit 3: self-assess")
        let v = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(v["verdict"] as? String == "self-assess")
        #expect(v["correct"] is NSNull)
        let found = try #require(v["key_ideas_found"] as? [String])
        #expect(found.count == 3 && found[0].hasPrefix("loss increas"), "\(found)")
        let long = try CLI.run(["check", "q1", "observation", String(repeating: "words ", count: 200)])
        #expect(long.status == 2 && long.stdout.contains("too long"))
    }

    @Test func largeSeedsStayExactInJSON() throws {
        let key = try CLI.run(["key", "q3", "--seed", "18446744073709551615", "--format", "json"])
        #expect(
            key.stdout.hasPrefix(
                #"{"exam":"aml5202-sessional1","title":"AML 5202 Deep Learning: Sessional-1","seed":18446744073709551615,"#))
        let check = try CLI.run(["check", "q3", "a.total", "5", "--seed", "9007199254740993", "--json"])
        #expect(check.stdout.contains(#""seed":9007199254740993,"#), "\(check.stdout)")
    }

    @Test func aQuestionTwiceInAQuizIsRefused() throws {
        let r = try CLI.run(["quiz", "--questions", "q1,1"])
        #expect(r.status == 64 && r.stderr.contains("--questions names q1 twice"), "\(r.stderr)")
    }

    /// The class quiz reads `--questions` with the same option group, so it refuses a repeat
    /// before it reaches the class database.
    @Test func aQuestionTwiceInAClassQuizIsRefused() throws {
        let r = try CLI.run(
            ["class", "quiz", "start", "mid", "--questions", "q1,1", "--content", CLI.contentDir], content: false)
        #expect(r.status == 64 && r.stderr.contains("--questions names q1 twice"), "\(r.stderr)")
    }

    @Test func controlCharactersInAnswersNeverReachTheTerminalRaw() throws {
        let r = try CLI.run(["check", "q3", "a.total", "61\u{1B}[2J9\u{202E}"])
        #expect(!r.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(r.stdout)")
        #expect(r.stdout.contains("<U+001B>[2J"))
        let json = try CLI.run(["check", "q3", "a.total", "--json", "61\u{1B}9\u{202E}"])
        #expect(json.stdout.contains(#"61\u001b9\u202e"#), "\(json.stdout)")
    }
}
