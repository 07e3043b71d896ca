/// The result of loading an exam directory: what loaded, and every problem found on the way.
public struct LoadResult: Sendable {
    /// The exam with every question that loaded without errors (possibly none).
    public let exam: Exam
    /// Errors and warnings, each `file:line: message`, in file order.
    public let diagnostics: [Diagnostic]

    package init(exam: Exam, diagnostics: [Diagnostic]) {
        self.exam = exam
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter(\.isWarning) }
}
