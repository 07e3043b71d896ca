import ArgumentParser
import ContentLoading
import TutorCLI
import TutorContent
import TutorSession
import TutorStore

/// `dltutor preview DIR [Q]`: the tutor on a content folder while its author edits it. Practice
/// mode on a store that keeps nothing (never the student's progress database); the content is
/// loaded again whenever a file in the folder changes, and the question and step on screen stay.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Open the tutor on a content folder and reload it whenever a file changes (for exam authors).",
        discussion: "Nothing is saved. A question whose file has errors shows its first error in place of its text.")

    @Argument(help: ArgumentHelp("The exam's content folder (or an exam's id).", valueName: "dir"))
    var directory: String
    @Argument(help: ArgumentHelp("Open this question (id like q3, or its number).", valueName: "question"))
    var question: String?
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let dir = try ContentOptions.resolve(directory)
        let stamp = FolderStamp(dir)
        let result = ExamLoader.load(directory: dir)
        for d in result.errors { printError(d.description) }
        if result.exam.questions.isEmpty { throw ValidationError("no question could be loaded from \(dir).") }
        let session = try firstSession(result.exam)
        let terminal = try MainActor.assumeIsolated { try TutorLauncher.openTerminal(screen.settings) }
        let watcher = PreviewWatcher(directory: dir, from: stamp)
        defer { watcher.stop() }
        let reloader = MainActor.assumeIsolated {
            PreviewReloader(watcher: watcher, target: session.screen == .question ? nil : question)
        }
        try TutorLauncher.runSynchronously(
            session, screen: screen.settings, terminal: terminal, store: InMemoryStore(),
            refresh: { reloader.refresh(&$0) })
    }

    /// Practice on `exam`, opened at `question` when it loads; a question that has errors shows
    /// them on the start screen (and opens once a save fixes it).
    private func firstSession(_ exam: Exam) throws -> Session {
        var settings = SessionSettings(mode: .practice, revealAfter: PracticeCommand.defaultRevealAfter, seed: nil)
        settings.showTour = false
        var session = Session(exam: exam, settings: settings)
        session.startPreview()
        guard let question else { return session }
        if let broken = exam.brokenQuestion(question) {
            session.showContentError(broken.error.description)
            return session
        }
        let opened = try exam.find(question)
        _ = session.handle(.openQuestion(exam.questions.firstIndex { $0.id == opened.id } ?? 0))
        return session
    }
}
