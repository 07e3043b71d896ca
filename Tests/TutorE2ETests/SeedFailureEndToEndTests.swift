import Foundation
import PTYTestSupport
import TerminalUI
import TestFixtures
import Testing

/// The real tutor on an exam whose variants fail for most seeds (a list budget that only large
/// draws exceed): F5 shows a one-line message and the student stays on the question; the
/// tutor never crashes and the terminal comes back.
@Suite("dltutor with content that fails for some seeds, in a pty", .serialized)
struct SeedFailureEndToEndTests {
    @Test func f5OnAFailingSeedIsAMessageNotACrash() throws {
        // n ≥ 5 (96 of 100 draws) asks `fill` for more than its 10000 entries.
        let dir = try seedFailureExam(largestN: 100)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["--content", dir, "--db", dir + "/progress.sqlite", "--no-tour", "--question", "q1"])
        #expect(h.waitFor(text: "Answer →"))
        /// The line saying what F5 did (nil: none yet).
        func notice(_ lines: [String]) -> String? {
            lines.first {
                $0.contains("No variant for seed") || $0.contains("A fresh variant") || $0.contains("Back to the original")
            }
        }
        var failures = 0
        for _ in 0..<6 where failures < 3 {
            let before = notice(h.lines)
            h.press(.function(5))
            #expect(h.waitUntil { s in notice(s.lines).map { $0 != before } ?? false }, "\(h.lines.joined(separator: "\n"))")
            let line = notice(h.lines) ?? ""
            if line.contains("No variant for seed") {
                failures += 1
                #expect(line.contains("content error, q1.yaml:9"), "\(line)")
                #expect(h.lines.contains { $0.contains("n is 2;") }, "still the original question")
            } else {
                h.press(.function(8)) // a rare working seed: back to the original
                #expect(h.waitFor(text: "Back to the original exam"))
            }
        }
        #expect(failures >= 1)
        h.type("3")
        h.press(.enter)
        #expect(h.waitFor(text: "Correct"), "still answering the same question")
        h.press(.ctrl("c")) // nothing unsaved: quits at once
        #expect(h.waitForExit() == .exited(130))
        #expect(h.process.isCookedMode, "the terminal is back")
    }
}
