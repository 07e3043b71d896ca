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

    /// For a free-text step's model answer: the steps it states (as above) and the earlier steps
    /// of its own part, whose answers a sentence justifying them states in words ("the loss
    /// increased even though the accuracy increased", "saturated nodes"), which no number scan
    /// can see.
    public func unearnedSteps(forModelOf own: String) -> [String] {
        guard let i = variant.steps.firstIndex(where: { $0.id == own }), let model = variant.steps[i].model else { return [] }
        let stated = Set(variant.stepsStated(in: model, except: own))
        let part = variant.steps[i].part
        return variant.steps.enumerated().filter { j, s in
            s.id != own && s.kind != .text && !isEarned(s.id) && (stated.contains(s.id) || (j < i && s.part == part))
        }.map(\.element.label)
    }
}
