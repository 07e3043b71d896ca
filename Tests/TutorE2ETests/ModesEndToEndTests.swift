import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// Quiz and demo through the real binary in a pty. The quiz clock is injected through a file
/// (the hidden --clock-file option), so a one-minute quiz runs out without sleeping a minute.
@Suite("dltutor quiz and demo in a pty", .serialized)
struct ModesEndToEndTests {
    static let content = TutorEndToEndTests.content

    @Test func oneMinuteQuizTwoAnswersThenTimeRunsOut() throws {
        let clock = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-clock-\(UUID().uuidString)").path
        try "0".write(toFile: clock, atomically: true, encoding: .utf8)
        let db = TutorEndToEndTests.scratchDB()
        defer {
            try? FileManager.default.removeItem(atPath: clock)
            TutorEndToEndTests.remove(db)
        }
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: [
                "quiz", "--content", Self.content, "--db", db,
                "--minutes", "1", "--questions", "q3",
                "--seed", "4", "--clock-file", clock
            ])
        #expect(h.waitFor(text: "start the clock"))
        h.press(.enter)
        #expect(h.waitFor(text: "01:00 left"))
        h.type("6")
        h.press(.enter)
        // Enter submits and moves on to the next step.
        #expect(h.waitFor(text: "Sent; verdicts come at the end."))
        #expect(h.waitFor(text: "Step 2/8"))
        h.type("[5, 7, 7, 7, 7, 7, 7, 10]")
        h.press(.enter)
        #expect(h.waitUntil { $0.contains("2/8 sent") })
        try "30".write(toFile: clock, atomically: true, encoding: .utf8)
        #expect(h.waitFor(text: "00:30 left"), "the countdown follows the clock")
        try "61".write(toFile: clock, atomically: true, encoding: .utf8)
        #expect(h.waitFor(text: "Time is up: your answers were submitted."))
        #expect(h.waitFor(text: "Quiz results"))
        h.settle()
        let hidden = try #require(h.lines.first { $0.contains("a.hidden_layers") })
        let sizes = try #require(h.lines.first { $0.contains("a.sizes") })
        #expect(hidden.contains("✓") && hidden.contains("1/1"))
        #expect(sizes.contains("✓") && sizes.contains("1/1"))
        #expect(h.lines.contains { $0.contains("a.total") && $0.contains("0/2.5") })
        h.press(.enter)
        #expect(h.waitFor(text: "Quiz review"))
        #expect(h.waitFor(text: "yours:   6"))
        #expect(h.waitFor(text: "yours:   [5, 7, 7, 7, 7, 7, 7, 10]"))
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
        #expect(h.process.isCookedMode)
    }

    @Test func demoWalkedForwardAndBack() throws {
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["demo", "q4", "--content", Self.content])
        #expect(h.waitFor(text: "DEMO · Q4"))
        #expect(h.waitFor(text: "Predict first"))
        #expect(h.waitFor(text: "Consider forward propagation"), "opens on the question text")
        h.type("p")
        h.press(.right)
        #expect(h.waitFor(text: "Answer: 1025"))
        #expect(h.waitFor(text: "│1025"), "the picture's x_B box fills in")
        h.type(" ")
        #expect(h.waitFor(text: "step 2/12"))
        #expect(h.waitFor(text: "Predict first"))
        h.press(.left)
        #expect(h.waitFor(text: "step 1/12"))
        #expect(h.waitFor(text: "Answer: 1025"), "going back keeps the reveal")
        h.type("1")
        #expect(h.waitFor(text: "go to 1…"), "1 of 12 steps could be 10-12: it waits")
        h.type("1")
        #expect(h.waitFor(text: "go to 11…"), "two digits wait for Enter")
        h.press(.enter)
        #expect(h.waitFor(text: "step 11/12"), "Enter jumps")
        #expect(h.waitFor(text: "Predict first"), "and reveals nothing")
        h.type("1")
        h.press(.enter)
        #expect(h.waitFor(text: "step 1/12"), "1 then Enter is step 1")
        h.type("b")
        #expect(h.waitUntil { !$0.contains("DEMO") }, "b blanks the screen")
        h.type("x")
        #expect(h.waitFor(text: "DEMO · Q4"), "any key brings it back")
        h.type("3")
        #expect(h.waitFor(text: "step 3/12"))
        h.type("t")
        h.type("1025x256")
        h.press(.enter)
        #expect(h.waitFor(text: "Class said 1025x256: ✗"))
        h.press(.escape)
        h.type("a")
        #expect(h.waitFor(text: "Answer: 256×1025"))
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.press(.ctrl("c"))
        #expect(h.waitForExit() == .exited(130))
        #expect(h.process.isCookedMode)
    }
}
