import MathEngine
import TutorContent

/// What the student has earned the right to read: a text that states the answer of a step not
/// yet done is held back until it is.
extension PracticeState {
    /// A step is done for this purpose once it is right, carried forward or revealed.
    func isEarned(_ stepID: String) -> Bool {
        guard let i = variant.steps.firstIndex(where: { $0.id == stepID }) else { return true }
        let status = records[i].status
        return status == .correct || status == .carriedForward || status == .revealed || records[i].revealed
    }

    /// The labels of the steps whose answers `text` states and that are not done yet, in step
    /// order (empty: the text may be shown). `own` is the step the text belongs to.
    public func unearnedSteps(statedIn text: String, own: String) -> [String] {
        let stated = variant.stepsStated(in: text, except: own)
        return variant.steps.filter { stated.contains($0.id) && !isEarned($0.id) }.map(\.label)
    }
}
