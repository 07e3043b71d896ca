/// Reads what a student typed, in the form the step expects, into a `LiveState`.
///
/// Called on every keystroke, so each kind reads the text once with the lexer/parser (no regexes,
/// no Foundation); a bare number for a number or integer step is read in place instead
/// (`plainNumber`, the same value). Errors at the end of the text become `.incomplete`, so half-typed answers are
/// not shouted at; everything else gets a column and one sentence. `log` is the content's meaning
/// of a one-argument `log` (see `LogBase`).
public enum AnswerReader {
    static let studentEnvironment = Environment(dialect: .student)

    public static func read(_ input: String, as kind: AnswerKind, log: LogBase = .natural) -> LiveState {
        read(input, as: kind, log: log, preview: true)
    }

    /// `preview: false` (grading, which never shows it) leaves the preview text empty instead of
    /// formatting the value; everything else is the same.
    static func read(_ input: String, as kind: AnswerKind, log: LogBase, preview wanted: Bool) -> LiveState {
        if input.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) { return .empty }
        // A string has at least as many UTF-8 bytes as scalars, and counts its bytes in O(1).
        if input.utf8.count > Lexer.maxLength && input.unicodeScalars.count > Lexer.maxLength {
            return .invalid(
                column: Lexer.maxLength + 1, reason: "The answer is too long (at most \(Lexer.maxLength) characters).")
        }
        if let x = plainAnswer(input, as: kind) {
            return .valid(.number(x), preview: wanted ? "= " + Value.number(x).display : "")
        }
        return readingTypedForms(input, as: kind, log: log, preview: wanted)
    }

    /// The full path with the forms of `TypedForms`: thousands separators are refused before
    /// arithmetic can misread them (`263 171`), a leading label (`n = 26`) is read past with a
    /// note in the preview, and a refused text gets what to type instead when a known slip fits.
    static func readingTypedForms(_ input: String, as kind: AnswerKind, log: LogBase, preview wanted: Bool) -> LiveState {
        let numeric = kind == .number || kind == .integer
        if numeric, input.utf8.contains(where: { $0 == 44 || $0 == 32 || $0 == 39 }),
            let whole = TypedForms.thousands(trimmed(input))
        {
            let column = (input.unicodeScalars.firstIndex { $0 == "," || $0 == " " || $0 == "'" }).map {
                input.unicodeScalars.distance(from: input.unicodeScalars.startIndex, to: $0) + 1
            }
            return .invalid(column: column ?? 1, reason: "Write \(whole) without separators.")
        }
        var text = input
        var label: String?
        switch kind {
        case .choice, .textList, .freeText: break
        default:
            if let found = TypedForms.label(in: input) { (text, label) = (found.text, found.label) }
        }
        let state = parsing(text, as: kind, log: log, preview: wanted)
        switch state {
        case .valid(let value, let preview):
            // `0,97, 0,91` reads as four entries, but the tight commas are decimal commas. (A
            // matrix keeps `[1,2; 3,4]`: its entries are often written with tight commas.)
            if kind == .vector, let point = TypedForms.decimalCommaInEntries(text) {
                return .invalid(column: 1, reason: "Use a decimal point: \(point); commas and semicolons separate entries.")
            }
            guard let label, wanted else { return state }
            return .valid(value, preview: preview + " (the value of \(label))")
        case .invalid(let column, let reason):
            // The readers' own specific reasons ("A vector has one dimension.") stand.
            let generic = ["Unknown name", "Unexpected", "Type what comes after", "Missing", "Expected"]
            guard generic.contains(where: { reason.hasPrefix($0) }), let advice = TypedForms.advice(text, kind: kind) else {
                return state
            }
            return .invalid(column: column, reason: advice)
        default:
            return state
        }
    }

    /// The full path: lex, parse and evaluate (every answer that is not a bare number).
    static func parsing(_ input: String, as kind: AnswerKind, log: LogBase, preview wanted: Bool) -> LiveState {
        let env = log == .natural ? studentEnvironment : Environment(dialect: .student, log: log)
        do throws(EngineError) {
            let value: Value
            var preview: String
            switch kind {
            case .number:
                let e = try Parser.parse(input, dialect: .student)
                value = .number(try scalar(e, env))
                preview = wanted ? ("= " + value.display + (e.usesBareLog ? log.previewNote : "")) : ""
            case .integer:
                let e = try Parser.parse(blankWords(input, ["x", "sample", "node"], markers: true), dialect: .student)
                let x = try scalar(e, env)
                guard x == x.rounded() else { throw EngineError(column: 1, message: "Expected a whole number.") }
                value = .number(x)
                preview = wanted ? ("= " + value.display) : ""
            case .vector, .matrix:
                value = try entries(input, matrix: kind == .matrix, env)
                preview = wanted ? ("= " + value.display) : ""
            case .set:
                value = try set(input, env)
                preview = wanted ? ("= " + value.display) : ""
            case .shape, .vectorLength:
                let reading = try ShapeOrCalculation.read(input, length: kind == .vectorLength, env: env)
                value = reading.value
                preview = wanted ? reading.preview : ""
            case .shapeList:
                value = try ShapeReader.readList(input, env: env)
                preview = wanted ? ("= " + ListReader.join(value)) : ""
            case .textList:
                value = try ListReader.texts(input)
                preview = wanted ? ("= " + ListReader.join(value)) : ""
            case .choice(let options):
                let option = try ListReader.choice(input, options)
                value = .text(option)
                preview = wanted ? ("= " + option) : ""
            case .expression(let variables):
                let e = try Parser.parse(input, dialect: .student)
                if let (name, column) = e.firstName(notIn: Set(variables)) { throw EngineError.unknownName(name, column) }
                value = .text(GreekNames.symbols(in: trimmed(input)))
                preview = wanted ? ("= " + ExpressionPrinter.print(e) + (e.usesBareLog ? log.previewNote : "")) : ""
            case .freeText:
                value = .text(trimmed(input))
                preview = ""
            }
            return .valid(value, preview: preview)
        } catch {
            return error.isIncomplete ? .incomplete(error.message) : .invalid(column: error.column, reason: error.message)
        }
    }

    /// Evaluates a student expression that must give a single number.
    static func scalar(_ e: Expr, _ env: Environment) throws(EngineError) -> Double {
        let v = try Evaluator.evaluate(e, in: env)
        guard case .number(let x) = v else {
            throw EngineError(column: e.column, message: "Expected a single number, got \(v.kindName).")
        }
        return x
    }

    /// Vector or matrix, typed with or without outer brackets; a vector also as a tuple
    /// `(a, b, c)` or a column `[a; b; c]`.
    static func entries(_ input: String, matrix: Bool, _ env: Environment) throws(EngineError) -> Value {
        let rows = try Parser.parseEntries(try tupleAsBrackets(input), dialect: .student)
        var v: Value
        if rows.count == 1 && rows[0].count == 1 {
            v = try Evaluator.evaluate(rows[0][0], in: env)
            if case .number(let x) = v { v = .vector([x]) }
        } else {
            v = try Evaluator.array(rows, 1, env)
        }
        if !matrix, case .matrix(let m) = v, m.count > 1, m.allSatisfy({ $0.count == 1 }) {
            return .vector(m.map { $0[0] }) // a column [a; b; c] is the vector's entries
        }
        switch v {
        case .vector: return v
        case .matrix where matrix: return v
        default: throw EngineError(column: 1, message: "Expected \(matrix ? "a matrix" : "a vector"), got \(v.kindName).")
        }
    }

    /// `{1, 3}`, `1, 3`, `1 3`, `nodes 1 and 3`.
    static func set(_ input: String, _ env: Environment) throws(EngineError) -> Value {
        var s = Array(blankWords(input, ["node", "nodes", "and", "sample", "samples", "x"], markers: false).unicodeScalars)
        guard let first = s.firstIndex(where: { $0 != " " }) else {
            throw EngineError(column: s.count + 1, message: "Type the members of the set.", isIncomplete: true)
        }
        if s[first] == "{" {
            guard let last = s.lastIndex(where: { $0 != " " }), last > first, s[last] == "}" else {
                throw EngineError(column: s.count + 1, message: "Close the '{' from column \(first + 1).", isIncomplete: true)
            }
            s[first] = " "
            s[last] = " "
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: s)
        if trimmed(text).isEmpty { return .set([]) }
        let rows = try Parser.parseEntries(text, dialect: .student)
        var xs: [Double] = []
        for row in rows {
            for e in row { xs += try Builtins.numbers(try Evaluator.evaluate(e, in: env), e.column) }
        }
        return Value.makeSet(xs)
    }

    /// `(a, b, c)` (a `,` or `;` inside one outer pair of parentheses) becomes `[a, b, c]`, column
    /// for column; a `(` still open at the end with such a separator inside is incomplete.
    static func tupleAsBrackets(_ input: String) throws(EngineError) -> String {
        var s = Array(input.unicodeScalars)
        guard let first = s.firstIndex(where: { $0 != " " }), s[first] == "(" else { return input }
        var depth = 0, close: Int?, separated = false
        for i in first..<s.count {
            switch s[i] {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case ",", ";": if depth == 1 { separated = true }
            default: break
            }
            if depth == 0 {
                close = i
                break
            }
        }
        guard separated else { return input }
        guard let close else {
            throw EngineError(column: s.count + 1, message: "Close the '(' from column \(first + 1).", isIncomplete: true)
        }
        guard s[(close + 1)...].allSatisfy({ $0 == " " }) else { return input }
        s[first] = "["
        s[close] = "]"
        var out = ""
        out.unicodeScalars.append(contentsOf: s)
        return out
    }

    /// Replaces whole words from `words` (any case) with spaces, keeping every column in place.
    /// With `markers`, a `^` or `_` right after such a word goes too (`x^(4)`, `x_4`).
    static func blankWords(_ input: String, _ words: [String], markers: Bool) -> String {
        var s = Array(input.unicodeScalars)
        var i = 0
        var changed = false
        while i < s.count {
            guard isLetter(s[i].value) else {
                i += 1
                continue
            }
            let start = i
            while i < s.count, isLetter(s[i].value) { i += 1 }
            var word = ""
            word.unicodeScalars.append(contentsOf: s[start..<i])
            let followedByDigitOrSpace =
                i == s.count || !Lexer.isNameChar(s[i].value) || Lexer.isDigit(s[i].value)
                || (markers && s[i] == "_")
            if followedByDigitOrSpace, words.contains(word.lowercased()) {
                for k in start..<i { s[k] = " " }
                if markers, i < s.count, s[i] == "^" || s[i] == "_" {
                    s[i] = " "
                    i += 1
                }
                changed = true
            }
            while i < s.count, Lexer.isNameChar(s[i].value) { i += 1 }
        }
        guard changed else { return input }
        var out = ""
        out.unicodeScalars.append(contentsOf: s)
        return out
    }

    @inline(__always) static func isLetter(_ v: UInt32) -> Bool { (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}
