import MathEngine

extension QuestionParser {
    /// "unknown name 'n_inn'.", or for a name written as a call, "unknown function 'mod'; write
    /// x - q*floor(x/q) …": an author who reaches for a function another language has learns the
    /// way to write it here. Content formulas may multiply a name by a bracket (`n(n+1)`), so a
    /// call is only recognised by the name being unknown.
    static func unknownNameMessage(_ name: String, in source: String) -> String {
        guard source.contains(name + "(") else { return "unknown name '\(name)'." }
        let advice = FunctionNames.advice(for: name, in: .content).map { "; \($0)" } ?? ""
        return "unknown function '\(name)'\(advice) (the functions are listed in docs/content-format.md)."
    }
}
