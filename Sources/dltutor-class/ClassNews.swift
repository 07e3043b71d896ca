import ClassroomStore
import TutorCLI
import TutorSession

/// What the run loop hears from the class side after every event and tick: the class server out
/// of reach (with the answers waiting), back again (and the waiting answers saved), and the
/// instructor ending the quiz or demo. It only reads statuses kept by the link, the outbox, the
/// listener and the watch; it never waits, so the screen keeps its pace through any outage.
final class ClassNews: @unchecked Sendable {
    private let link: ClassLink
    private let outbox: ClassOutbox<ClassDatabase>?
    private let listener: ClassListener?
    private let watch: ClassActivityWatch?
    /// What the student is told when the instructor ends the activity.
    private let endedText: String
    /// Messages from other sources (a demo's cues and counts), passed on in order.
    private let inbox: DemoInbox?
    private var shown: StorageWait?
    private var mostWaiting = 0
    private var announced = false

    init(
        link: ClassLink, outbox: ClassOutbox<ClassDatabase>? = nil, listener: ClassListener? = nil,
        watch: ClassActivityWatch? = nil, endedText: String, inbox: DemoInbox? = nil
    ) {
        self.link = link
        self.outbox = outbox
        self.listener = listener
        self.watch = watch
        self.endedText = endedText
        self.inbox = inbox
    }

    /// Called by the run loop (one thread) after every event.
    func messages() -> [Message] {
        var out = inbox?.take() ?? []
        if let wait = storageChange() { out.append(.storageWaiting(wait)) }
        if !announced, watch?.isClosed == true {
            announced = true
            out.append(.activityEnded(endedText))
        }
        return out
    }

    /// Whether the class server is out of reach: the link's connection, the listener's or the
    /// head of the outbox failing.
    var isOutOfReach: Bool {
        !link.status.reachable || listener.map { !$0.isListening } == true || outbox?.status.stalled == true
    }

    /// A new line for the screen when the outage starts, its count of waiting answers changes,
    /// or everything waiting has been written.
    private func storageChange() -> StorageWait? {
        let answers = outbox?.status.answers ?? 0
        let path = link.url.redacted
        if isOutOfReach || (shown != nil && answers > 0) {
            mostWaiting = max(mostWaiting, answers)
            let wait = StorageWait(answers: answers, isWaiting: true, path: path, cause: .unreachable)
            guard wait != shown else { return nil }
            shown = wait
            return wait
        }
        guard shown != nil else { return nil }
        shown = nil
        defer { mostWaiting = 0 }
        return StorageWait(answers: mostWaiting, isWaiting: false, path: path, cause: .unreachable)
    }
}
