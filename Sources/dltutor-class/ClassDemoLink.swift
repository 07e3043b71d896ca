import ClassroomStore
import Foundation
import TutorCLI
import TutorSession

/// Messages for a running session from the database's side (cues for a student, counts for the
/// instructor): tasks push them, the run loop takes them after every terminal event.
final class DemoInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    func push(_ m: Message) { lock.withLock { messages.append(m) } }

    func take() -> [Message] {
        lock.withLock {
            defer { messages = [] }
            return messages
        }
    }
}

/// The last value set, readable from any task.
final class Latest<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func get() -> T { lock.withLock { value } }
    func set(_ v: T) { lock.withLock { value = v } }
}

/// Converting the store's counts into the session's.
extension DemoTally {
    init(_ t: ClassDemo.Tally, question: String, step: String) {
        // A mistake's text is what a student's tutor sent: shown as text, never as terminal control.
        let named = t.mistakes.compactMap { m in m.mistake.map { DemoTally.Count(mistake: MonitorText.cell($0), count: m.count) }
        }
        self.init(questionID: question, stepID: step, joined: t.joined, answered: t.answered, correct: t.correct, mistakes: named)
    }
}
