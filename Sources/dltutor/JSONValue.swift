import Foundation
import MathEngine

/// A JSON tree for the machine-readable outputs (`key --format json`, `check --json`), so each
/// command builds plain data and one encoder writes it.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    /// A whole number kept exact (a seed may exceed 2^53, where a Double would round it).
    case integer(UInt64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.text == b.text }

    /// Compact JSON on one line, keys in the order given (JSONEncoder would reorder them).
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let n): return String(n)
        case .number(let x):
            if !x.isFinite { return "null" }
            if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
            return JSONValue.shortest(x)
        case .string(let s): return JSONValue.quote(s)
        case .array(let a): return "[" + a.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.map { JSONValue.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    /// The shortest decimal that reads back as `x` once rounded to 15 significant digits, so
    /// arithmetic noise is not printed (`1 - 0.96` gives 0.04, not 0.040000000000000036).
    static func shortest(_ x: Double) -> String {
        let rounded = Double(String(format: "%.15g", x)) ?? x
        return "\(rounded)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isHiddenControl(u): // raw controls never reach a terminal
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The engine's value as JSON: numbers, nested lists of numbers, or text.
    init(_ value: Value) {
        switch value {
        case .number(let x): self = .number(x)
        case .vector(let v): self = .array(v.map { .number($0) })
        case .matrix(let m): self = .array(m.map { .array($0.map { .number($0) }) })
        case .shape(let s): self = .array(s.map { .number(Double($0)) })
        case .set(let s): self = .array(s.map { .number($0) })
        case .text(let t): self = .string(t)
        case .list(let l): self = .array(l.map { JSONValue($0) })
        }
    }
}
