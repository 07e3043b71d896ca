import ContentLint
import ContentLoading
import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import TutorContent

/// Lint points at the text that leaks (the hint, option or mistake line, not the step's `id:`
/// line) and says once where it leaks: "original exam and 20 of 20 seeds, e.g. seed 1". A named
/// mistake that equals the answer in every variant is a warning at its own line.
struct LeakLintPlaceTests {
    /// q3 with `old` replaced by `new`, linted at `seeds`; the folder is removed afterwards.
    func lintQ3(_ old: String, _ new: String, seeds: Int) throws -> (diagnostics: [Diagnostic], lines: [String], exam: Exam) {
        let dir = try editedExam("q3") { $0.replacingOccurrences(of: old, with: new) }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: dir + "/q3.yaml", encoding: .utf8)
        let exam = ExamLoader.load(directory: dir).exam
        return (Lint.run(directory: dir, seeds: seeds), text.components(separatedBy: "\n"), exam)
    }

    /// The 1-based line of the edited file that holds `marker`.
    func line(of marker: String, in lines: [String]) -> Int? {
        lines.firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }

    static let totalHint = "hidden-to-hidden matrices and one output matrix."

    @Test func aLeakInEveryVariantIsOneDiagnosticAtTheHintLine() throws {
        let (found, lines, _) = try lintQ3(Self.totalHint, Self.totalHint + " The total is {P}.", seeds: 20)
        let hintLine = try #require(line(of: "The total is {P}", in: lines))
        let leaks = found.filter { $0.message.contains("step 'a.total': the hint 2 states its own answer") }
        #expect(leaks.count == 1, "\(found.map(\.description))")
        #expect(leaks.first?.line == hintLine)
        #expect(leaks.first?.message.hasSuffix("(original exam and 20 of 20 seeds, e.g. seed 1).") == true, "\(leaks)")
        #expect(leaks.first?.severity == .error)
    }

    @Test func aLeakInSomeSeedsCountsThemAndNamesTheFirst() throws {
        let hint = "take the largest whole number that keeps the count within budget."
        let (found, lines, exam) = try lintQ3(hint, hint + " ({if(C > 6, floor(nstar), 0.5)})", seeds: 40)
        // The seeds where the hint prints the answer, as the engine builds them.
        let q = try #require(exam.question("q3"))
        let leaking = try (1...40).filter { seed in
            guard case .number(let c)? = try q.variant(seed: UInt64(seed)).values["C"] else { return false }
            return c > 6
        }
        guard case .number(let original)? = try q.variant().values["C"] else {
            Issue.record("no C")
            return
        }
        #expect(original <= 6 && !leaking.isEmpty && leaking.count < 40, "the edit must leak in some seeds only")
        let leaks = found.filter { $0.message.contains("step 'b.n_hidden': the hint 2 states its own answer") }
        #expect(leaks.count == 1, "\(found.map(\.description))")
        #expect(leaks.first?.line == line(of: "floor(nstar), 0.5", in: lines))
        #expect(
            leaks.first?.message.hasSuffix("(\(leaking.count) of 40 seeds, e.g. seed \(leaking[0])).") == true,
            "\(leaks.map(\.message)) vs \(leaking)")
    }

    @Test func anOptionLeakPointsAtTheOptionByItsNumberInTheFile() throws {
        let option = "the shallow 2-layer network (one wide hidden layer)"
        let (found, lines, _) = try lintQ3(option, "the shallow 2-layer network (one wide hidden layer, {P} weights)", seeds: 10)
        let leaks = found.filter { $0.message.contains("states the answer of step 'a.total'") && $0.message.contains("option") }
        #expect(leaks.count == 1, "\(found.map(\.description))")
        #expect(leaks.first?.line == line(of: "{P} weights", in: lines))
        #expect(
            leaks.first?.message
                == "step 'c.choice': the option 2 states the answer of step 'a.total' before it is earned (original exam and 10 of 10 seeds, e.g. seed 1)."
        )
    }

    @Test func aMistakeFeedbackLeakPointsAtTheMistake() throws {
        let why = "Each weight matrix also has a bias column: count (#inputs + 1) per node."
        let (found, lines, _) = try lintQ3(why, "Each weight matrix also has a bias column: {P} in all.", seeds: 10)
        let leaks = found.filter { $0.message.contains("step 'a.total': the feedback to mistake 3 states its own answer") }
        #expect(leaks.count == 1, "\(found.map(\.description))")
        #expect(leaks.first?.line == line(of: "{P} in all", in: lines))
        #expect(leaks.first?.message.hasSuffix("(original exam and 10 of 10 seeds, e.g. seed 1).") == true)
    }

    static let lastTotalMistake =
        "      - {value: \"h*(n_in+1) + h*(h+1) + C*(h+1)\", why: \"The hidden-to-hidden matrix was added once, but each pair of neighbouring hidden layers has its own (this is the slip in the printed key).\"}"

    @Test func aMistakeThatAlwaysEqualsTheAnswerIsAWarningAtItsLine() throws {
        let dead = "      - {value: \"P\", why: \"Counted by shapes.\"}"
        let (found, lines, _) = try lintQ3(Self.lastTotalMistake, Self.lastTotalMistake + "\n" + dead, seeds: 20)
        let warnings = found.filter { $0.message.contains("always equals the answer") }
        #expect(warnings.count == 1, "\(found.map(\.description))")
        #expect(warnings.first?.line == line(of: "Counted by shapes.", in: lines))
        #expect(
            warnings.first?.message
                == "step 'a.total': mistake 6 always equals the answer; it can never be shown (original exam and all 20 seeds).")
        #expect(warnings.first?.severity == .warning)
    }

    @Test func aMistakeThatEqualsTheAnswerInSomeVariantsOnlyIsNotReported() throws {
        let sometimes = "      - {value: \"if(C > 6, P + 1, P)\", why: \"Off by one for many classes.\"}"
        let (found, _, exam) = try lintQ3(Self.lastTotalMistake, Self.lastTotalMistake + "\n" + sometimes, seeds: 20)
        let q = try #require(exam.question("q3"))
        let shown = try (1...20).contains { seed in
            try q.variant(seed: UInt64(seed)).step("a.total")?.mistakes.contains { $0.id == "a.total#6" } == true
        }
        #expect(shown, "the mistake must be shown in some seed for this test to mean anything")
        #expect(!found.contains { $0.message.contains("always equals the answer") }, "\(found.map(\.description))")
    }
}
