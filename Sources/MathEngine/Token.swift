/// One lexical token of a formula, with where it starts in the typed text.
///
/// `spaceBefore` lets bracket literals tell `[1 -1]` (two entries) from `[1 - 1]` (one), and
/// `[2pi 3]` (implicit product, then a new entry) apart, without a second pass over the text.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case name(String)
        case text(String)
        case plus, minus, star, slash, caret, percent, square, cube
        /// `@`: the matrix product (W @ x), as in NumPy.
        case matmul
        case lparen, rparen, lbracket, rbracket, lbrace, rbrace, comma, semicolon
        case less, lessEqual, greater, greaterEqual, equal, notEqual
        case end
    }

    var kind: Kind
    /// 1-based column of the first character.
    var column: Int
    /// 1-based column one past the last character.
    var endColumn: Int
    /// Whether whitespace separates this token from the previous one.
    var spaceBefore: Bool

    /// How the token looks in a message such as "Unexpected ')'.".
    var display: String {
        switch kind {
        case .number(let x): Formatting.number(x)
        case .name(let n): n
        case .text(let s): "\"\(s)\""
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .matmul: "@"
        case .caret: "^"
        case .percent: "%"
        case .square: "²"
        case .cube: "³"
        case .lparen: "("
        case .rparen: ")"
        case .lbracket: "["
        case .rbracket: "]"
        case .lbrace: "{"
        case .rbrace: "}"
        case .comma: ","
        case .semicolon: ";"
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .equal: "=="
        case .notEqual: "!="
        case .end: "end of input"
        }
    }
}
