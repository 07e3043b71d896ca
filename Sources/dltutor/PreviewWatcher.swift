import ContentLoading
import Foundation
import Synchronization
import TutorCLI
import TutorContent

/// Watches a content folder for `dltutor preview` on a thread of its own: it polls the folder's
/// stamp and, when a file changed, loads the exam again there, so the screen's thread never
/// waits for the disk. The screen takes the newest result with `take()` on its next tick.
///
/// It loads with `ExamLoader` straight from the YAML, never through the content cache: what the
/// author just saved is what the preview shows, and drafts of an exam never fill the cache.
final class PreviewWatcher: Sendable {
    private let directory: String
    private let interval: Double
    /// The newest load not yet taken, and whether the watching should end.
    private let state = Mutex<(pending: LoadResult?, stopped: Bool)>((nil, false))

    /// Starts watching `directory`, whose stamp was `stamp` when the shown content was loaded.
    init(directory: String, from stamp: FolderStamp, every interval: Double = 0.25) {
        self.directory = directory
        self.interval = interval
        Thread.detachNewThread { [self] in watch(from: stamp) }
    }

    /// The content as last loaded after a change, once; nil when nothing changed since.
    func take() -> LoadResult? {
        state.withLock { s in
            defer { s.pending = nil }
            return s.pending
        }
    }

    /// Ends the polling (within one interval).
    func stop() { state.withLock { $0.stopped = true } }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// Polls until stopped. A change seen while a load runs is loaded again afterwards, so the
    /// last result always reflects the last save.
    private func watch(from first: FolderStamp) {
        var stamp = first
        while !isStopped {
            usleep(UInt32(interval * 1_000_000))
            let now = FolderStamp(directory)
            guard now != stamp else { continue }
            stamp = now
            let result = ExamLoader.load(directory: directory)
            state.withLock { $0.pending = result }
        }
    }
}
