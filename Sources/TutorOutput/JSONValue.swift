import Foundation

/// A JSON tree for the machine-readable outputs (`key --format json`, `check --json`,
/// `class results --format json`, the export's strings), so each command builds plain data and
/// one encoder writes it.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    /// A whole number kept exact (a seed may exceed 2^53, where a Double would round it).
    case integer(UInt64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text == b.text }

    /// Compact JSON on one line, keys in the order given (JSONEncoder would reorder them).
    public var text: String {
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

    /// A JSON string; hidden controls (bidi ones too) are written as `\u` escapes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isHiddenControl(u): // raw controls never reach a terminal
                out += "\\u" + hex4(u.value).lowercased()
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
