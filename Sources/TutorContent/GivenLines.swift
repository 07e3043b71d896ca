import MathEngine

/// Review and drill open a fresh variant at one step, without the steps before it, so the key's
/// values of the step's dependencies are given as data. A given never determines the step's own
/// answer: one equal to it, or stating any telling entry of it (the diagonal of a diagonal
/// matrix), is left out, and such a step is answerable from the question text alone.
extension Variant {
    /// "Given (from part a): total parameters = 619", one per earlier step `stepID` builds on.
    public func givenLines(for stepID: String) -> [String] {
        guard let step = step(stepID) else { return [] }
        return step.dependencies.compactMap { id -> String? in
            guard let earlier = self.step(id), earlier.kind != .text else { return nil }
            if earlier.expected.display == step.expected.display { return nil }
            let line = "Given (from part \(earlier.part)): \(earlier.label) = \(earlier.expected.display)"
            return AnswerLeak().states(step, in: line) ? nil : line
        }
    }
}
