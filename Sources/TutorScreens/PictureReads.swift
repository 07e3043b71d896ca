/// What one drawing of a picture read of the practice state: the steps whose status it looked at,
/// and what it asked about the current step (which step it is, or whether it is one of a set).
///
/// A drawing is a function of the variant and of these alone, so it stays the same until one of
/// them changes: lint draws each picture after every step of 2,505 variants and draws it again
/// only when the step just answered is one the last drawing read, or the new current step
/// answers one of its questions differently.
package final class PictureReads {
    package private(set) var steps: Set<String> = []
    /// Each question about the current step: whether it is among `ids`, and the answer.
    private var currentTests: [(ids: Set<String>, answer: Bool)] = []

    package init() {}

    func read(step id: String) { steps.insert(id) }

    func readCurrent(among ids: Set<String>, answer: Bool) { currentTests.append((ids, answer)) }

    /// Whether answering step `answered` and moving on to step `current` can change the drawing.
    package func changes(answering answered: String, current: String) -> Bool {
        steps.contains(answered) || currentTests.contains { $0.ids.contains(current) != $0.answer }
    }
}
