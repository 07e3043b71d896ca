import MathEngine

/// Small accessors the leak checks and choice order share.
extension Value {
    /// The text of a `.text` value (a choice answer, an expression), nil otherwise.
    var textValue: String? {
        if case .text(let t) = self { return t }
        return nil
    }
}

extension Mistake {
    /// The mistake's 1-based place in its step's `mistakes:` list (ids are `step#N`); it stays
    /// the same when mistakes equal to the answer are left out of a variant. 0 when unknown.
    package var fileNumber: Int { Int(id?.split(separator: "#").last ?? "") ?? 0 }
}
