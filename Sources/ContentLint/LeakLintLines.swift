import Foundation
import MathEngine
import TutorContent

/// Where a text lint reads is written in its file, so a leak is reported at the hint, option,
/// prompt, mistake or `picture:` line that says it, not at the step's `id:` line.
enum LeakLintLines {
    /// The template's own line, or `fallback` when it has none (a field that failed to parse).
    static func of(_ t: Template, else fallback: Int) -> Int { t.line > 0 ? t.line : fallback }

    static func prompt(_ spec: Step) -> Int { of(spec.prompt, else: spec.line) }

    /// Hint `index` (0-based, as the variant lists them).
    static func hint(_ spec: Step, _ index: Int) -> Int {
        spec.hints.indices.contains(index) ? of(spec.hints[index], else: spec.line) : spec.line
    }

    /// Mistake `number` (1-based, the file's numbering a variant's mistake ids keep).
    static func mistake(_ spec: Step, number: Int) -> Int {
        spec.mistakes.indices.contains(number - 1) ? spec.mistakes[number - 1].value.line : spec.line
    }

    /// How an author finds the option the variant shows as `shown`: "option 2" (its number in
    /// the file, as students see it under a different letter in each variant) and its line.
    /// Options are shuffled and equal ones shown once, so the file's option is found by
    /// rendering each in the variant; an options formula is one line. Only called
    /// for a leak, so the rendering costs nothing otherwise.
    static func option(_ spec: Step, shown: String, in v: Variant) -> (place: String, line: Int) {
        switch spec.options {
        case .templates(let items):
            let env = Environment(variables: v.formulaScope)
            let index = items.firstIndex { (try? $0.render(env, file: v.question.file, what: "option")) == shown }
            guard let index else { return ("option", spec.line) }
            return ("option \(index + 1)", of(items[index], else: spec.line))
        case .formula(let f): return ("option from the options formula", f.line)
        case .none: return ("option", spec.line)
        }
    }

    /// The line of the question's `picture:` field, read from its file (the question's first line
    /// when the file cannot be read or has no such line).
    static func picture(_ q: Question) -> Int {
        guard let text = try? String(contentsOfFile: q.file, encoding: .utf8) else { return q.line }
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix("picture:") {
            return i + 1
        }
        return q.line
    }
}
