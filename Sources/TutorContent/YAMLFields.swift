import Foundation
import Yams

extension Node {
    /// 1-based line of the node in its file (Yams marks are 1-based), 0 if unknown.
    var line: Int { mark?.line ?? 0 }
}

/// Typed, line-aware access to one YAML mapping (a question file, a step, a parameter).
///
/// Every accessor throws a `ContentError` carrying the file and the line of the offending value
/// (or of the mapping when a required key is missing), which is what makes `file:line: message`
/// diagnostics possible without a second pass over the text.
package struct YAMLFields {
    let file: String
    let line: Int
    /// Keys in file order with their value nodes.
    let entries: [(key: String, value: Node, line: Int)]
    /// What this mapping is, for messages ("step 'a.total'").
    let what: String

    package init(_ node: Node, file: String, what: String) throws(ContentError) {
        guard case .mapping(let mapping) = node else {
            throw ContentError(file: file, line: node.line, message: "\(what) must be a mapping of 'key: value' lines.")
        }
        self.file = file
        self.line = node.line
        self.what = what
        var entries: [(key: String, value: Node, line: Int)] = []
        for (k, v) in mapping {
            entries.append((key: k.string ?? "", value: v, line: k.line))
        }
        self.entries = entries
    }

    func node(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
    func has(_ key: String) -> Bool { node(key) != nil }
    /// Line of the key if present, else of the mapping.
    func line(of key: String) -> Int { entries.first { $0.key == key }?.line ?? line }

    package func error(_ message: String, at key: String? = nil) -> ContentError {
        ContentError(file: file, line: key.map(line(of:)) ?? line, message: message)
    }

    /// A required scalar, as text (numbers and formulas alike are kept as written).
    package func string(_ key: String) throws(ContentError) -> String {
        guard let n = node(key) else { throw error("\(what): missing field '\(key)'.") }
        return try Self.scalar(n, file: file, what: "\(what): field '\(key)'")
    }

    func optionalString(_ key: String) throws(ContentError) -> String? {
        guard let n = node(key) else { return nil }
        if case .scalar(let s) = n, s.style == .plain, ["", "~", "null"].contains(s.string) { return nil }
        return try Self.scalar(n, file: file, what: "\(what): field '\(key)'")
    }

    /// A yes/no field (`true`/`false`), nil when absent.
    func optionalBool(_ key: String) throws(ContentError) -> Bool? {
        guard let text = try optionalString(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(what): field '\(key)' must be true or false, not '\(text)'.", at: key)
        }
    }

    func double(_ key: String) throws(ContentError) -> Double {
        let text = try string(key)
        guard let x = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw ContentError(
                file: file, line: node(key)?.line ?? line, message: "\(what): field '\(key)' must be a number, not '\(text)'.")
        }
        // Range-checked here so no later sum, format or conversion meets ∞ or a 20-digit value.
        guard x.isFinite, abs(x) <= 1e9 else {
            throw ContentError(
                file: file, line: node(key)?.line ?? line,
                message: "\(what): field '\(key)' must be a number from -1e9 to 1e9, not '\(text)'.")
        }
        return x
    }

    /// A sequence field (missing → empty); a scalar is an error naming the field.
    func sequence(_ key: String) throws(ContentError) -> [Node] {
        guard let n = node(key) else { return [] }
        switch n {
        case .sequence(let seq): return Array(seq)
        case .scalar(let s) where s.style == .plain && ["", "~", "null"].contains(s.string): return []
        default:
            throw ContentError(
                file: file, line: n.line, message: "\(what): field '\(key)' must be a list ('- item' lines or [a, b]).")
        }
    }

    package func stringList(_ key: String) throws(ContentError) -> [(text: String, line: Int)] {
        var out: [(text: String, line: Int)] = []
        for n in try sequence(key) {
            out.append((try Self.scalar(n, file: file, what: "\(what): an item of '\(key)'"), n.line))
        }
        return out
    }

    /// Keys not in `allowed`, so a typo such as `mistake:` is reported instead of silently ignored.
    package func unknownKeys(allowed: Set<String>) -> [Diagnostic] {
        entries.filter { !allowed.contains($0.key) }.map {
            Diagnostic(file: file, line: $0.line, message: "\(what): unknown field '\($0.key)'.", severity: .warning)
        }
    }

    static func scalar(_ n: Node, file: String, what: String) throws(ContentError) -> String {
        guard case .scalar(let s) = n else {
            throw ContentError(
                file: file, line: n.line, message: "\(what) must be a single value; quote formulas that contain '[', '{' or ':'.")
        }
        return s.string
    }
}
