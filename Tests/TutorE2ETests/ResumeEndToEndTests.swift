import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// What the student did is what the tutor remembers, through the real binary in a pty on a real
/// SQLite file: a scripted session, quit, restart (also into review), and the screens compared;
/// a quiz killed with SIGKILL continued by the next `dltutor quiz`.
@Suite("dltutor resumes in a pty", .serialized)
struct ResumeEndToEndTests {
    static let content = TutorEndToEndTests.content
    /// Q3's step labels as the step list shows them (content `label:`).
    static let q3Steps = [
        "hidden layers", "layer sizes", "weight shapes", "total parameters", "shallow count",
        "largest hidden n", "which is better", "why"
    ]

    /// Practice runs skip the first-run tour (its own test shows it).
    func tutor(_ args: [String]) throws -> PTYHarness {
        let practice = !["quiz", "review", "demo", "drill"].contains(args.first ?? "")
        return try PTYHarness(executable: PTYHarness.builtProduct("dltutor"), arguments: args + (practice ? ["--no-tour"] : []))
    }

    /// The step list as shown: every row naming a step of Q3 (mark, id and the text beside it).
    func stepRows(_ h: PTYHarness) -> [String] {
        h.settle()
        return h.lines.filter { line in Self.q3Steps.contains { label in "○✓✗◐↻◆●?".contains { line.contains("\($0) \(label)") } }
        }
    }

    /// The first row containing `text`, from `text` on (the selection arrow before it may move).
    func row(_ h: PTYHarness, _ text: String) -> String? {
        h.settle()
        return h.lines.first { $0.contains(text) }.map { String($0[$0.range(of: text)!.lowerBound...]) }
    }

    @Test func marksScoresAndVariantsAreTheSameAfterARestartAndAfterReview() throws {
        let f = ProgressEndToEndTests.Folder()
        let clock = f.path + "/clock"
        try String(Date().timeIntervalSinceReferenceDate).write(toFile: clock, atomically: true, encoding: .utf8)
        let args = ["--content", Self.content, "--db", f.db, "--clock-file", clock]
        let h = try tutor(args)
        #expect(h.waitFor(text: "q quit"))
        h.type("3")
        #expect(h.waitFor(text: "Step 1/8"))
        h.press(.function(3)) // reveal before any try
        #expect(h.waitUntil { $0.contains("◆ hidden layers") })
        h.type("7")
        h.press(.enter) // revealed: Enter moves on, no check
        #expect(h.waitFor(text: "Step 2/8"))
        h.press(.tab, .tab)
        #expect(h.waitFor(text: "Step 4/8"))
        for wrong in ["1", "2", "3"] {
            h.press(.ctrl("u"))
            h.type(wrong)
            h.press(.enter)
        }
        #expect(h.waitFor(text: "After 3 tries")) // automatic reveal
        h.press(.ctrl("u"))
        h.type("619")
        h.press(.enter) // revealed: on to the next unfinished step
        #expect(h.waitFor(text: "Step 5/8"))
        h.press(.backTab, .backTab, .backTab)
        #expect(h.waitFor(text: "Step 2/8"))
        h.type("[19, 8, 8, 8, 8, 8, 8, 8, 3]")
        h.press(.enter)
        #expect(h.waitUntil { $0.contains("✓ layer sizes") })
        let steps = stepRows(h)
        let header = try #require(row(h, "original exam"))
        #expect(steps.count == 8 && steps.contains { $0.contains("◆ total parameters") }, "\(steps)")
        h.press(.escape)
        let q3 = try #require(row(h, "Q3 "))
        #expect(q3.contains("in progress"), "\(q3)")
        h.type("4") // Q4: practise a fresh variant
        #expect(h.waitFor(text: "original exam"))
        h.press(.function(5))
        #expect(h.waitFor(text: "variant seed"))
        let q4Header = try #require(row(h, "variant seed"))
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0), "nothing typed and not checked: quits without asking")

        // Restart: the last question (Q4) reopens on its variant; Q3 shows the same marks and score.
        let again = try tutor(args)
        #expect(again.waitFor(text: "Welcome back"))
        #expect(row(again, "variant seed") == q4Header)
        again.press(.escape)
        #expect(again.waitFor(text: "q quit"))
        #expect(row(again, "Q3 ") == q3)
        again.type("3")
        #expect(again.waitFor(text: "Step 2/8"), "Q3 reopens where it was left")
        #expect(stepRows(again) == steps)
        #expect(row(again, "original exam") == header, "same variant label and score")
        again.press(.escape)
        again.type("q")
        #expect(again.waitForExit() == .exited(0))

        // Two days later, review the revealed steps; back on the start screen, the truth.
        try String(Date().timeIntervalSinceReferenceDate + 2 * 86_400).write(toFile: clock, atomically: true, encoding: .utf8)
        let review = try tutor(["review"] + args)
        #expect(review.waitFor(text: "review 1/"))
        review.press(.escape)
        #expect(review.waitFor(text: "q quit"))
        #expect(row(review, "Q3 ") == q3, "review does not hide practice progress")
        review.type("3")
        #expect(review.waitFor(text: "Step 2/8"))
        #expect(stepRows(review) == steps)
        review.press(.escape)
        review.type("q")
        #expect(review.waitForExit() == .exited(0))
        // Only practice moved the resume point: the next start reopens Q3 (opened from the
        // review run's start screen, which is practice), not a review item.
        let last = try tutor(args)
        #expect(last.waitFor(text: "Welcome back"))
        #expect(last.waitFor(text: "Step 2/8") && row(last, "original exam") == header)
        last.press(.escape)
        last.type("q")
        #expect(last.waitForExit() == .exited(0))
    }

    @Test func aQuizKilledWithSIGKILLIsContinuedWithItsAnswersAndTimeLeft() throws {
        let f = ProgressEndToEndTests.Folder()
        let clock = f.path + "/clock"
        try "1000".write(toFile: clock, atomically: true, encoding: .utf8)
        let args = [
            "quiz", "--content", Self.content, "--db", f.db, "--minutes", "5", "--questions", "q3",
            "--seed", "4", "--clock-file", clock
        ]
        let h = try tutor(args)
        #expect(h.waitFor(text: "start the clock"))
        h.press(.enter)
        #expect(h.waitFor(text: "05:00 left"))
        h.type("6") // seed 4: a 7-layer network
        h.press(.enter)
        // Enter submits and moves on to the next step.
        #expect(h.waitFor(text: "Sent; verdicts come at the end."))
        #expect(h.waitFor(text: "Step 2/8"))
        h.type("[5, 7") // typed, not submitted
        #expect(h.waitFor(text: "[5, 7"))
        try "1100".write(toFile: clock, atomically: true, encoding: .utf8)
        #expect(h.waitFor(text: "03:20 left"))
        h.signal(SIGKILL)
        #expect(h.waitForExit() == .signaled(SIGKILL))
        let exported = try ProgressEndToEndTests().command(["export", "--db", f.db])
        let quizRow = try #require(exported.out.split(separator: "\r\n").first { $0.hasPrefix("quiz,") })
        #expect(quizRow.hasSuffix(",,,,5,end,running,"), "no score for a quiz that has not ended: \(quizRow)")

        // Much later, the next `dltutor quiz` offers it; the clock continues from 03:20.
        try "90000".write(toFile: clock, atomically: true, encoding: .utf8)
        let again = try tutor(args)
        #expect(again.waitFor(text: "Continue your unfinished quiz?"))
        #expect(again.waitFor(text: "03:20 left"))
        again.type("y")
        #expect(again.waitFor(text: "Quiz continued"))
        #expect(again.waitFor(text: "Step 2/8"))
        #expect(again.waitFor(text: "[5, 7"), "the typed answer is back")
        #expect(again.waitFor(text: "1/8 sent"))
        #expect(again.waitFor(text: "03:20 left"))
        again.type(", 7, 7, 7, 7, 7, 10]")
        again.press(.enter)
        #expect(again.waitFor(text: "2/8 sent"))
        again.press(.ctrl("c")) // asks, like F10
        #expect(again.waitFor(text: "Quit dltutor?"))
        again.type("n")
        again.press(.function(10))
        #expect(again.waitFor(text: "End the quiz now?"))
        again.type("y")
        #expect(again.waitFor(text: "Quiz results"))
        again.press(.escape)
        again.type("q")
        #expect(again.waitForExit() == .exited(0))
        let rows = try ProgressEndToEndTests().command(["export", "--db", f.db]).out.split(separator: "\r\n")
        let quizzes = rows.filter { $0.hasPrefix("quiz,") }
        #expect(quizzes.count == 1, "one quiz, continued: \(quizzes)")
        #expect(quizzes.first?.hasSuffix(",5,end,finished,") == true && quizzes.first?.contains(",2,") == true, "\(quizzes)")
        #expect(rows.filter { $0.hasPrefix("attempt,") }.count == 2)
        // Nothing left to continue.
        let third = try tutor(args)
        #expect(third.waitFor(text: "start the clock"))
        third.press(.enter)
        #expect(third.waitFor(text: "05:00 left"))
        third.press(.function(10))
        third.type("y")
        #expect(third.waitFor(text: "Quiz results"))
        third.press(.escape)
        third.type("q")
        #expect(third.waitForExit() == .exited(0))
    }
}
