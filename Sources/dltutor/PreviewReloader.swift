import TutorCLI
import TutorContent
import TutorSession

/// Applies what the `PreviewWatcher` loaded to the session on screen, between two events of the
/// run loop: a new session on the new content at the same question and step, or, when the open
/// question (or the exam file) no longer loads, its first error in place of the question's text.
@MainActor
final class PreviewReloader {
    private let watcher: PreviewWatcher
    /// A question the author asked for that had errors at the start: opened once it loads.
    private var target: String?

    init(watcher: PreviewWatcher, target: String?) {
        self.watcher = watcher
        self.target = target
    }

    /// Called after every event; returns whether the session changed.
    func refresh(_ session: inout Session) -> Bool {
        guard let result = watcher.take() else {
            let before = session.preview
            session.expirePreviewNote()
            return session.preview != before
        }
        if let error = Self.blockingError(result, for: session) {
            session.showContentError(error)
            return true
        }
        session = Session.reloading(result.exam, from: session, opening: target)
        if session.screen == .question { target = nil }
        return true
    }

    /// The error that keeps the new content from replacing what is on screen: the open
    /// question's file has errors, the exam file has, or no question loads at all.
    static func blockingError(_ result: LoadResult, for session: Session) -> String? {
        let examFile = result.exam.directory + "/exam.yaml"
        let brokenFiles = result.exam.broken.map(\.error)
        if let error = result.errors.first(where: { $0.file == examFile && !brokenFiles.contains($0) }) {
            return error.description
        }
        if result.exam.questions.isEmpty {
            return result.errors.first?.description ?? "\(result.exam.directory): no question could be loaded."
        }
        if session.screen == .question, let id = session.currentID, let broken = result.exam.brokenQuestion(id) {
            return broken.error.description
        }
        return nil
    }
}
