import MathEngine
import TutorContent

/// Review and drill open a fresh variant at one step, without the steps before it. A step whose
/// answer builds on earlier steps ("does not exceed your answer to (a)") would then refer to
/// something the student never saw, so those earlier values are given, as data: they are the
/// key's values of the step's dependencies (what grading uses when no earlier answer exists),
/// never the answer of the step being asked.
extension PracticeState {
    /// One line per earlier step the active step's answer is computed from (`Variant.givenLines`).
    public var givenLines: [String] { variant.givenLines(for: step.id) }

    /// The active step's prompt for a standalone item: "your answer to (a)" becomes "the given
    /// answer to (a)" (the value is in `givenLines`).
    public var standalonePrompt: String {
        guard !givenLines.isEmpty else { return step.prompt }
        return step.prompt.replacing("your answer to", with: "the given answer to")
    }
}
