import ArgumentParser
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

    func run() throws {
        // Open the progress database while the content loads: they share nothing, and both are
        // on the way to the first frame. (Synchronous: the tutor needs no concurrency runtime.)
        let storage = self.storage
        let opening = InBackground { TutorLauncher.openStore(storage) }
        let exam = try options.load()
        let (store, warning) = opening.value
        var settings = SessionSettings(mode: .practice, revealAfter: revealAfter, seed: seed)
        StoreStartup.prepare(&settings, store: store, now: TutorLauncher.now(screen))
        // The tour once per database, and not when the student asked for a question directly.
        settings.showTour = !noTour && question == nil && (try? store.meta("tour_seen")) == nil
        var session = Session(exam: exam, settings: settings)
        session.storageWarning = warning
        StoreStartup.restore(&session, store: store, seed: seed, reopen: question == nil)
        if let question {
            let q = try exam.find(question)
            _ = session.handle(.openQuestion(exam.questions.firstIndex { $0.id == q.id } ?? 0))
        }
        try TutorLauncher.runSynchronously(session, screen: screen, store: store)
    }
}
