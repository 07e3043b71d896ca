import ClassroomStore
import TutorCLI
import TutorContent
import TutorSession

/// The student's side of a live class demo: the demo screen following the instructor. The
/// instructor's moves arrive as `step` notifications (LISTEN/NOTIFY on the demo's channel);
/// each one reads `demo_state` and hands the cue to the session. Predictions are checked
/// answers like any other, written through `ClassProgressStore` (queued while the server is out
/// of reach). After an outage the listener listens again and the step is read again, so a move
/// made meanwhile is not missed. `ended` (sent when the instructor quits) or a closed demo is
/// said on the screen.
enum ClassDemoStudent {
    static func run(activity: ClassActivity, exam: Exam, student: String, screen: ScreenOptions, store: ClassProgressStore)
        async throws -> Never
    {
        let link = store.link
        // Listen first, then read: a move made in between is not lost.
        let (listener, events) = await ClassListener.open(link.url, activity: activity.name)
        let inbox = DemoInbox()
        let name = activity.name
        let pull: @Sendable () async -> Void = {
            let cue = try? await link.run { db throws(ClassError) in try await ClassDemo.cue(db, activity: name) }
            if let cue = cue ?? nil { inbox.push(.demoCue(cue)) }
        }
        await pull()
        let follower = Task.detached {
            for await event in events {
                switch event {
                case .listening, .notified("step"): await pull()
                case .notified(ClassDemo.endedPayload): inbox.push(.activityEnded(endedText))
                default: break
                }
            }
        }
        let watch = ClassActivityWatch(link: link, activity: name, clock: nil)
        watch.start()
        let news = ClassNews(
            link: link, outbox: store.outbox, listener: listener, watch: watch, endedText: endedText, inbox: inbox)
        var session = Session(
            exam: exam, settings: SessionSettings(mode: .demo, seed: activity.seed, demo: DemoSettings(audience: .follower)))
        let first = activity.questions.first.flatMap { id in exam.questions.firstIndex { $0.id == id } } ?? 0
        _ = session.handle(.openDemo(first))
        let takeover = ClassSessionWatch(link, activity: activity.name, student: student, inbox: inbox)
        let status = await ClassShutdown.screenStatus {
            try await TutorLauncher.run(
                session, screen: screen, store: store, inbox: { news.messages() }, tick: .milliseconds(100))
        }
        follower.cancel()
        watch.stop()
        let tookOver = takeover.stop()
        if status == 0 || status == 130 {
            print(tookOver ? ClassSessionWatch.message(activity.name) : "You left the demo \(activity.name).")
        }
        ClassShutdown.finish(store.outbox, status: status)
    }

    static let endedText = "The instructor ended the demo; Ctrl-C leaves."
}
