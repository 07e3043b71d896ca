import ArgumentParser
import TutorCLI

/// `dltutor-class`: the class commands, in their own binary so the student's `dltutor` never
/// links PostgreSQL's client (and NIO, BoringSSL). Users never type its name: `dltutor class
/// ...` and `dltutor demo --class NAME` exec it with their arguments unchanged, so it parses
/// the same argv (`class ...`, `demo ...`) under the same name.
@main
struct DLTutorClass: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dltutor",
        abstract: "dltutor's class commands: one quiz or live demo for a whole class, answers in PostgreSQL.",
        version: ContentOptions.programVersion,
        subcommands: [ClassCommand.self, ClassDemoCommand.self]
    )
}
