import ArgumentParser
import TutorCLI

/// The `dltutor` command: the terminal tutor by default, and the instructor/script commands
/// (`list`, `key`, `check`, `lint`, `eval`) that work without a terminal. The entry point is
/// `main.swift` (synchronous unless the command is async).
struct DLTutor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dltutor",
        abstract: "Practise deep-learning exam questions step by step, with every value checked as you type.",
        discussion: """
            Run with no command to open the tutor. The commands below work without a terminal, \
            for instructors and scripts. Every command takes --content DIR (default: the bundled \
            AML 5202 Sessional-1 exam) and most take --seed N for a random variant (without it: \
            the original exam).
            """,
        version: ContentOptions.programVersion,
        subcommands: [
            PracticeCommand.self, DemoCommand.self, QuizCommand.self, DrillCommand.self, ReviewCommand.self,
            StatsCommand.self, ExportCommand.self, ResetCommand.self, ListCommand.self, KeyCommand.self, CheckCommand.self,
            LintCommand.self, PreviewCommand.self, EvalCommand.self, ExamsCommand.self, ClassHandOffCommand.self
        ],
        defaultSubcommand: PracticeCommand.self
    )
}
