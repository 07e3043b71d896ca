/// An error in a formula or an answer, pointing at the character that caused it.
///
/// The column is 1-based and counts Unicode scalars of the text as typed, so the terminal can put a
/// caret under it. `isIncomplete` marks errors at the end of the text that more typing could fix
/// (an open bracket, a trailing operator), which the live state shows gently instead of as an error.
public struct EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based column of the offending character (one past the end for "unexpected end").
    public var column: Int
    /// One sentence, ending with a period.
    public var message: String
    /// True when the text could still become valid by typing more.
    public var isIncomplete: Bool

    public init(column: Int, message: String, isIncomplete: Bool = false) {
        self.column = column
        self.message = message
        self.isIncomplete = isIncomplete
    }

    public var description: String { "column \(column): \(message)" }

    static func tooLarge(_ column: Int) -> EngineError { EngineError(column: column, message: "The result is too large.") }
    static func divisionByZero(_ column: Int) -> EngineError { EngineError(column: column, message: "Division by zero.") }
    static func unknownName(_ name: String, _ column: Int) -> EngineError {
        EngineError(column: column, message: "Unknown name '\(name)'.")
    }
}

/// Which names and syntax a formula may use.
///
/// Students get the small `.student` language, so content helpers such as `dense_params` cannot
/// be typed into a quiz; content formulas get `.content`; only parameter variants get `.random`.
public enum Dialect: Int, Sendable, Comparable {
    case student = 0
    case content = 1
    case random = 2

    public static func < (a: Dialect, b: Dialect) -> Bool { a.rawValue < b.rawValue }
}
