import MathEngine
import TutorContent

/// The first-run tour: about a minute of pages in the spirit of vimtutor's first lesson. It is
/// shown once (the run loop stores `tour_seen` when it ends or is skipped) and re-opened from the
/// help screen. Its examples come from `FormatExample` and are checked against every question of
/// the exam at the session's seed, so the tour never states an answer.
public struct Tour: Sendable, Equatable {
    public struct Page: Sendable, Equatable {
        public var title: String
        public var lines: [String]
    }

    public var pages: [Page]
    public var index = 0

    public var page: Page { pages[index] }
    public var isLast: Bool { index == pages.count - 1 }

    public init(exam: Exam, seed: UInt64?) {
        let variants = exam.questions.compactMap { try? $0.variant(seed: seed) }
        func pick(_ family: [String], _ kind: AnswerKind) -> String {
            FormatExample.example(family, as: kind, cleanIn: variants) ?? "…"
        }
        let shape = pick(FormatExample.shapePairs, .shape)
        let vector = pick(FormatExample.vectors, .vector)
        let matrix = pick(FormatExample.matrixRows, .matrix)
        let expression = pick(FormatExample.expressions(in: "n"), .expression(variables: ["n"]))
        let number = pick(FormatExample.numberFractions, .number)
        let percent = pick(FormatExample.numberPercents, .number)
        let log = pick(FormatExample.numberLogs, .number)
        pages = [
            Page(
                title: "Welcome: a one-minute tour",
                lines: [
                    "dltutor walks you through exam questions one step at a time and checks every value as you type.",
                    "A few short pages: Enter or → goes on, ← goes back, Esc skips the tour.",
                    "It is shown once; the help screen (F1) opens it again with t."
                ]),
            Page(
                title: "Live preview",
                lines: [
                    "Under the answer field the tutor shows what it reads while you type:",
                    "  = value     it can read your answer (press Enter to check it)",
                    "  … missing   something is still to come, e.g. a closing bracket",
                    "  ^ reason    the caret points at the character it cannot read",
                    "Nothing is marked until you press Enter, so typing is never a try."
                ]),
            Page(
                title: "Shapes, vectors and expressions",
                lines: [
                    "Numbers may be arithmetic: \(number), \(percent), \(log).",
                    "Shapes: rows x columns, like \(shape) (× works too).",
                    "Vectors: \(vector). Matrices: \(matrix), rows split by ;.",
                    "Expressions use the step's variables: \(expression).",
                    "The grey example in an empty field shows the format of the step in front of you."
                ]),
            Page(
                title: "Hints and the worked step",
                lines: [
                    "F2 (or Ctrl-T) shows the next hint; hints never state the answer.",
                    "F3 (or Ctrl-R) shows the worked step and the answer. The step then counts as revealed,",
                    "not earned, and Enter moves on to the next step.",
                    "After a few wrong tries the worked step is shown by itself."
                ]),
            Page(
                title: "Calculator",
                lines: [
                    "F4 (or Ctrl-K) opens a calculator line at the bottom. Enter evaluates;",
                    "the result shows on its own line, ans is the last result, Tab puts it into the answer.",
                    "It knows mean, sum and the matrix product @, so W @ x can be checked.",
                    "Esc or F4 goes back to the answer field."
                ]),
            Page(
                title: "Pictures",
                lines: [
                    "Some questions have a picture (a chart, the layers, the chain rule, tanh).",
                    "F6 (or Ctrl-O) switches the side panel between the text and the picture;",
                    "a wide terminal shows both. Pictures only show what you have answered or revealed."
                ]),
            Page(
                title: "Finishing",
                lines: [
                    "A finished question shows a summary: points, steps right first time, mistakes met, time.",
                    "F9 (or Ctrl-W) jumps to the next unfinished step; Esc goes back to the list of questions.",
                    "F1 lists every key on every screen. Press Enter to start."
                ])
        ]
    }

    /// Moves by `delta` pages; false when that leaves the tour (past the last page).
    mutating func turn(_ delta: Int) -> Bool {
        let next = index + delta
        if next >= pages.count { return false }
        index = max(0, next)
        return true
    }
}
