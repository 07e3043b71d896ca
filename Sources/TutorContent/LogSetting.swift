import MathEngine

/// The `log:` content setting: what a one-argument `log` means in a student's answers.
///
/// AML 5202 writes `log` for log base 10 (its Q1 key reaches 0.44 only that way), so an exam or a
/// question can say `log: 10`; a question's own setting wins over the exam's, and without either
/// `log` is the natural log, as before. Only what students type follows it (answer field,
/// calculator line, `dltutor check`); content formulas keep `log` natural and name bases
/// explicitly (`log10`, `ln`), so a setting can never change a key.
extension YAMLFields {
    /// `log: 10`, `log: 2`, `log: e` (or `natural`); nil when absent.
    package func logBase() throws(ContentError) -> LogBase? {
        guard let text = try optionalString("log") else { return nil }
        guard let base = LogBase(text) else {
            throw error("\(what): 'log' must be a base such as 10 or 2, or e for the natural log; not '\(text)'.", at: "log")
        }
        return base
    }
}
