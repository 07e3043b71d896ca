import Foundation
import TestFixtures
import Testing

@testable import TutorApp
@testable import TutorSession
@testable import TutorStore

/// The screen's thread never waits for a lock, and a database that disappears is noticed.
@MainActor
@Suite("Storage: the screen never waits for a lock", .serialized)
struct ResponsiveStorageTests {
    let locked = LockedDatabaseTests()

    /// With the default busy timeout (5 s) and the lock held 3 s, even the first answer comes
    /// back at once; all five are written, in order, once the lock is released.
    @Test func theFirstLockedAnswerDoesNotBlockTheScreen() throws {
        let f = ProgressRecorderTests.Folder()
        let (store, warning) = SQLiteStore.open(path: f.db, options: .init(busyTimeout: 5))
        #expect(warning == nil)
        let recorder = ProgressRecorder(
            store: store, exam: LockedDatabaseTests.exam, settings: SessionSettings(), clock: { 800_000_000 })
        let holder = try holdLock(f.db, seconds: 3)
        let clock = ContinuousClock()
        var slowest = Duration.zero
        var messages: [Message] = []
        for i in 0..<5 {
            let t = clock.now
            messages += recorder.perform(locked.answer(i))
            slowest = max(slowest, clock.now - t)
        }
        #expect(slowest < .seconds(1), "the slowest answer took \(slowest) on the screen's thread (busy timeout 5 s)")
        #expect(messages.contains(.storageWaiting(StorageWait(answers: 1, isWaiting: true, path: f.db))), "\(messages)")
        #expect(recorder.finish(timeout: 20) == 0)
        holder.waitUntilExit()
        #expect(try SQLiteStore(readingFrom: f.db).allAttempts().map(\.stepID) == (0..<5).map { "s\($0)" })
        print("responsive storage: slowest answer on the screen's thread \(slowest) with the lock held 3 s")
    }

    /// The file deleted under a running tutor: the next answer stops saving with a message that
    /// names what happened, once, instead of answers going into an unlinked file.
    @Test func aDatabaseDeletedWhileRunningIsSaidOnScreen() throws {
        let f = ProgressRecorderTests.Folder()
        let (store, _) = SQLiteStore.open(path: f.db)
        let recorder = ProgressRecorder(
            store: store, exam: LockedDatabaseTests.exam, settings: SessionSettings(), clock: { 800_000_000 })
        _ = recorder.perform(locked.answer(0))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: f.db + suffix) }
        var messages: [Message] = []
        for i in 1...3 { messages += recorder.perform(locked.answer(i)) }
        let problems = messages.compactMap { if case .storageProblem(let m) = $0 { m } else { nil } }
        #expect(problems.count == 1, "\(messages)")
        #expect(problems.first?.contains("deleted or replaced while the tutor ran") == true, "\(problems)")
        #expect(!store.isSaving)
    }
}
