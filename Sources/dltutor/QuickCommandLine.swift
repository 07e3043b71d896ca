import ArgumentParser

/// The argument lists typed most often, recognised without ArgumentParser.
///
/// Why: before ArgumentParser parses anything it builds the argument sets of the whole command
/// tree by reflection, and in a binary this size each first runtime type lookup scans every
/// protocol conformance record: about 2 ms, more than half of `dltutor check`'s process and as
/// much as the rest of the tutor's start. So the plain tutor (`dltutor`, `dltutor practice` with
/// its everyday options) and a single `dltutor check` are matched here, strictly, and built as
/// the very same command values ArgumentParser would build; their `validate()` and `run()` are
/// the commands' own. Anything else (any other command or option, `--help`, `--opt=value`, a
/// value starting with `-`, a repeated option, an unreadable number) is not matched and goes to
/// ArgumentParser, which gives its usual parsing, help and errors. `QuickCommandLineTests`
/// parses a corpus of argument lists both ways and requires the same command and values.
enum QuickCommandLine {
    /// The command for `arguments` (without the program name), or nil to let ArgumentParser parse.
    static func command(for arguments: [String]) -> (any ParsableCommand)? {
        var words = arguments[...]
        var command: any ParsableCommand
        switch words.first {
        case nil, "practice":
            if words.first == "practice" { words = words.dropFirst() }
            guard let practice = practice(words) else { return nil }
            command = practice
        case "check":
            guard let check = check(words.dropFirst()) else { return nil }
            command = check
        case let word? where word.hasPrefix("--"):
            // `dltutor --content DIR`: options of the default command, `practice`.
            guard let practice = practice(words) else { return nil }
            command = practice
        default:
            return nil
        }
        // A value ArgumentParser would refuse in validation is left to it, for its message.
        do { try command.validate() } catch { return nil }
        return command
    }

    /// `[--content DIR] [--db PATH] [--seed N] [--question Q] [--no-tour] [--ascii]`.
    private static func practice(_ words: ArraySlice<String>) -> PracticeCommand? {
        guard
            let parsed = Options.read(
                words, values: ["--content", "--db", "--seed", "--question"], flags: ["--no-tour", "--ascii"]),
            parsed.positionals.isEmpty
        else { return nil }
        var seed: UInt64?
        if let text = parsed.values["--seed"] {
            guard let n = UInt64(text) else { return nil }
            seed = n
        }
        var command = PracticeCommand()
        command.options = ContentOptions(content: parsed.values["--content"])
        command.screen = ScreenOptions.defaults(ascii: parsed.flags.contains("--ascii"))
        command.storage = StoreOptions.defaults(path: parsed.values["--db"])
        command.seed = seed
        command.revealAfter = PracticeCommand.defaultRevealAfter
        command.question = parsed.values["--question"]
        command.noTour = parsed.flags.contains("--no-tour")
        return command
    }

    /// `QUESTION STEP ANSWER… [--content DIR] [--seed N] [--json]`, the answer's words not
    /// starting with `-`.
    private static func check(_ words: ArraySlice<String>) -> CheckCommand? {
        guard let parsed = Options.read(words, values: ["--content", "--seed"], flags: ["--json"]),
            parsed.positionals.count >= 3
        else { return nil }
        var seed: UInt64?
        if let text = parsed.values["--seed"] {
            guard let n = UInt64(text) else { return nil }
            seed = n
        }
        var command = CheckCommand()
        command.options = ContentOptions(content: parsed.values["--content"])
        command.question = parsed.positionals[0]
        command.step = parsed.positionals[1]
        command.answer = Array(parsed.positionals[2...])
        command.seed = seed
        command.given = []
        command.json = parsed.flags.contains("--json")
        command.batch = nil
        return command
    }

    /// Long options with a value (`--name VALUE`, each at most once), flags (at most once), and
    /// positional words; nil for any other word that starts with `-`.
    private struct Options {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var positionals: [String] = []

        static func read(_ words: ArraySlice<String>, values names: Set<String>, flags flagNames: Set<String>) -> Options? {
            var out = Options()
            var rest = words
            while let word = rest.popFirst() {
                if names.contains(word) {
                    guard out.values[word] == nil, let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                    out.values[word] = value
                } else if flagNames.contains(word) {
                    guard out.flags.insert(word).inserted else { return nil }
                } else if word.hasPrefix("-") || word.isEmpty {
                    return nil
                } else {
                    out.positionals.append(word)
                }
            }
            return out
        }
    }
}
