import ArgumentParser
import Foundation
import MathEngine
import TutorCLI
import TutorContent
import TutorOutput

/// `dltutor check`: the verdict the tutor would give, for scripts and for grading paper answers.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an answer to one step, or many with --batch.",
        discussion: """
            Exit status: 0 correct, 1 incorrect, 2 invalid answer or too few decimal places, 3 a free-text step (self-assess), 64 bad usage.
            With --batch FILE (or - for standard input), each line is QUESTION<TAB>STEP<TAB>ANSWER, \
            optionally followed by <TAB>SEED and by <TAB>STEP=ANSWER columns for earlier answers; \
            one JSON verdict is printed per line (a malformed line gets {"line", "error"} and the rest \
            are still graded); the exit status is 0 when every line was graded, 3 when any line was \
            malformed. The "verdict" words are those `dltutor export` writes: correct, \
            correct-alternative, carried-forward, incorrect, named-mistake, invalid.
            """
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "Question id (q3) or number.") var question: String?
    @Argument(help: "Step id (a.total) or number within the question.") var step: String?
    @Argument(parsing: .allUnrecognized, help: "The answer as a student would type it.") var answer: [String] = []
    @Option(help: "Check against this random variant (default: the original exam).") var seed: UInt64?
    @Option(
        name: .customLong("given"),
        help: ArgumentHelp("An earlier answer, for error carried forward (repeatable).", valueName: "step=answer"))
    var given: [String] = []
    @Flag(help: "Print the verdict as JSON.") var json = false
    @Option(help: ArgumentHelp("Grade many answers, one per line, from FILE or - (standard input).", valueName: "file"))
    var batch: String?

    /// The answer's words. With an option before it (`--json -- -5`), the argument parser keeps
    /// the `--` among the unrecognized words; it ends the options, it is not part of the answer.
    var answerWords: [String] { answer.first == "--" ? Array(answer.dropFirst()) : answer }

    func validate() throws {
        if batch != nil {
            if question != nil { throw ValidationError("with --batch, give no QUESTION STEP ANSWER arguments.") }
        } else if question == nil || step == nil || answerWords.isEmpty {
            throw ValidationError("give QUESTION STEP ANSWER, e.g. dltutor check q3 a.total 619 (or use --batch FILE).")
        }
    }

    func run() throws {
        if let batch {
            try BatchGrader(exam: options.load()).run(path: batch)
        } else if let single {
            try single.run()
        }
    }

    /// The one check asked for (nil with `--batch`), as plain values.
    var single: SingleCheck? {
        guard batch == nil, let question, let step else { return nil }
        return SingleCheck(
            content: options.content, question: question, step: step, answer: answerWords, seed: seed, given: given,
            json: json)
    }
}

/// One `dltutor check QUESTION STEP ANSWER`, as plain values: built by `CheckCommand` or, for
/// the everyday forms, by `QuickCommandLine` without any ArgumentParser value (see PracticeStart).
struct SingleCheck: Equatable {
    var content: String?
    var question: String
    var step: String
    /// The answer's words, joined by spaces to make the answer.
    var answer: [String]
    var seed: UInt64?
    var given: [String] = []
    var json = false

    /// Prints the verdict and exits with its status (0 correct, 1 incorrect, 2 invalid, 3
    /// self-assess); the verdict is all this command does, so nothing is left to return to.
    func run() throws -> Never {
        let q = try ContentOptions.loadQuestion(content: content, named: question)
        let variant: Variant
        // Only this answer is graded: the variant's texts that are never printed are not rendered.
        do { variant = try q.variantForGrading(seed: seed) } catch { throw ValidationError("\(error)") }
        let s = try variant.findStep(step)
        let givenValues = try parseGiven(given, variant: variant)
        let input = answer.joined(separator: " ")
        let verdict = variant.grade(step: s.id, input: input, given: givenValues)
        if json {
            print(VerdictJSON.make(verdict, variant: variant, step: s, input: input).text)
        } else {
            printSafe(VerdictText.make(verdict, variant: variant, step: s, input: input))
        }
        StandardOutput.ensureWritten()
        exit(VerdictJSON.exitStatus(verdict, step: s))
    }
}

/// Reads `--given STEP=ANSWER` values with each step's own answer kind.
func parseGiven(_ items: [String], variant: Variant) throws -> [String: Value] {
    var out: [String: Value] = [:]
    for item in items {
        guard let eq = item.firstIndex(of: "=") else {
            throw ValidationError("--given takes STEP=ANSWER, e.g. --given a.total=691; got '\(item)'.")
        }
        let s = try variant.findStep(String(item[..<eq]).trimmingCharacters(in: .whitespaces))
        let text = String(item[item.index(after: eq)...])
        switch AnswerReader.read(text, as: s.answerKind, log: variant.log) {
        case .valid(let v, _): out[s.id] = v
        case .invalid(let col, let reason): throw ValidationError("--given \(s.id): column \(col): \(reason)")
        case .incomplete(let reason): throw ValidationError("--given \(s.id): \(reason)")
        case .empty: throw ValidationError("--given \(s.id): the answer is empty.")
        }
    }
    return out
}

/// The human-readable verdict, as the tutor words it.
enum VerdictText {
    static func make(_ verdict: Verdict, variant: Variant, step: VariantStep, input: String) -> String {
        switch verdict {
        case .invalid(let column, let reason):
            return "invalid: \(reason)\n  \(input)\n  \(caret(at: column)) column \(column)"
        case _ where step.kind == .text: // self-assessed, exit status 3
            let covered = variant.keywordsCovered(step: step.id, input: input)
            var lines = ["self-assess: compare your sentence with the model answer.", "model: \(step.model ?? "")"]
            for (idea, hit) in zip(step.keywords, covered) {
                lines.append("  \(hit ? "✓" : "✗") key idea: \(idea.joined(separator: " / "))")
            }
            return lines.joined(separator: "\n")
        case .correct, .correctAlternative, .carriedForward:
            return "correct: \(verdict.message)"
        case .incorrect:
            return "incorrect: \(verdict.message)"
        case .imprecise:
            return "imprecise: \(verdict.message)"
        }
    }
}

/// The verdict as JSON, and the exit status convention shared by single and batch checks.
enum VerdictJSON {
    static let selfAssessMessage = "Free text is self-assessed: compare it with the model answer."

    /// 0 correct, 1 incorrect, 2 not yet an answer (invalid, or the right value at too few
    /// places), 3 self-assess (a free-text step: no machine verdict).
    static func exitStatus(_ verdict: Verdict, step: VariantStep) -> Int32 {
        if step.kind == .text, !verdict.isInvalid { return 3 }
        return switch verdict {
        case .correct, .correctAlternative, .carriedForward: 0
        case .incorrect: 1
        case .invalid, .imprecise: 2
        }
    }

    /// Free text is not graded by the engine: the student (or instructor) compares it with the
    /// model answer, helped by which key ideas were found. Never reported as "correct".
    static func isSelfAssessed(_ verdict: Verdict, _ step: VariantStep) -> Bool { step.kind == .text && !verdict.isInvalid }

    static func make(_ verdict: Verdict, variant: Variant, step: VariantStep, input: String) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("question", .string(variant.id)),
            ("step", .string(step.id)),
            ("seed", variant.seed.map { .integer($0) } ?? .null),
            ("answer", .string(input)),
            ("verdict", .string(isSelfAssessed(verdict, step) ? "self-assess" : verdict.outcomeName)),
            ("correct", isSelfAssessed(verdict, step) ? .null : .bool(verdict.isCorrect)),
            ("message", .string(isSelfAssessed(verdict, step) ? VerdictJSON.selfAssessMessage : verdict.message))
        ]
        switch verdict {
        case .invalid(let column, let reason):
            pairs += [("column", .number(Double(column))), ("reason", .string(reason))]
        case .correctAlternative(let note):
            pairs.append(("note", .string(note)))
        case .imprecise(let asked):
            pairs.append(("asked", .string(asked)))
        case .incorrect(let mistakes, let wrong, let reason):
            pairs.append(("mistakes", .array(mistakes.map { .string($0.explanation) })))
            pairs.append(
                (
                    "wrong_entries",
                    .array(
                        wrong.map { e in
                            switch e {
                            case .entry(let i): .number(Double(i + 1))
                            case .cell(let r, let c): .array([.number(Double(r + 1)), .number(Double(c + 1))])
                            }
                        })
                ))
            if let reason { pairs.append(("reason", .string(reason))) }
        default:
            break
        }
        if isSelfAssessed(verdict, step) {
            let covered = variant.keywordsCovered(step: step.id, input: input)
            pairs.append(("model", .string(step.model ?? "")))
            pairs.append(("key_ideas_covered", .array(covered.map { .bool($0) })))
            pairs.append(
                (
                    "key_ideas_found",
                    .array(zip(step.keywords, covered).filter(\.1).map { .string($0.0.joined(separator: " / ")) })
                ))
        }
        return .object(pairs)
    }
}

extension Verdict {
    /// The verdict word of `check --json`: the same word storage and `export` use.
    var outcomeName: String { shortName }
}

extension Verdict {
    var isInvalid: Bool { if case .invalid = self { true } else { false } }
}
