/// A problem found while loading or linting content, reported as `file:line: message`.
///
/// Content authors fix files in an editor, so every message names the file and line the way
/// compilers do; warnings carry a `warning:` prefix so an editor's error list can tell them apart.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// A note explains, and never counts as a problem of its own: "not checked: it depends on
    /// 'n_in', which has an error" beside the error that is the root cause.
    public enum Severity: String, Sendable, Hashable { case error, warning, note }

    /// The file path as the loader was given it (e.g. `content/aml5202-sessional1/q3.yaml`).
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file (e.g. it could not be read).
    public var line: Int
    /// One sentence.
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var isError: Bool { severity == .error }

    public var isWarning: Bool { severity == .warning }

    /// `file:line: message`, `file:line: warning: message` or `file:line: note: message`.
    public var description: String {
        severity == .error ? "\(file):\(line): \(message)" : "\(file):\(line): \(severity.rawValue): \(message)"
    }
}

/// A content error that stops one item (a field, a step, a variant) but not the whole exam.
///
/// Thrown inside the loader and the variant builder; converted to a `Diagnostic` at the file
/// boundary so a single bad formula never hides the other files' problems.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var diagnostic: Diagnostic { Diagnostic(file: file, line: line, message: message) }
    public var description: String { diagnostic.description }
}
