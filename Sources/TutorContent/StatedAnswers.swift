import MathEngine

/// Which steps' answers a longer text states: a free-text step's model answer or a worked step
/// (its solution line) may state values of other steps, so the tutor holds such a text back
/// until those steps are done (right, carried forward or revealed).
extension Variant {
    /// The ids of the checked steps other than `own` whose answer `text` states, read as lint
    /// reads prompts (numbers the question prints are data; small whole numbers, which almost
    /// every sentence has, count only for formulas, lists and shapes).
    public func stepsStated(in text: String, except own: String?) -> [String] {
        let others = steps.filter { $0.kind != .text && $0.id != own }
        return AnswerLeak(questionText: self.text).answersStated(in: text, among: others, ownStep: nil)
    }
}
