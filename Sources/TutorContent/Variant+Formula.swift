import MathEngine

extension Variant {
    /// The names a content formula of this variant can use, with their values: parameters,
    /// derived values, then every step's key answer under its formula name (`a.total` → `a_total`).
    public var formulaScope: [String: Value] {
        var scope = values
        for (step, instance) in zip(question.steps, steps) { scope[step.variableName] = instance.expected }
        return scope
    }

    /// Evaluates `text` as a content formula (content functions allowed, random ones not) in this
    /// variant's scope: what an author's `answer`, `mistakes` or `{placeholder}` would give here.
    /// As in every content formula, a one-argument `log` is natural whatever the question's `log`.
    public func evaluateFormula(_ text: String) throws(EngineError) -> Value {
        let expr = try Parser.parse(text, dialect: .content)
        return try Evaluator.evaluate(expr, in: Environment(variables: formulaScope, dialect: .content))
    }
}
