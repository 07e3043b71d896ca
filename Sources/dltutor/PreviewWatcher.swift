import Foundation
import TutorContent

/// Watches a content folder for `dltutor preview` on a thread of its own: it polls the folder's
/// stamp and, when a file changed, loads the exam again there, so the screen's thread never
/// waits for the disk. The screen takes the newest result with `take()` on its next tick.
///
/// It loads with `ExamLoader` straight from the YAML, never through the content cache: what the
/// author just saved is what the preview shows, and drafts of an exam never fill the cache.
final class PreviewWatcher: @unchecked Sendable {
    private let directory: String
    private let interval: Double
    private let lock = NSLock()
    private var pending: LoadResult?
    private var stopped = false

    /// Starts watching `directory`, whose stamp was `stamp` when the shown content was loaded.
    init(directory: String, from stamp: FolderStamp, every interval: Double = 0.25) {
        self.directory = directory
        self.interval = interval
        let thread = Thread { [self] in watch(from: stamp) }
        thread.name = "preview-watcher"
        thread.start()
    }

    /// The content as last loaded after a change, once; nil when nothing changed since.
    func take() -> LoadResult? {
        lock.withLock {
            defer { pending = nil }
            return pending
        }
    }

    /// Ends the polling (within one interval).
    func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }

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
            lock.withLock { pending = result }
        }
    }
}
