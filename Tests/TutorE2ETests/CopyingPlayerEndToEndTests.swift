import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// A student who computes nothing: on every step of Q3 they take every hint, then type only
/// values they can read on the screen under the step (its prompt, hints and feedback), and
/// reveal the worked step when nothing they copied is right. Practice points mean knowing, so
/// such a student ends the question with no points; the key (from `dltutor key`) is used only to
/// tell which steps are choices or sentences, never typed.
@Suite("dltutor in a pty: copying earns nothing", .serialized)
final class CopyingPlayerEndToEndTests {
    let db = TutorEndToEndTests.scratchDB()
    deinit { TutorEndToEndTests.remove(db) }

    struct KeyStep: Decodable {
        let id: String
        let kind: String
    }

    struct KeyQuestion: Decodable { let steps: [KeyStep] }
    struct Key: Decodable { let questions: [KeyQuestion] }

    /// The step kinds of Q3, from the engine's own key.
    func q3Steps() throws -> [KeyStep] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYHarness.builtProduct("dltutor"))
        p.arguments = ["key", "q3", "--format", "json", "--content", TutorEndToEndTests.content]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let decoded = try JSONDecoder().decode(Key.self, from: data)
        return try #require(decoded.questions.first).steps
    }

    /// The lines under the separator (prompt, field, hints, feedback), without the key bar.
    func stepArea(_ h: PTYHarness) -> [String] {
        let lines = h.lines
        guard let sep = lines.lastIndex(where: { $0.hasPrefix(String(repeating: "─", count: 20)) }) else { return [] }
        return Array(lines[(sep + 1)..<max(sep + 1, lines.count - 1)])
    }

    /// Number-like words on those lines (`619`, `0.44`, `257x1`), as a copier would pick them.
    func copiable(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines where !line.contains("Answer →") {
            for word in line.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "x" || $0 == "×") }) {
                let w = word.trimmingCharacters(in: CharacterSet(charactersIn: ".x×"))
                if let first = w.first, first.isNumber, !out.contains(w) { out.append(w) }
            }
        }
        return out
    }

    @Test func aStudentWhoOnlyCopiesFromTheScreenEndsQ3WithNoPoints() throws {
        let steps = try q3Steps()
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["practice", "--content", TutorEndToEndTests.content, "--db", db, "--no-tour", "--question", "q3"])
        #expect(h.waitFor(text: "Step 1/\(steps.count)"))
        for (i, step) in steps.enumerated() {
            #expect(h.waitFor(text: "Step \(i + 1)/\(steps.count)"), "on step \(step.id)")
            for _ in 0..<4 { h.press(.function(2)) }
            #expect(h.waitFor(text: "No more hints") || h.waitFor(text: "no hints"), "every hint of \(step.id) taken")
            h.settle()
            var done = false
            if step.kind != "choice" && step.kind != "text" {
                for word in copiable(stepArea(h)).prefix(2) {
                    h.press(.ctrl("u"))
                    h.type(word)
                    h.press(.enter)
                    h.settle()
                    if h.lines.contains(where: { $0.contains("✓ Correct") || $0.contains("↻") && $0.contains("Enter: next step") }
                    ) {
                        Issue.record("\(step.id): the copied value \(word) was right")
                        done = true
                        break
                    }
                }
            }
            if !done {
                h.press(.function(3))
                #expect(h.waitFor(text: "Answer:"), "\(step.id) revealed")
            }
            #expect(h.waitUntil { s in s.lines[0].contains(" 0/10 pts") }, "no point after \(step.id): \(h.lines[0])")
            h.press(.enter)
        }
        #expect(h.waitFor(text: "Q3 finished: 0 of 10 points"))
        #expect(h.waitFor(text: "Earned unaided: 0 · with help: 0"))
        h.press(.ctrl("c"))
        #expect(h.waitForExit() != nil)
    }
}
