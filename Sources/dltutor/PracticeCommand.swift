import ArgumentParser
import TutorCLI
import TutorSession

/// `dltutor` / `dltutor practice`: opens the tutor in the terminal.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Open the tutor (the default command).",
        discussion: "Needs a terminal of at least 70×20. Press ? inside for every key."
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var storage: StoreOptions
    @Option(help: "Practise this random variant of every question (default: the original exam).")
    var seed: UInt64?
    @Option(name: .customLong("reveal-after"), help: "Reveal the worked step after this many wrong tries (0: never).")
    var revealAfter: Int = PracticeCommand.defaultRevealAfter
    static let defaultRevealAfter = 3
    @Option(help: "Open this question straight away (id like q3, or its number).")
    var question: String?
    /// Tests start on the start screen of a fresh database without the first-run tour.
    @Flag(name: .customLong("no-tour"), help: .hidden)
    var noTour = false

    func validate() throws {
        guard (0...99).contains(revealAfter) else { throw ValidationError("--reveal-after takes 0 to 99.") }
    }

    func run() throws { try start.run() }

    /// The parsed options as plain values.
    var start: PracticeStart {
        PracticeStart(
            content: options.content, screen: screen.settings, db: storage.path, busyTimeout: storage.busyTimeout,
            seed: seed, revealAfter: revealAfter, question: question, noTour: noTour)
    }
}
