import TutorCLI
import TutorSession

#if canImport(Glibc)
    import Glibc
#endif

/// `dltutor practice` as plain values, and the tutor's start. `PracticeCommand` (ArgumentParser)
/// builds one, and so does `QuickCommandLine` for the everyday forms without building any
/// ArgumentParser value: their property wrappers alone cost a few hundred microseconds of
/// runtime type lookups on the way to the first frame.
struct PracticeStart: Equatable {
    var content: String?
    var screen = ScreenSettings()
    var db: String?
    var busyTimeout = StoreOptions.defaultBusyTimeout
    var seed: UInt64?
    var revealAfter = PracticeCommand.defaultRevealAfter
    var question: String?
    var noTour = false

    /// The way to the first frame, with the slow parts side by side: the progress database opens
    /// on a thread of its own while the content loads and curses starts on this one.
    func run() throws {
        let (path, timeout) = (db, busyTimeout)
        // A first run creates the database: only once the screen is known to open, so a run that
        // exits at once (not a terminal, TERM=dumb) leaves no half-created file behind.
        if access(StoreOptions.resolve(path), F_OK) != 0 { try TutorLauncher.checkTerminal() }
        let opening = InBackground { StoreOptions.open(path: path, busyTimeout: timeout) }
        let exam = try ContentOptions.load(content: content)
        let opened = try question.map { name in try exam.find(name) }
        // A warning about the database would be lost behind the screen if the store finished
        // first and printed it; it is printed below, once it is known, and so always in the same
        // place: when the terminal is open, curses holds standard error and prints it on exit.
        let terminal = try MainActor.assumeIsolated { try TutorLauncher.openTerminal(screen) }
        let (store, warning) = opening.value
        if let warning { printError(warning) }
        var settings = SessionSettings(mode: .practice, revealAfter: revealAfter, seed: seed)
        StoreStartup.prepare(&settings, store: store, now: TutorLauncher.now(screen))
        // The tour once per database, and not when the student asked for a question directly.
        settings.showTour = !noTour && question == nil && (try? store.meta("tour_seen")) == nil
        var session = Session(exam: exam, settings: settings)
        session.storageWarning = warning
        StoreStartup.restore(&session, store: store, seed: seed, reopen: question == nil)
        if let opened {
            _ = session.handle(.openQuestion(exam.questions.firstIndex { $0.id == opened.id } ?? 0))
        }
        try TutorLauncher.runSynchronously(session, screen: screen, terminal: terminal, store: store)
    }
}
