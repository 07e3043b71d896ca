import Foundation
import TestFixtures
import Testing

@testable import TutorApp
@testable import TutorSession
@testable import TutorStore

/// A real SQLite file whose write lock another process (`store-writer --hold`) keeps longer
/// than the busy timeout, while the recorder writes answers: nothing is dropped, the screen is
/// told "waiting" then "saved", and once the lock is released every answer is in the file.
@MainActor
@Suite("Storage: a database locked longer than the busy timeout", .serialized)
struct LockedDatabaseTests {
    static let exam = RunLoopTests.exam
    static let busy = 0.2

    func answer(_ i: Int, mode: String = "practice") -> Effect {
        .record(
            CheckedAnswer(
                mode: mode, questionID: "q3", stepID: "s\(i)", seed: nil, input: "answer \(i)",
                verdict: .correct, mistake: nil, correct: true, seconds: 1))
    }

    /// Polls the recorder (as the run loop's ticks do) until `done` or `limit` seconds.
    func poll(_ recorder: ProgressRecorder, limit: Double, until done: ([Message]) -> Bool) -> [Message] {
        var seen: [Message] = []
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            seen += recorder.poll()
            if done(seen) { break }
            usleep(20_000)
        }
        return seen
    }

    @Test func answersWaitForTheLockAndAreAllWrittenInOrder() throws {
        let f = ProgressRecorderTests.Folder()
        let (store, warning) = SQLiteStore.open(path: f.db, options: .init(busyTimeout: Self.busy))
        #expect(warning == nil)
        let recorder = ProgressRecorder(store: store, exam: Self.exam, settings: SessionSettings(), clock: { 800_000_000 })
        let holder = try holdLock(f.db, seconds: 2)
        let clock = ContinuousClock()
        var messages: [Message] = []
        var slowest = Duration.zero
        let started = clock.now
        for i in 0..<5 {
            let t = clock.now
            messages += recorder.perform(answer(i))
            slowest = max(slowest, clock.now - t)
            if i == 0 { slowest = .zero } // the first write waits out the busy timeout
        }
        let firstWait = clock.now - started
        #expect(!messages.contains { if case .storageProblem = $0 { true } else { false } }, "never 'not saving': \(messages)")
        #expect(messages.contains(.storageWaiting(StorageWait(answers: 1, isWaiting: true, path: f.db))), "\(messages)")
        #expect(messages.contains(.storageWaiting(StorageWait(answers: 5, isWaiting: true, path: f.db))), "\(messages)")
        #expect(slowest < .milliseconds(100), "later answers queue without waiting: \(slowest)")
        #expect(recorder.writes.status.answers == 5)
        // The file has none of them yet (the lock is still held).
        #expect(try SQLiteStore(readingFrom: f.db).allAttempts().isEmpty)
        let released = clock.now
        let after = poll(recorder, limit: 10) {
            $0.contains { if case .storageWaiting(let w) = $0 { !w.isWaiting } else { false } }
        }
        let savedAfter = clock.now - released
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        #expect(after.last == .storageWaiting(StorageWait(answers: 5, isWaiting: false, path: f.db)), "\(after)")
        let rows = try SQLiteStore(readingFrom: f.db).allAttempts()
        #expect(rows.map(\.stepID) == (0..<5).map { "s\($0)" })
        print(
            "lock test: first answer queued after \(firstWait), later answers in \(slowest) at most, all written \(savedAfter) after the queueing ended (lock held 2 s in all)"
        )
    }

    @Test func aQuizRowQueuedBehindTheLockKeepsItsAnswers() throws {
        let f = ProgressRecorderTests.Folder()
        let (store, _) = SQLiteStore.open(path: f.db, options: .init(busyTimeout: Self.busy))
        let recorder = ProgressRecorder(store: store, exam: Self.exam, settings: SessionSettings(), clock: { 800_000_000 })
        let holder = try holdLock(f.db, seconds: 1)
        for i in 0..<3 { _ = recorder.perform(answer(i, mode: "quiz")) }
        #expect(recorder.finish(timeout: 10) == 0)
        holder.waitUntilExit()
        let reader = try SQLiteStore(readingFrom: f.db)
        let rows = try reader.allAttempts()
        #expect(rows.count == 3)
        #expect(Set(rows.map(\.quizID)).count == 1 && rows[0].quizID != nil, "one quiz row, written first: \(rows.map(\.quizID))")
        #expect(try reader.quizzes().count == 1)
    }

    @Test func aFailureThatStopsSavingIsStillReportedOnce() throws {
        let f = ProgressRecorderTests.Folder()
        let (store, _) = SQLiteStore.open(path: f.db, options: .init(maxPageCount: 24))
        let recorder = ProgressRecorder(store: store, exam: Self.exam, settings: SessionSettings(), clock: { 800_000_000 })
        var messages: [Message] = []
        for i in 0..<500 {
            messages += recorder.perform(
                .record(
                    CheckedAnswer(
                        mode: "practice", questionID: "q3", stepID: "s\(i)", seed: nil, input: String(repeating: "y", count: 300),
                        verdict: .correct, mistake: nil, correct: true, seconds: 1)))
        }
        let problems = messages.filter { if case .storageProblem(let m) = $0 { m.contains(f.db) } else { false } }
        #expect(problems.count == 1 && problems.first.map { "\($0)".contains("is full") } == true, "\(messages)")
        #expect(!messages.contains { if case .storageWaiting = $0 { true } else { false } }, "a full disk is not a lock")
        #expect(recorder.writes.status.pending == 0, "nothing left waiting when saving has stopped")
    }
}
