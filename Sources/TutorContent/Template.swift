import Foundation
import MathEngine

/// Text with `{formula}` and `{formula:2}` placeholders, parsed once at load time.
///
/// `{formula}` renders the value in its natural form (integers without decimals, others with up
/// to 4), `{formula:2}` with exactly 2 decimals. `{{` and `}}` are literal braces, needed for
/// subscripts such as `w_{{:,{j}}}` → `w_{:,2}`. `{@i=1..n}` repeats the rest of its line for
/// i = 1…n (an extension for per-sample lines whose count varies with the variant).
public struct Template: Sendable, CustomStringConvertible {
    public enum Segment: Sendable {
        case literal(String)
        case formula(Formula, decimals: Int?)
        /// `{@name=from..to}` and the rest of its line, repeated with `name` bound to each integer.
        indirect case repeating(name: String, from: Formula, to: Formula, body: [Segment])
    }

    public let source: String
    public let segments: [Segment]
    /// The file line the text starts on (0 when unknown): lint reports a leaking hint or option
    /// at its own line.
    public var line: Int = 0

    public var description: String { source }

    /// Names the placeholders use, for dependency and unknown-name checks.
    public var names: Set<String> { Template.names(segments) }

    static func names(_ segments: [Segment]) -> Set<String> {
        var out = Set<String>()
        for segment in segments {
            switch segment {
            case .literal: break
            case .formula(let f, _): out.formUnion(f.names)
            case .repeating(let name, let from, let to, let body):
                out.formUnion(from.names.union(to.names).union(names(body).subtracting([name])))
            }
        }
        return out
    }

    /// Every formula, including those inside repeated lines (loop variables are added to `known`
    /// by the caller through `loopNames`).
    public var formulas: [Formula] { Template.formulas(segments) }

    static func formulas(_ segments: [Segment]) -> [Formula] {
        segments.flatMap { segment -> [Formula] in
            switch segment {
            case .literal: []
            case .formula(let f, _): [f]
            case .repeating(_, let from, let to, let body): [from, to] + formulas(body)
            }
        }
    }

    /// Names bound by `{@name=..}` lines.
    public var loopNames: Set<String> {
        var out = Set<String>()
        for case .repeating(let name, _, _, _) in segments { out.insert(name) }
        return out
    }

    /// Parses `source`; `line` is the line of its first character (placeholders on later lines of
    /// a block scalar get their own line numbers).
    static func parse(_ source: String, file: String, line: Int, what: String) throws(ContentError) -> Template {
        var segments: [Segment] = []
        var literal = ""
        var currentLine = line
        let chars = Array(source)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" {
                literal.append("{")
                i += 2
                continue
            }
            if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" {
                literal.append("}")
                i += 2
                continue
            }
            if c == "}" {
                throw ContentError(
                    file: file, line: currentLine, message: "\(what): unmatched '}' (write '}}' for a literal brace).")
            }
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "@" {
                guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                    throw ContentError(file: file, line: currentLine, message: "\(what): unclosed '{@'.")
                }
                let header = String(chars[(i + 2)..<close])
                guard let eq = header.firstIndex(of: "="), let dots = header.range(of: "..") else {
                    throw ContentError(file: file, line: currentLine, message: "\(what): write a repeated line as {@i=1..n}.")
                }
                let name = String(header[..<eq]).trimmingCharacters(in: .whitespaces)
                let from = try Formula.parse(
                    String(header[header.index(after: eq)..<dots.lowerBound]), dialect: .content,
                    file: file, line: currentLine, what: "\(what): repeat start")
                let to = try Formula.parse(
                    String(header[dots.upperBound...]), dialect: .content,
                    file: file, line: currentLine, what: "\(what): repeat end")
                var end = close + 1
                while end < chars.count && chars[end] != "\n" { end += 1 }
                if end < chars.count { end += 1 }
                let body = try Template.parse(String(chars[(close + 1)..<end]), file: file, line: currentLine, what: what)
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                segments.append(.repeating(name: name, from: from, to: to, body: body.segments))
                currentLine += 1
                i = end
                continue
            }
            if c == "{" {
                guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                    throw ContentError(
                        file: file, line: currentLine, message: "\(what): unclosed '{' (write '{{' for a literal brace).")
                }
                var inner = String(chars[(i + 1)..<close])
                var decimals: Int?
                if let colon = inner.lastIndex(of: ":"), let d = Int(inner[inner.index(after: colon)...]) {
                    guard (0...ValueText.maxDecimals).contains(d) else {
                        throw ContentError(
                            file: file, line: currentLine,
                            message: "\(what): placeholder {\(inner)}: decimals must be 0 to \(ValueText.maxDecimals).")
                    }
                    decimals = d
                    inner = String(inner[..<colon])
                }
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                let f = try Formula.parse(
                    inner, dialect: .content, file: file, line: currentLine, what: "\(what): placeholder {\(inner)}")
                segments.append(.formula(f, decimals: decimals))
                currentLine += chars[i..<close].filter { $0 == "\n" }.count
                i = close + 1
                continue
            }
            if c == "\n" { currentLine += 1 }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return Template(source: source, segments: segments, line: line)
    }

    /// Renders with the given values; a failing placeholder throws with its line.
    package func render(_ env: Environment, file: String, what: String) throws(ContentError) -> String {
        var budget = RenderBudget()
        return try Template.render(segments, env, file: file, what: what, budget: &budget)
    }

    /// What one rendering of one template may cost, nested repeats together: a repeat's bound is
    /// checked on its own, but `{@i=1..999}{@j=1..999}` multiplies. Passing either limit is a
    /// content error with the template's line, which `lint` reports like any other.
    struct RenderBudget {
        static let maxRepeats = 10_000
        static let maxBytes = 200_000
        var repeats = 0
    }

    static func render(
        _ segments: [Segment], _ env: Environment, file: String, what: String,
        budget: inout RenderBudget
    ) throws(ContentError) -> String {
        var out = ""
        var line = formulas(segments).first?.line ?? 1 // of the last placeholder rendered
        for segment in segments {
            switch segment {
            case .literal(let s): out += s
            case .formula(let f, let decimals):
                line = f.line
                do {
                    let v = try Evaluator.evaluate(f.expr, in: env)
                    let text = ValueText.format(v, decimals: decimals)
                    Template.fixArticle(&out, before: text)
                    out += text
                } catch {
                    throw ContentError(file: file, line: f.line, message: "\(what): placeholder {\(f.source)}: \(error.message)")
                }
            case .repeating(let name, let from, let to, let body):
                line = from.line
                let lo: Int, hi: Int
                do {
                    lo = try Template.integer(Evaluator.evaluate(from.expr, in: env), from)
                    hi = try Template.integer(Evaluator.evaluate(to.expr, in: env), to)
                } catch {
                    throw ContentError(
                        file: file, line: from.line,
                        message: "\(what): repeat {@\(name)=\(from.source)..\(to.source)}: \(error.message)")
                }
                if lo > hi { continue }
                var inner = env
                for k in lo...hi {
                    budget.repeats += 1
                    guard budget.repeats <= RenderBudget.maxRepeats else {
                        throw ContentError(
                            file: file, line: from.line,
                            message: "\(what): repeats {@\(name)=...} run more than \(RenderBudget.maxRepeats) lines in all.")
                    }
                    inner.overlay[name] = .number(Double(k)) // shadows, as a carried-forward overlay does
                    out += try render(body, inner, file: file, what: what, budget: &budget)
                }
            }
            guard out.utf8.count <= RenderBudget.maxBytes else {
                throw ContentError(
                    file: file, line: line, message: "\(what): renders more than \(RenderBudget.maxBytes) bytes of text.")
            }
        }
        return out
    }
}

extension Template {
    /// "a {L}-layer" renders "an 8-layer": an article written just before a placeholder that
    /// renders a number is made to agree with how the number is read.
    static func fixArticle(_ out: inout String, before text: String) {
        // Most placeholders follow no article: a byte test settles those before any Unicode-aware
        // string comparison (this runs for every placeholder of every variant built).
        let tail = out.utf8.suffix(2)
        guard tail.last == UInt8(ascii: " "), let letter = tail.first,
            letter | 0x20 == UInt8(ascii: "a") || letter == UInt8(ascii: "n")
        else { return }
        guard let wanted = English.article(beforeNumber: text) else { return }
        for written in ["a ", "an ", "A ", "An "] where out.hasSuffix(written) {
            let start = out.index(out.endIndex, offsetBy: -written.count)
            if start != out.startIndex, let p = out[..<start].last, p.isLetter || p.isNumber { continue }
            let capital = written.first == "A"
            out.replaceSubrange(start..., with: (capital ? wanted.prefix(1).uppercased() + wanted.dropFirst() : wanted) + " ")
            return
        }
    }

    static func integer(_ v: Value, _ f: Formula) throws(EngineError) -> Int {
        guard case .number(let x) = v, x == x.rounded(), abs(x) < 1e6 else {
            throw EngineError(column: 1, message: "A repeat bound must be a whole number.")
        }
        return Int(x)
    }
}

/// How values appear in rendered text (prompts, solutions, options).
public enum ValueText {
    /// The most decimals a `{formula:N}` placeholder may ask for: beyond 15 a double has no digits.
    public static let maxDecimals = 15

    /// Integers without decimals; others with `decimals` fixed places, or up to 4 trimmed.
    public static func number(_ x: Double, decimals: Int? = nil) -> String {
        if let d = decimals { return fixed(x, d) }
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if abs(x - x.rounded()) < 1e-9 && abs(x) < 1e15 {
            let i = Int(x.rounded())
            return i < 0 ? "−\(-i)" : "\(i)"
        }
        if abs(x) < 1e-4 || abs(x) >= 1e15 { return scientific(x) }
        var s = fixed(x, 4)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let d = min(max(decimals, 0), maxDecimals)
        let scale = pow10(d)
        // Beyond 2^53 a double has no fractional digits to show, and the whole part would not
        // fit an Int: such values (and ∞, NaN) are written without fixed decimals.
        guard x.isFinite, abs(x) * scale < 9e15 else { return number(x) }
        var r = (abs(x) * scale).rounded() / scale
        if r == 0 { r = 0 }
        let negative = x < 0 && r != 0
        let whole = Int(r)
        var frac = Int(((r - Double(whole)) * scale).rounded())
        var w = whole
        if Double(frac) >= scale {
            w += 1
            frac = 0
        }
        var s = "\(w)"
        if d > 0 {
            var f = "\(frac)"
            while f.count < d { f = "0" + f }
            s += "." + f
        }
        return negative ? "−" + s : s
    }

    static func scientific(_ x: Double) -> String {
        guard x.isFinite else { return number(x) }
        var e = 0
        var m = abs(x)
        while m < 1 && m != 0 {
            m *= 10
            e -= 1
        }
        while m >= 10 {
            m /= 10
            e += 1
        }
        let sign = x < 0 ? "−" : ""
        return "\(sign)\(fixed(m, 2))×10^\(e)"
    }

    static func pow10(_ d: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, d) { p *= 10 }
        return p
    }

    /// A value as a student would write it: `[0.97, 0.91]`, `4×8`, `{1, 3}`, `scalar`.
    public static func format(_ v: Value, decimals: Int? = nil) -> String {
        switch v {
        case .number(let x): return number(x, decimals: decimals)
        case .vector(let xs): return "[" + xs.map { number($0, decimals: decimals) }.joined(separator: ", ") + "]"
        case .matrix(let rows):
            return "[" + rows.map { $0.map { number($0, decimals: decimals) }.joined(separator: ", ") }.joined(separator: "; ")
                + "]"
        case .shape(let dims): return dims.isEmpty ? "scalar" : dims.map(String.init).joined(separator: "×")
        case .set(let xs): return "{" + xs.map { number($0, decimals: decimals) }.joined(separator: ", ") + "}"
        case .text(let s): return s
        case .list(let items): return items.map { format($0, decimals: decimals) }.joined(separator: ", ")
        }
    }
}
