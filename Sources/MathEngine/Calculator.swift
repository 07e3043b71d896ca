/// The student's calculator: any student-dialect expression (numbers, vectors, matrices), as the
/// tutor's calculator line and `dltutor eval` both use it.
public enum Calculator {
    /// The value of `text`, or why it has none.
    public static func evaluate(_ text: String) throws(EngineError) -> Value {
        let expr = try Parser.parse(text, dialect: .student)
        return try Evaluator.evaluate(expr, in: Environment(dialect: .student))
    }

    /// What the calculator line shows while typing: `= value`, incomplete, or the failing column.
    public static func live(_ text: String) -> LiveState {
        if text.allSatisfy(\.isWhitespace) { return .empty }
        do {
            let value = try evaluate(text)
            return .valid(value, preview: "= " + value.display)
        } catch {
            return error.isIncomplete ? .incomplete(error.message) : .invalid(column: error.column, reason: error.message)
        }
    }
}
