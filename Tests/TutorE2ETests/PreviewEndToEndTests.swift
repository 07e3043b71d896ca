import Foundation
import PTYTestSupport
import Testing

/// `dltutor preview` and questions with errors, through the real binary in a pty, on temporary
/// copies of the bundled exam that the tests edit as an author would.
@Suite("dltutor preview in a pty", .serialized)
struct PreviewEndToEndTests {
    static let content = TutorEndToEndTests.content

    /// A copy of the bundled exam in a temporary folder, removed with the value.
    final class ExamCopy {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-preview-\(UUID().uuidString)").path
        init() throws { try FileManager.default.copyItem(atPath: PreviewEndToEndTests.content, toPath: path) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func read(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }

        /// Saves `name` as an editor does (a new file renamed into place).
        func write(_ text: String, to name: String) throws {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    func preview(_ exam: ExamCopy, _ args: [String] = []) throws -> PTYHarness {
        try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"), arguments: ["preview", exam.path] + args, columns: 100, rows: 30)
    }

    /// A question file without its last step, its total points lowered by that step's points
    /// (so the file still loads); nil when the file is not shaped as expected.
    static func withoutLastStep(_ text: String) -> String? {
        guard let last = text.range(of: "\n  - id: ", options: .backwards),
            let pointsLine = text[last.lowerBound...].range(of: #"points: [0-9.]+"#, options: .regularExpression),
            let stepPoints = Double(text[pointsLine].dropFirst("points: ".count)),
            let totalLine = text.range(of: #"\npoints: [0-9.]+"#, options: .regularExpression),
            let total = Double(text[totalLine].dropFirst("\npoints: ".count))
        else { return nil }
        let kept = String(text[..<last.lowerBound]) + "\n"
        let left = total - stepPoints
        let newTotal = left == left.rounded() ? String(Int(left)) : String(left)
        return kept.replacingCharacters(in: totalLine, with: "\npoints: \(newTotal)")
    }

    func screenText(_ h: PTYHarness) -> String { h.lines.joined(separator: "\n") }

    @Test func anEditedQuestionReloadsInPlaceAndAnErrorShowsInPlaceOfItsText() throws {
        let exam = try ExamCopy()
        let original = try exam.read("q3.yaml")
        let h = try preview(exam, ["q3"])
        #expect(h.waitFor(text: "Q3 · Parameter counting"))
        #expect(h.waitFor(text: "You want to train a neural network"))
        h.press(.tab)
        #expect(h.waitFor(text: "Step 2/"))
        h.type("4242")
        #expect(h.waitUntil { s in s.lines.contains { $0.contains("Answer →") && $0.contains("4242") } })

        // An edit to the question's text: the new text, on the same question and step, with the draft.
        let edited = original.replacingOccurrences(of: "You want to train a neural network", with: "Imagine training a network")
        #expect(edited != original)
        try exam.write(edited, to: "q3.yaml")
        #expect(h.waitFor(text: "Imagine training a network"), "\(screenText(h))")
        #expect(h.waitFor(text: "reloaded"), "the status line says so")
        h.settle()
        #expect(screenText(h).contains("Step 2/") && screenText(h).contains("Q3 · Parameter counting"))
        #expect(h.lines.contains { $0.contains("Answer →") && $0.contains("4242") }, "the typed draft is kept")
        #expect(h.waitUntil(timeout: .seconds(5)) { s in !s.lines[0].contains("reloaded") }, "the note goes after a moment")

        // Broken YAML: its first error (file:line: message) in place of the text.
        try exam.write(edited.replacingOccurrences(of: "points: 10", with: "points: [10"), to: "q3.yaml")
        #expect(h.waitFor(text: "has errors"), "\(screenText(h))")
        #expect(h.waitFor(text: "q3.yaml:"))
        h.settle()
        #expect(!screenText(h).contains("Imagine training"), "the error replaces the body")
        #expect(screenText(h).contains("Step 2/"), "the step stays on screen")

        // Fixed: the question comes back, still at the same step with the draft.
        try exam.write(edited, to: "q3.yaml")
        #expect(h.waitFor(text: "Imagine training a network"), "\(screenText(h))")
        h.settle()
        #expect(!screenText(h).contains("has errors"))
        #expect(screenText(h).contains("Step 2/"))
        #expect(h.lines.contains { $0.contains("Answer →") && $0.contains("4242") })

        h.press(.ctrl("c")) // a typed draft: asks first
        #expect(h.waitFor(text: "Quit dltutor?"))
        h.type("y")
        #expect(h.waitForExit() == .exited(0))
        #expect(h.process.isCookedMode)
    }

    @Test func aRemovedStepLeavesThePreviewOnTheNearestStep() throws {
        let exam = try ExamCopy()
        let h = try preview(exam, ["q3"])
        #expect(h.waitFor(text: "Q3 · Parameter counting"))
        for _ in 1...7 { h.press(.tab) }
        #expect(h.waitFor(text: "Step 8/8"), "\(screenText(h))")
        try exam.write(try #require(Self.withoutLastStep(try exam.read("q3.yaml"))), to: "q3.yaml")
        #expect(h.waitFor(text: "Step 7/7"), "\(screenText(h))")
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func theStartScreenListsAQuestionWithErrorsWithoutOpeningIt() throws {
        let exam = try ExamCopy()
        try exam.write("id: q2\ntitle: \"Softmax, broken\"\npoints: 10\ntopic: loss\n", to: "q2.yaml")
        let db = TutorEndToEndTests.scratchDB()
        defer { TutorEndToEndTests.remove(db) }
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["practice", "--content", exam.path, "--db", db, "--no-tour"], columns: 100, rows: 30)
        #expect(h.waitFor(text: "Softmax, broken — has errors: run dltutor lint"), "\(screenText(h))")
        // The row is drawn before the rest of the list has reached the screen: wait for the next one.
        #expect(h.waitFor(text: "2  Q3"), "\(screenText(h))")
        let broken = try #require(h.lines.firstIndex { $0.contains("has errors") })
        #expect(h.lines[broken - 1].contains("Q1"), "in the exam's order")
        #expect(h.lines[broken + 1].contains("2  Q3"), "the next loaded question keeps its own number")
        h.press(.down)
        h.press(.enter)
        #expect(h.waitFor(text: "Q3 · Parameter counting"), "the selection passes over it")
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func previewOfAQuestionWithErrorsShowsItsErrorAndOpensItOnceFixed() throws {
        let exam = try ExamCopy()
        let original = try exam.read("q2.yaml")
        try exam.write(original.replacingOccurrences(of: "points: 10", with: "points: [10"), to: "q2.yaml")
        let h = try preview(exam, ["q2"])
        #expect(h.waitFor(text: "has errors: run dltutor lint"), "\(screenText(h))")
        #expect(h.waitFor(text: "q2.yaml:"), "its first error, file:line: message")
        try exam.write(original, to: "q2.yaml")
        #expect(h.waitFor(text: "Q2 · "), "\(screenText(h))")
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func previewNeverWritesTheProgressDatabase() throws {
        let exam = try ExamCopy()
        let home = exam.path + "-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        var env = PTYProcess.defaultEnvironment
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["XDG_CACHE_HOME"] = home + "/cache"
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"), arguments: ["preview", exam.path, "q1"], environment: env,
            columns: 100, rows: 30)
        #expect(h.waitFor(text: "Q1 · "))
        h.press(.escape)
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
        let left = FileManager.default.enumerator(atPath: home)?.allObjects as? [String] ?? []
        #expect(left.isEmpty, "no progress database and no content cache: \(left)")
    }
}
