import ClassroomStore
import Foundation
import TutorCLI
import TutorSession

/// The instructor's side of a live class demo, between the screen and the server: every move
/// is written to `demo_state` (only the newest matters, so a move made during an outage
/// replaces the one waiting, and the newest is written once the server is back), and the
/// class's predictions for the open step are counted again whenever an answer arrives, a move
/// is written, or the listener listens again after an outage.
final class ClassDemoPresenter: @unchecked Sendable {
    let inbox = DemoInbox()
    private let link: ClassLink
    private let activity: String
    private let current: Latest<DemoCue>
    private let moves: AsyncStream<DemoCue>
    private let mover: AsyncStream<DemoCue>.Continuation
    private var tasks: [Task<Void, Never>] = []

    init(link: ClassLink, activity: String, first: DemoCue) {
        self.link = link
        self.activity = activity
        current = Latest(first)
        (moves, mover) = AsyncStream<DemoCue>.makeStream(bufferingPolicy: .bufferingNewest(1))
        mover.yield(first)
    }

    /// Starts writing moves and counting; `events` is the demo channel's listener.
    func start(_ events: AsyncStream<ClassListener.Event>) {
        let writer = Task.detached { [self] in
            for await _ in moves {
                await writeNewest()
                await recount()
            }
        }
        let counter = Task.detached { [self] in
            for await event in events where event == .notified("answer") || event == .listening { await recount() }
        }
        tasks = [writer, counter]
    }

    /// The presenter moved (called on the screen's thread; never waits).
    func move(_ cue: DemoCue) {
        current.set(cue)
        mover.yield(cue)
    }

    /// At the end: the last move is written (within `limit`), and a deliberate quit tells the
    /// students the demo has ended.
    func finish(quitting: Bool, within limit: Duration) async {
        mover.finish()
        let (link, activity) = (self.link, self.activity)
        let ending = Task {
            if let writer = tasks.first { await writer.value }
            if quitting {
                try? await link.run { db throws(ClassError) in try await ClassDemo.announceEnd(db, activity: activity) }
            }
        }
        let writers = tasks
        let timer = Task {
            try? await Task.sleep(for: limit)
            ending.cancel()
            for t in writers { t.cancel() }
        }
        _ = await ending.value
        timer.cancel()
        for t in writers { t.cancel() }
    }

    /// Writes the newest move, retrying while the server is out of reach (a newer move made
    /// meanwhile is the one written).
    private func writeNewest() async {
        let activity = self.activity
        while !Task.isCancelled {
            let cue = current.get()
            do {
                try await link.run { db throws(ClassError) in
                    try await db.committed(doing: "open the demo's step") { db throws(ClassError) in
                        try await ClassDemo.setCue(db, activity: activity, cue)
                    }
                }
                return
            } catch  where error.connectionLost {
                try? await Task.sleep(for: .milliseconds(100))
            } catch {
                return
            }
        }
    }

    private func recount() async {
        let cue = current.get()
        let activity = self.activity
        let tally = try? await link.run { db throws(ClassError) in
            try await ClassDemo.tally(db, activity: activity, question: cue.questionID, step: cue.stepID)
        }
        if let tally { inbox.push(.demoTally(DemoTally(tally, question: cue.questionID, step: cue.stepID))) }
    }
}
