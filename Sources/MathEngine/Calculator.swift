/// The student's calculator: any student-dialect expression (numbers, vectors, matrices), as the
/// tutor's calculator line and `dltutor eval` both use it. `log` is what a one-argument `log`
/// means for the question on screen (`dltutor eval --log-base`).
public enum Calculator {
    /// The value of `text`, or why it has none.
    /// `ans` is the previous result, so a calculation can go on from it.
    public static func evaluate(_ text: String, log: LogBase = .natural, ans: Value? = nil) throws(EngineError) -> Value {
        let expr = try Parser.parse(text, dialect: .student)
        return try Evaluator.evaluate(expr, in: environment(log: log, ans: ans))
    }

    static func environment(log: LogBase, ans: Value?) -> Environment {
        var env = Environment(dialect: .student, log: log)
        if let ans { env.variables["ans"] = ans }
        return env
    }

    /// What the calculator line shows while typing: `= value` (noting which log a bare `log` is),
    /// incomplete, or the failing column.
    public static func live(_ text: String, log: LogBase = .natural, ans: Value? = nil) -> LiveState {
        if text.allSatisfy(\.isWhitespace) { return .empty }
        do {
            let expr = try Parser.parse(text, dialect: .student)
            if ans == nil, expr.variables.contains("ans") {
                return .invalid(column: 1, reason: "'ans' is the last result: press Enter on a calculation first.")
            }
            let value = try Evaluator.evaluate(expr, in: environment(log: log, ans: ans))
            return .valid(value, preview: "= " + value.display + (expr.usesBareLog ? log.previewNote : ""))
        } catch {
            return error.isIncomplete ? .incomplete(error.message) : .invalid(column: error.column, reason: error.message)
        }
    }
}
