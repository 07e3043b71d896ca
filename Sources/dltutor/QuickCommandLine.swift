import TutorCLI

/// The argument lists typed most often, recognised without ArgumentParser.
///
/// Why: before ArgumentParser parses anything it builds the argument sets of the whole command
/// tree by reflection, and in a binary this size each first runtime type lookup scans every
/// protocol conformance record: about 2 ms, more than half of `dltutor check`'s process and as
/// much as the rest of the tutor's start. So the plain tutor (`dltutor`, `dltutor practice` with
/// its everyday options) and a single `dltutor check` are matched here, strictly, into the same
/// plain values (`PracticeStart`, `SingleCheck`) the commands build from ArgumentParser's parse,
/// and run by the same code. Anything else (any other command or option, `--help`, `--opt=value`, a
/// value starting with `-`, a repeated option, an unreadable number) is not matched and goes to
/// ArgumentParser, which gives its usual parsing, help and errors. `QuickCommandLineTests`
/// parses a corpus of argument lists both ways and requires the same command and values.
enum QuickCommandLine: Equatable {
    case practice(PracticeStart)
    case check(SingleCheck)

    /// The command for `arguments` (without the program name), or nil to let ArgumentParser parse.
    static func parse(_ arguments: [String]) -> QuickCommandLine? {
        var words = arguments[...]
        switch words.first {
        case nil, "practice":
            if words.first == "practice" { words = words.dropFirst() }
            return practice(words).map { .practice($0) }
        case let word? where word.hasPrefix("--"):
            // `dltutor --content DIR`: options of the default command, `practice`.
            return practice(words).map { .practice($0) }
        case "check":
            return check(words.dropFirst()).map { .check($0) }
        default:
            return nil
        }
    }

    /// Runs the command (its errors are the caller's to report).
    func run() throws {
        switch self {
        case .practice(let start): try start.run()
        case .check(let check): try check.run()
        }
    }

    /// `[--content DIR] [--db PATH] [--seed N] [--question Q] [--no-tour] [--ascii]`.
    private static func practice(_ words: ArraySlice<String>) -> PracticeStart? {
        guard
            let parsed = Options.read(
                words, values: ["--content", "--db", "--seed", "--question"], flags: ["--no-tour", "--ascii"]),
            parsed.positionals.isEmpty, let seed = parsed.seed
        else { return nil }
        var start = PracticeStart()
        start.content = parsed.value("--content")
        start.screen.ascii = parsed.flags.contains("--ascii")
        start.db = parsed.value("--db")
        start.seed = seed
        start.question = parsed.value("--question")
        start.noTour = parsed.flags.contains("--no-tour")
        return start
    }

    /// `QUESTION STEP ANSWER… [--content DIR] [--seed N] [--json]`, the answer's words not
    /// starting with `-`, except a number after three or more (`---1`, see `isDashedAnswer`).
    private static func check(_ words: ArraySlice<String>) -> SingleCheck? {
        guard let parsed = Options.read(words, values: ["--content", "--seed"], flags: ["--json"]),
            parsed.positionals.count >= 3, let seed = parsed.seed
        else { return nil }
        return SingleCheck(
            content: parsed.value("--content"), question: parsed.positionals[0], step: parsed.positionals[1],
            answer: Array(parsed.positionals[2...]), seed: seed, json: parsed.flags.contains("--json"))
    }

    /// Long options with a value (`--name VALUE`, each at most once), flags (at most once), and
    /// positional words; nil for any other word that starts with `-`.
    /// Plain arrays, not sets or dictionaries: the first `Set<String>` or `[String: String]` of a
    /// run instantiates their generic metadata through runtime conformance lookups (a quarter of
    /// a millisecond here), more than this whole match costs.
    private struct Options {
        var values: [(name: String, value: String)] = []
        var flags: [String] = []
        var positionals: [String] = []

        static func read(_ words: ArraySlice<String>, values names: [String], flags flagNames: [String]) -> Options? {
            var out = Options()
            var rest = words
            while let word = rest.popFirst() {
                if names.contains(word) {
                    guard out.value(word) == nil, let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                    out.values.append((word, value))
                } else if flagNames.contains(word) {
                    guard !out.flags.contains(word) else { return nil }
                    out.flags.append(word)
                } else if isDashedAnswer(word) {
                    out.positionals.append(word)
                } else if word.hasPrefix("-") || word.isEmpty {
                    return nil
                } else {
                    out.positionals.append(word)
                }
            }
            return out
        }

        func value(_ name: String) -> String? { values.first { $0.name == name }?.value }

        /// `---1`, `----2.5`: three or more minus signs before a number, an answer word (a
        /// double negative, like `--1`) that ArgumentParser would refuse as an invalid option.
        static func isDashedAnswer(_ word: String) -> Bool {
            let rest = word.drop { $0 == "-" }
            guard word.count - rest.count >= 3, let first = rest.first else { return false }
            return first.isNumber || first == "." || first == "(" || first == "["
        }

        /// `--seed` when absent (`.some(nil)`) or a whole number; nil when it is not one.
        var seed: UInt64?? {
            guard let text = value("--seed") else { return .some(nil) }
            return UInt64(text).map { .some($0) }
        }
    }
}
