import ArgumentParser
import ContentLoading
import Foundation
import MathEngine
import TutorContent

/// The options every content command shares, and how the bundled exam is found.
public struct ContentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Exam content directory (default: the bundled AML 5202 Sessional-1 exam).", valueName: "dir"))
    public var content: String?

    public init() {}

    /// Where the content is: --content, then $DLTUTOR_CONTENT, then the bundled exam next to the
    /// executable (installed: `PREFIX/share/dltutor/exams/`; a clone: `content/`) or the working
    /// directory (see `ExamCatalog`).
    public func directory() throws -> String { try ContentOptions.resolve(content) }

    public static func resolve(_ explicit: String?) throws -> String {
        if let explicit {
            // An exam's id or folder name (`dltutor exams` lists them) works as well as a path.
            if !ExamCatalog.isExam(explicit), !explicit.contains("/"), let found = ExamCatalog.find(explicit) { return found }
            return explicit
        }
        if let env = ProcessInfo.processInfo.environment["DLTUTOR_CONTENT"], !env.isEmpty { return env }
        if let found = ExamCatalog.bundledExam() { return found }
        throw ValidationError("cannot find the exam content; pass --content DIR or set DLTUTOR_CONTENT.")
    }

    /// Loads the exam, printing any content errors (`file:line: message`) to standard error; the
    /// questions that loaded are still usable.
    public func load(quietWarnings: Bool = true) throws -> Exam {
        try ContentOptions.load(content: content, quietWarnings: quietWarnings)
    }

    /// Loads the exam as `load` does and also returns how many content errors were printed:
    /// `key` and `list` print what loaded, then exit non-zero when a question is missing.
    public func loadCountingErrors() throws -> (exam: Exam, errors: Int) {
        let dir = try ContentOptions.resolve(content)
        let result = ContentOptions.cache?.load(directory: dir) ?? ExamLoader.load(directory: dir)
        try ContentOptions.report(result, anyQuestion: !result.exam.questions.isEmpty, quietWarnings: true)
        return (result.exam, result.errors.count)
    }

    /// After printing what loaded: content errors (already printed) make the command fail.
    public static func failIfIncomplete(errors: Int) throws {
        guard errors > 0 else { return }
        printError(
            "dltutor: \(errors) content error\(errors == 1 ? "" : "s") (above); the questions with errors are missing from this output."
        )
        throw ExitCode(1)
    }

    /// The same for `--content` given as a plain value (the quick start path).
    public static func load(content: String?, quietWarnings: Bool = true) throws -> Exam {
        let dir = try resolve(content)
        let result = ContentOptions.cache?.load(directory: dir) ?? ExamLoader.load(directory: dir)
        try report(result, anyQuestion: !result.exam.questions.isEmpty, quietWarnings: quietWarnings)
        return result.exam
    }

    /// The one question `name` names (as `Exam.find` reads it), the others not even decoded
    /// from the content cache: `dltutor check` grades one question. Content errors are printed
    /// and the errors thrown are those of `load` and `find`.
    public static func loadQuestion(content: String?, named name: String) throws -> Question {
        let dir = try resolve(content)
        guard let cache = ContentOptions.cache else { return try load(content: content).find(name) }
        let (result, ids) = cache.load(directory: dir) { Exam.index(of: name, among: $0) }
        try report(result, anyQuestion: !ids.isEmpty, quietWarnings: true)
        guard let question = result.exam.questions.first else { throw Exam.unknown(name, ids: ids) }
        return question
    }

    /// Prints the content's errors (and warnings unless `quietWarnings`) to standard error, and
    /// throws when no question loaded at all.
    private static func report(_ result: LoadResult, anyQuestion: Bool, quietWarnings: Bool) throws {
        for d in result.diagnostics where !d.isWarning || !quietWarnings { printError(d.description) }
        if !anyQuestion { throw ValidationError("no question could be loaded from \(result.exam.directory).") }
    }
}

extension Exam {
    /// Finds a question by id (`q3`), case-insensitively, or by number (`3`).
    public func find(_ name: String) throws -> Question {
        let ids = questions.map(\.id)
        guard let index = Exam.index(of: name, among: ids) else { throw Exam.unknown(name, ids: ids) }
        return questions[index]
    }

    /// Where `name` is among the question ids: an id, case-insensitively, else a 1-based number.
    static func index(of name: String, among ids: [String]) -> Int? {
        let lower = name.lowercased()
        if let i = ids.firstIndex(where: { $0.lowercased() == lower }) { return i }
        if let n = Int(lower), ids.indices.contains(n - 1) { return n - 1 }
        return nil
    }

    static func unknown(_ name: String, ids: [String]) -> ValidationError {
        ValidationError("unknown question '\(name)'; the questions are \(ids.joined(separator: ", ")).")
    }
}

extension Variant {
    /// Finds a step by id (`a.total`) or by 1-based number within the question.
    public func findStep(_ name: String) throws -> VariantStep {
        if let s = steps.first(where: { $0.id == name }) { return s }
        if let n = Int(name), steps.indices.contains(n - 1) { return steps[n - 1] }
        let ids = steps.map(\.id).joined(separator: ", ")
        throw ValidationError("question \(id) has no step '\(name)'; its steps are \(ids).")
    }
}

/// Parses a `--seed` value: a non-negative integer.
public func parseSeed(_ text: String) throws -> UInt64 {
    guard let n = UInt64(text) else {
        throw ValidationError("--seed takes a whole number from 0 to \(UInt64.max), not '\(text)'.")
    }
    return n
}
