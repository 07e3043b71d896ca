import ClassroomStore
import TutorContent
import TutorSession

/// The student's side of a live class demo: the demo screen following the instructor. The
/// instructor's moves arrive as `step` notifications (LISTEN/NOTIFY on the demo's channel);
/// each one reads `demo_state` and hands the cue to the session. Predictions are checked
/// answers like any other, written through `ClassProgressStore` when they are sent.
enum ClassDemoStudent {
    static func run(
        db: ClassDatabase, activity: ClassActivity, exam: Exam, student: String, screen: ScreenOptions,
        store: ClassProgressStore
    ) async throws -> String {
        // Listen first, then read: a move made in between is not lost.
        let (listener, events) = try await ClassListener.open(db.url, activity: activity.name)
        let inbox = DemoInbox()
        let name = activity.name
        let pull: @Sendable () async -> Void = {
            if let cue = try? await ClassDemo.cue(db, activity: name) { inbox.push(.demoCue(cue.sessionCue)) }
        }
        await pull()
        let follower = Task.detached {
            for await payload in events where payload == "step" { await pull() }
        }
        defer { follower.cancel() }
        var session = Session(
            exam: exam, settings: SessionSettings(mode: .demo, seed: activity.seed, demo: DemoSettings(audience: .follower)))
        let first = activity.questions.first.flatMap { id in exam.questions.firstIndex { $0.id == id } } ?? 0
        _ = session.handle(.openDemo(first))
        let watch = ClassSessionWatch(db, activity: activity.name, student: student, inbox: inbox)
        try await TutorLauncher.run(session, screen: screen, store: store, inbox: { inbox.take() }, tick: .milliseconds(100))
        let tookOver = watch.stop()
        await listener.close()
        return tookOver ? ClassSessionWatch.message(activity.name) : "You left the demo \(activity.name)."
    }
}
