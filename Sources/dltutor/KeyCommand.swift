import ArgumentParser
import MathEngine
import TutorCLI
import TutorContent
import TutorOutput

/// `dltutor key`: the answer key with worked solutions, as text, Markdown or JSON.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the answer key with worked solutions.",
        discussion: """
            JSON gives, per question, its id and parameter values, and per step its id, prompt, \
            kind, canonical answer text and value (a number, nested lists of numbers, or text).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var options: ContentOptions
    @Argument(help: "Questions to include, by id (q3) or number (3); default: all.")
    var questions: [String] = []
    @Option(help: "The random variant to print (default: the original exam).")
    var seed: UInt64?
    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func run() throws {
        let (exam, errors) = try options.loadCountingErrors()
        let chosen = try questions.isEmpty ? exam.questions : questions.map { try exam.find($0) }
        let variants = try chosen.map { q in
            do { return try q.variant(seed: seed) } catch { throw ValidationError("\(error)") }
        }
        switch format {
        case .json: print(KeyRenderer.json(exam: exam, variants: variants, seed: seed).text)
        case .markdown: printSafe(KeyRenderer.markdown(exam: exam, variants: variants, seed: seed))
        case .text: printSafe(KeyRenderer.text(exam: exam, variants: variants, seed: seed))
        }
        try ContentOptions.failIfIncomplete(errors: errors)
    }
}

/// Renders variants as an answer key; one function per format so each stays readable.
enum KeyRenderer {
    /// The answer as the student sees it: a choice's letter (in the order shown, which is
    /// shuffled per variant) before its text.
    static func answerText(_ s: VariantStep) -> String {
        if s.kind == .text { return s.model ?? "" }
        return valueText(s.expected, of: s) ?? s.answerDisplay
    }

    /// A choice's option with its letter; another text as it stands; nil for a number or list,
    /// which the step prints at its own precision.
    static func valueText(_ v: Value, of s: VariantStep) -> String? {
        guard case .text(let t) = v else { return nil }
        if s.kind == .choice, let i = s.options.firstIndex(of: t) { return "\(ChoiceOrder.letter(i))) \(t)" }
        return t
    }

    /// An accepted alternative as the key prints it: the option or value, then its note.
    static func alternativeText(_ a: Alternative, of s: VariantStep) -> String {
        let value = valueText(a.value, of: s) ?? (s.askedDecimals.map { a.value.display(decimals: $0) } ?? a.value.display)
        return "\(value) (\(a.note))"
    }

    static func seedLine(_ seed: UInt64?) -> String {
        seed.map { "variant: seed \($0)" } ?? "variant: the original exam"
    }

    static func text(exam: Exam, variants: [Variant], seed: UInt64?) -> String {
        var out = ["\(exam.title): answer key (\(seedLine(seed)))"]
        for v in variants {
            out.append("")
            out.append("\(v.id.uppercased()). \(v.title) [\(points(v.question.points)) points]")
            out.append(v.text.trimmingTrailingNewlines)
            if !v.parameters.isEmpty {
                out.append("parameters: " + v.parameters.map { "\($0.name) = \($0.value.display)" }.joined(separator: ", "))
            }
            for s in v.steps {
                out.append("")
                out.append("  \(s.id) (\(s.kind.rawValue), \(points(s.points)) pt): \(s.prompt)")
                out.append("    answer: \(answerText(s))")
                for a in s.alternatives { out.append("    also accepted: \(alternativeText(a, of: s))") }
                if !s.solution.isEmpty { out.append("    worked: \(s.solution)") }
                for m in s.mistakes {
                    out.append("    mistake: \(m.value.display): \(m.explanation)")
                }
            }
        }
        return out.joined(separator: "\n")
    }

    static func markdown(exam: Exam, variants: [Variant], seed: UInt64?) -> String {
        var out = ["# \(escape(exam.title)): answer key", "", "_\(seedLine(seed))_"]
        for v in variants {
            // The question text goes in a code block: its `*`, `_`, `[x]` and `^` are mathematics.
            out +=
                ["", "## \(v.id.uppercased()). \(escape(v.title)) (\(points(v.question.points)) points)", ""]
                + fenced(v.text.trimmingTrailingNewlines)
            if !v.parameters.isEmpty {
                out += ["", "Parameters: " + v.parameters.map { "`\($0.name)` = \($0.value.display)" }.joined(separator: ", ")]
            }
            out += ["", "| step | prompt | answer | worked solution |", "|---|---|---|---|"]
            for s in v.steps {
                let also = s.alternatives.map { "; also " + alternativeText($0, of: s) }.joined()
                out.append("| `\(s.id)` | \(cell(s.prompt)) | **\(cell(answerText(s)))**\(cell(also)) | \(cell(s.solution)) |")
            }
            let withMistakes = v.steps.filter { !$0.mistakes.isEmpty }
            if !withMistakes.isEmpty {
                out += ["", "Common mistakes:", ""]
                for s in withMistakes {
                    for m in s.mistakes { out.append("- `\(s.id)` → \(cell(m.value.display)): \(escape(m.explanation))") }
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// Table cells: markup characters escaped, one line.
    private static func cell(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "\n", with: " ")
    }

    /// Backslash before every character Markdown could read as markup, so `a*b*c`, `w_{:,2}`
    /// and `[x; 1]` print as written.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_{}[]<>()#+-!|~^".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A fenced code block longer than any run of backticks inside `text`.
    static func fenced(_ text: String) -> [String] {
        var longest = 0, run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + "text", text, fence]
    }

    static func json(exam: Exam, variants: [Variant], seed: UInt64?) -> JSONValue {
        .object([
            ("exam", .string(exam.id)),
            ("title", .string(exam.title)),
            ("seed", seed.map { .integer($0) } ?? .null),
            ("questions", .array(variants.map(questionJSON)))
        ])
    }

    static func questionJSON(_ v: Variant) -> JSONValue {
        .object([
            ("id", .string(v.id)),
            ("title", .string(v.title)),
            ("points", .number(v.question.points)),
            ("parameters", .object(v.parameters.map { ($0.name, JSONValue($0.value)) })),
            ("text", .string(v.text)),
            (
                "steps",
                .array(
                    v.steps.map { s in
                        .object([
                            ("id", .string(s.id)),
                            ("prompt", .string(s.prompt)),
                            ("kind", .string(s.kind.rawValue)),
                            ("points", .number(s.points)),
                            ("answer", .string(answerText(s))),
                            ("value", s.kind == .text ? .null : JSONValue(s.expected)),
                            ("solution", .string(s.solution)),
                            (
                                "accepted",
                                .array(
                                    s.alternatives.map { a in
                                        .object([
                                            ("value", JSONValue(a.value)), ("answer", .string(alternativeText(a, of: s))),
                                            ("note", .string(a.note))
                                        ])
                                    })
                            ),
                            (
                                "mistakes",
                                .array(
                                    s.mistakes.map { m in
                                        .object([
                                            ("value", JSONValue(m.value)), ("answer", .string(m.value.display)),
                                            ("why", .string(m.explanation))
                                        ])
                                    })
                            )
                        ])
                    })
            )
        ])
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" { s.removeLast() }
        return String(s)
    }
}
