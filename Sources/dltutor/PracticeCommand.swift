import ArgumentParser
import CursesTerminal
import Foundation
import TerminalUI
import TutorApp
import TutorSession

/// `dltutor` / `dltutor practice`: opens the tutor in the terminal.
struct PracticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Open the tutor (the default command).",
        discussion: "Needs a terminal of at least 70×20. Press ? inside for every key."
    )

    @OptionGroup var options: ContentOptions
    @Option(help: "Practise this random variant of every question (default: the original exam).")
    var seed: UInt64?
    @Option(name: .customLong("reveal-after"), help: "Reveal the worked step after this many wrong tries (0: never).")
    var revealAfter: Int = 3
    @Flag(help: "Draw with ASCII only, even in a UTF-8 terminal.")
    var ascii = false
    @Option(help: "Open this question straight away (id like q3, or its number).")
    var question: String?

    func validate() throws {
        guard (0...99).contains(revealAfter) else { throw ValidationError("--reveal-after takes 0 to 99.") }
    }

    func run() async throws {
        let exam = try options.load()
        let settings = SessionSettings(mode: .practice, revealAfter: revealAfter, seed: seed)
        var session = Session(exam: exam, settings: settings)
        if let question {
            let q = try exam.find(question)
            _ = session.handle(.openQuestion(exam.questions.firstIndex { $0.id == q.id } ?? 0))
        }
        let initial = session
        let forceASCII = ascii
        let status: Int32 = try await MainActor.run {
            var terminalOptions = CursesTerminal.Options()
            terminalOptions.forceASCII = forceASCII
            let terminal: CursesTerminal
            do {
                terminal = try CursesTerminal(options: terminalOptions)
            } catch let error as CursesTerminalError {
                printError(error.description)
                throw ExitCode(error.exitCode)
            }
            let app = TutorApp(
                session: initial, terminal: terminal,
                clock: { Date().timeIntervalSinceReferenceDate },
                // Short seeds, so a student can tell a classmate or instructor which variant it was.
                nextSeed: { UInt64.random(in: 1...999_999) }
            )
            return app.run()
        }
        if status != 0 { throw ExitCode(status) }
    }
}
