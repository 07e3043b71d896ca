import MathEngine
import TutorContent

/// Review and drill open a fresh variant at one step, without the steps before it. A step whose
/// answer builds on earlier steps ("does not exceed your answer to (a)") would then refer to
/// something the student never saw, so those earlier values are given, as data: they are the
/// key's values of the step's dependencies (what grading uses when no earlier answer exists),
/// never the answer of the step being asked.
extension PracticeState {
    /// One line per earlier step the active step's answer is computed from, e.g.
    /// "Given (from part a): total parameters = 619". A dependency whose value is (or states)
    /// the active step's own answer is left out: giving it would give the answer away, and such a
    /// step is answerable from the question text alone.
    public var givenLines: [String] {
        let own = step.expected
        let reader = AnswerLeak()
        return step.dependencies.compactMap { id -> String? in
            guard let earlier = variant.step(id), earlier.kind != .text else { return nil }
            if earlier.expected.display == own.display { return nil }
            let line = "Given (from part \(earlier.part)): \(earlier.label) = \(earlier.expected.display)"
            // A given that states the step's own answer (any of its telling entries, as the
            // diagonal does for a diagonal matrix) would determine it: it is left out.
            if reader.states(step, in: line) { return nil }
            return line
        }
    }

    /// The active step's prompt for a standalone item: "your answer to (a)" becomes "the given
    /// answer to (a)" (the value is in `givenLines`).
    public var standalonePrompt: String {
        guard !givenLines.isEmpty else { return step.prompt }
        return step.prompt.replacing("your answer to", with: "the given answer to")
    }
}
