import MathEngine

/// Evaluates a generic picture's formulas and labels in one variant, with every step's key
/// answer in scope (a picture shows them only once their steps are known; the drawing decides).
///
/// A formula that fails here (an index past a vector's end in some draw) gives nil and the
/// picture draws `?` in its place: a picture never stops the screen.
public struct PictureScope: Sendable {
    private let env: Environment
    private let file: String

    public init(variant: Variant) {
        env = Environment(variables: variant.formulaScope, dialect: .content)
        file = variant.question.file
    }

    /// The formula's value, with `x` bound when given (a plot's function).
    public func value(_ formula: Formula?, x: Double? = nil) -> Value? {
        guard let formula else { return nil }
        var scope = env
        if let x { scope.overlay["x"] = .number(x) }
        return try? Evaluator.evaluate(formula.expr, in: scope)
    }

    /// The formula's value as a number, nil unless it is one.
    public func number(_ formula: Formula?, x: Double? = nil) -> Double? { value(formula, x: x)?.number }

    /// The template rendered here; nil when a placeholder fails.
    public func text(_ template: Template?) -> String? {
        guard let template else { return nil }
        return try? template.render(env, file: file, what: "picture")
    }

    /// The formula's value as texts: a list's items, a vector's entries, or the one value.
    public func texts(_ formula: Formula?) -> [String]? {
        switch value(formula) {
        case .list(let items)?: items.map { $0.textValue ?? ValueText.format($0) }
        case .vector(let v)?: v.map { ValueText.format(.number($0)) }
        case let v?: [v.textValue ?? ValueText.format(v)]
        case nil: nil
        }
    }

    /// The formula's value as numbers: a vector's entries, or one number.
    public func numbers(_ formula: Formula?) -> [Double]? {
        switch value(formula) {
        case .vector(let v)?: v
        case .number(let x)?: [x]
        default: nil
        }
    }
}
