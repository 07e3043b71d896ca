/// Recursive-descent parser from tokens to `Expr`, one precedence level per function.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons, `+ -`, `* /` and implicit
/// multiplication, unary minus, `^` (right-associative, so `-2^2` is `-(2^2)` as on paper),
/// postfix `² ³ %`, then atoms. Errors at the end of the text are marked incomplete, because
/// more typing can fix them; the nesting depth is capped so no input can exhaust the stack.
public struct Parser: Sendable {
    /// Deepest nesting of brackets and prefix operators accepted.
    public static let maxDepth = 64

    private var tokens: [Token]
    private var pos = 0
    private let dialect: Dialect
    private var depth = 0
    /// Inside a bracket literal (or a bare list of entries) whitespace may separate entries.
    private var rowMode = false

    init(tokens: [Token], dialect: Dialect) {
        self.tokens = tokens
        self.dialect = dialect
    }

    /// Parses one complete formula; anything left over is an error.
    public static func parse(_ text: String, dialect: Dialect) throws(EngineError) -> Expr {
        var p = Parser(tokens: try Lexer.tokenize(text), dialect: dialect)
        let e = try p.expression()
        try p.expectEnd()
        return e
    }

    /// Parses entries without outer brackets, as a vector or matrix answer may be typed:
    /// `0.97, 0.91`, `1 0 1`, `1 0; 0 1`. A lone bracket literal comes back as one entry.
    static func parseEntries(_ text: String, dialect: Dialect) throws(EngineError) -> [[Expr]] {
        var p = Parser(tokens: try Lexer.tokenize(text), dialect: dialect)
        return try p.rows(closer: nil, open: nil)
    }

    // MARK: Token helpers

    private var current: Token { tokens[pos] }
    private var previous: Token? { pos > 0 ? tokens[pos - 1] : nil }
    private func peek(_ n: Int = 1) -> Token { tokens[min(pos + n, tokens.count - 1)] }
    private mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    private func unexpected() -> EngineError {
        let t = current
        if t.kind == .end {
            let after = previous.map { "Type what comes after '\($0.display)'." } ?? "Type an answer."
            return EngineError(column: t.column, message: after, isIncomplete: true)
        }
        return EngineError(column: t.column, message: "Unexpected '\(t.display)'.")
    }

    private func expectEnd() throws(EngineError) {
        if current.kind != .end { throw unexpected() }
    }

    private mutating func enter() throws(EngineError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw EngineError(column: current.column, message: "The formula is nested too deeply.")
        }
    }

    private func isKeyword(_ name: String) -> Bool {
        dialect != .student && (name == "and" || name == "or" || name == "not")
    }

    // MARK: Levels

    mutating func expression() throws(EngineError) -> Expr {
        try enter()
        defer { depth -= 1 }
        var left = try andLevel()
        while case .name("or") = current.kind, dialect != .student {
            let c = current.column
            advance()
            left = .binary(.or, left, try andLevel(), column: c)
        }
        return left
    }

    private mutating func andLevel() throws(EngineError) -> Expr {
        var left = try notLevel()
        while case .name("and") = current.kind, dialect != .student {
            let c = current.column
            advance()
            left = .binary(.and, left, try notLevel(), column: c)
        }
        return left
    }

    private mutating func notLevel() throws(EngineError) -> Expr {
        if case .name("not") = current.kind, dialect != .student {
            try enter()
            defer { depth -= 1 }
            let c = current.column
            advance()
            return .unary(.not, try notLevel(), column: c)
        }
        return try comparison()
    }

    private mutating func comparison() throws(EngineError) -> Expr {
        let left = try additive()
        let op: Expr.BinaryOperator
        switch current.kind {
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        default: return left
        }
        if dialect == .student {
            throw EngineError(column: current.column, message: "Comparisons are not available in answers.")
        }
        let c = current.column
        advance()
        return .binary(op, left, try additive(), column: c)
    }

    private mutating func additive() throws(EngineError) -> Expr {
        var left = try term()
        while true {
            let op: Expr.BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            // `[1 -1]` is two entries; `[1 - 1]` and `[1-1]` are one.
            if rowMode && current.spaceBefore && !peek().spaceBefore { return left }
            let c = current.column
            advance()
            left = .binary(op, left, try term(), column: c)
        }
    }

    private mutating func term() throws(EngineError) -> Expr {
        var left = try unary()
        while true {
            switch current.kind {
            case .star, .slash, .matmul:
                let op: Expr.BinaryOperator = current.kind == .star ? .multiply : current.kind == .slash ? .divide : .matmul
                let c = current.column
                advance()
                left = .binary(op, left, try unary(), column: c)
            case .name(let n) where !isKeyword(n):
                if rowMode && current.spaceBefore { return left }
                left = .binary(.multiply, left, try power(), column: current.column)
            case .lparen, .lbrace:
                if rowMode && current.spaceBefore { return left }
                left = .binary(.multiply, left, try power(), column: current.column)
            default:
                return left
            }
        }
    }

    private mutating func unary() throws(EngineError) -> Expr {
        switch current.kind {
        case .minus:
            try enter()
            defer { depth -= 1 }
            let c = current.column
            advance()
            return .unary(.negate, try unary(), column: c)
        case .plus:
            try enter()
            defer { depth -= 1 }
            advance()
            return try unary()
        default:
            return try power()
        }
    }

    private mutating func power() throws(EngineError) -> Expr {
        let base = try postfix()
        guard current.kind == .caret else { return base }
        try enter()
        defer { depth -= 1 }
        let c = current.column
        advance()
        return .binary(.power, base, try unary(), column: c)
    }

    private mutating func postfix() throws(EngineError) -> Expr {
        var e = try primary()
        while true {
            let c = current.column
            switch current.kind {
            case .square:
                advance()
                e = .binary(.power, e, .number(2, column: c), column: c)
            case .cube:
                advance()
                e = .binary(.power, e, .number(3, column: c), column: c)
            case .percent:
                advance()
                if dialect == .student, current.kind == .percent {
                    throw EngineError(column: current.column, message: "Type one '%', e.g. 50%.")
                }
                e = .binary(.divide, e, .number(100, column: c), column: c)
            default: return e
            }
        }
    }

    // MARK: Atoms

    private mutating func primary() throws(EngineError) -> Expr {
        let t = current
        switch t.kind {
        case .number(let x):
            advance()
            return .number(x, column: t.column)
        case .text(let s):
            if dialect == .student {
                throw EngineError(column: t.column, message: "Text in quotes is not available in answers.")
            }
            advance()
            return .text(s, column: t.column)
        case .name(let n):
            if isKeyword(n) { throw unexpected() }
            advance()
            return try nameOrCall(dialect == .student ? GreekNames.symbol(for: n) ?? n : n, t)
        case .lparen, .lbrace:
            try enter()
            defer { depth -= 1 }
            let closer: Token.Kind = t.kind == .lparen ? .rparen : .rbrace
            advance()
            if current.kind == closer { throw EngineError(column: current.column, message: "Empty parentheses.") }
            let saved = rowMode
            rowMode = false
            defer { rowMode = saved }
            let e = try expression()
            if current.kind == .comma {
                throw EngineError(column: current.column, message: "Use square brackets for a vector, e.g. [1, 2].")
            }
            try close(closer, t)
            return e
        case .lbracket:
            try enter()
            defer { depth -= 1 }
            advance()
            let saved = rowMode
            rowMode = true
            defer { rowMode = saved }
            let rows = try rows(closer: .rbracket, open: t)
            return .array(rows, column: t.column)
        default:
            throw unexpected()
        }
    }

    private mutating func close(_ closer: Token.Kind, _ open: Token) throws(EngineError) {
        if current.kind == closer {
            advance()
            return
        }
        if current.kind == .end {
            throw EngineError(
                column: current.column, message: "Close the '\(open.display)' from column \(open.column).", isIncomplete: true)
        }
        throw unexpected()
    }

    /// A name, a constant, or a function call (`ln(x)`, `tanh²(z)`, `tanh^2(z)`, `tanh z`).
    private mutating func nameOrCall(_ n: String, _ t: Token) throws(EngineError) -> Expr {
        guard let info = Functions.info(n) else { return .name(n, column: t.column) }
        if info.dialect > dialect {
            let message =
                dialect == .student
                ? "'\(n)' is not available in answers."
                : "'\(n)' is only available in parameter variants."
            throw EngineError(column: t.column, message: message)
        }
        // f²(x) and f^2(x) mean f(x)^2.
        var exponent: Expr?
        if current.kind == .square || current.kind == .cube, peek().kind == .lparen {
            exponent = .number(current.kind == .square ? 2 : 3, column: current.column)
            advance()
        } else if current.kind == .caret, case .number(let k) = peek().kind, peek(2).kind == .lparen {
            exponent = .number(k, column: peek().column)
            advance()
            advance()
        }
        var call: Expr
        if current.kind == .lparen {
            let open = current
            try enter()
            defer { depth -= 1 }
            advance()
            let saved = rowMode
            rowMode = false
            defer { rowMode = saved }
            var args: [Expr] = []
            if current.kind != .rparen {
                while true {
                    args.append(try expression())
                    if current.kind == .comma {
                        advance()
                        continue
                    }
                    break
                }
            }
            try close(.rparen, open)
            if args.count < info.minArgs || args.count > info.maxArgs {
                throw EngineError(column: t.column, message: Functions.arityMessage(n, info, args.count))
            }
            call = .call(n, args, column: t.column)
        } else if info.maxArgs >= 1, info.minArgs <= 1, exponent == nil, startsOperand(current) {
            call = .call(n, [try power()], column: t.column) // `tanh z`
        } else if current.kind == .end {
            throw EngineError(column: current.column, message: "Type the argument of '\(n)' in parentheses.", isIncomplete: true)
        } else {
            throw EngineError(column: current.column, message: "'\(n)' needs its argument in parentheses.")
        }
        if let exponent { call = .binary(.power, call, exponent, column: t.column) }
        return call
    }

    private func startsOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .number: true
        case .name(let n): !isKeyword(n)
        default: false
        }
    }

    /// Entries separated by commas or whitespace, rows by `;`, up to `closer` (nil: end of text).
    mutating func rows(closer: Token.Kind?, open: Token?) throws(EngineError) -> [[Expr]] {
        let saved = rowMode
        rowMode = true
        defer { rowMode = saved }
        var rows: [[Expr]] = [[]]
        var count = 0
        let end = closer ?? .end
        if current.kind == end {
            if closer != nil { advance() }
            return []
        }
        while true {
            rows[rows.count - 1].append(try expression())
            count += 1
            if count > Functions.maxEntries {
                throw EngineError(column: current.column, message: "Too many entries (at most \(Functions.maxEntries)).")
            }
            switch current.kind {
            case .comma:
                advance()
                if current.kind == end && closer == nil { throw unexpected() }
            case .semicolon:
                advance()
                rows.append([])
            case end:
                if closer != nil { advance() }
                return rows
            case .end:
                if let open {
                    throw EngineError(
                        column: current.column, message: "Close the '\(open.display)' from column \(open.column).",
                        isIncomplete: true)
                }
                throw unexpected()
            default:
                if !current.spaceBefore { throw unexpected() }
            }
        }
    }
}
