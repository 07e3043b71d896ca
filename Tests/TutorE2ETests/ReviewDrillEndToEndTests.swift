import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// Review and drill through the real binary in a pty, on a real SQLite file: interleaved review
/// items with earlier values given, the interval chosen, the daily cap remembered across runs;
/// a drill that shows the answer of a skipped item and ends with the misses.
@Suite("dltutor review and drill in a pty", .serialized)
struct ReviewDrillEndToEndTests {
    static let content = TutorEndToEndTests.content

    func tutor(_ args: [String]) throws -> PTYHarness {
        let practice = !["quiz", "review", "demo", "drill"].contains(args.first ?? "")
        return try PTYHarness(executable: PTYHarness.builtProduct("dltutor"), arguments: args + (practice ? ["--no-tour"] : []))
    }

    func title(_ h: PTYHarness) -> String {
        h.settle()
        return h.lines.first ?? ""
    }

    @Test func reviewInterleavesGivesEarlierValuesSaysTheIntervalAndKeepsTheDailyCap() throws {
        let f = ProgressEndToEndTests.Folder()
        let clock = f.path + "/clock"
        let start = Date().timeIntervalSinceReferenceDate
        try String(start).write(toFile: clock, atomically: true, encoding: .utf8)
        let args = ["--content", Self.content, "--db", f.db, "--clock-file", clock]
        // Practice: reveal Q3's first two steps, then Q4's (each is scheduled for tomorrow).
        let h = try tutor(args)
        #expect(h.waitFor(text: "q quit"))
        for q in ["3", "4"] {
            h.type(q)
            #expect(h.waitFor(text: "Step 1/"))
            h.press(.function(3))
            h.press(.tab)
            #expect(h.waitFor(text: "Step 2/"))
            h.press(.function(3))
            #expect(h.waitUntil { $0.lines.contains { $0.contains("◆") && !$0.contains("Step") } })
            h.press(.escape)
            #expect(h.waitFor(text: "q quit"))
        }
        h.type("q")
        #expect(h.waitForExit() == .exited(0))

        // Two days later, at most 3 a day: Q3, Q4, Q3 (interleaved), the third with its given value.
        try String(start + 2 * 86_400).write(toFile: clock, atomically: true, encoding: .utf8)
        let r = try tutor(["review", "--max", "3"] + args)
        #expect(r.waitFor(text: "review 1/3"))
        #expect(title(r).contains("Q3"))
        r.press(.function(3)) // settled by a reveal
        #expect(r.waitFor(text: "Next review tomorrow"))
        r.press(.enter)
        #expect(r.waitFor(text: "review 2/3"))
        #expect(title(r).contains("Q4"), "not two steps of Q3 in a row")
        r.press(.function(3))
        #expect(r.waitFor(text: "Next review tomorrow"))
        r.press(.enter)
        #expect(r.waitFor(text: "review 3/3"))
        #expect(title(r).contains("Q3"))
        #expect(r.waitFor(text: "Given (from part a): hidden layers ="), "layer sizes build on the hidden layers")
        r.press(.escape)
        #expect(r.waitFor(text: "q quit"))
        r.type("q")
        #expect(r.waitForExit() == .exited(0))

        // Same day, no --max: the cap of 3 is remembered and 2 were done, so 1 is left.
        let again = try tutor(["review"] + args)
        #expect(again.waitFor(text: "review 1/1"))
        again.press(.function(3))
        #expect(again.waitFor(text: "Next review tomorrow"))
        again.press(.enter)
        #expect(again.waitFor(text: "1 more due step waits for tomorrow (daily cap 3)."))
        again.press(.enter)
        #expect(again.waitFor(text: "q quit"))
        again.type("q")
        #expect(again.waitForExit() == .exited(0))
    }

    @Test func drillShowsTheAnswerOfASkippedItemAndEndsWithTheMisses() throws {
        let f = ProgressEndToEndTests.Folder()
        let clock = f.path + "/clock"
        let start = Date().timeIntervalSinceReferenceDate
        try String(start).write(toFile: clock, atomically: true, encoding: .utf8)
        let h = try tutor([
            "drill", "--content", Self.content, "--db", f.db, "--clock-file", clock,
            "--topic", "shapes", "--minutes", "1", "--seed", "3"
        ])
        #expect(h.waitFor(text: "01:00 left"))
        #expect(!h.lines.joined().contains("Answer: "))
        h.press(.tab)
        #expect(h.waitFor(text: "Skipped. The answer is below"))
        #expect(h.waitFor(text: "Answer: "))
        #expect(h.waitFor(text: "Enter next one"))
        h.press(.enter)
        #expect(h.waitFor(text: "Tab skip (shows the answer)"))
        try String(start + 61).write(toFile: clock, atomically: true, encoding: .utf8)
        #expect(h.waitFor(text: "Drill results"))
        #expect(h.waitFor(text: "Missed (1), with the correct answer:"))
        #expect(h.waitFor(text: "skipped"))
        h.press(.enter)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
    }
}
