import ClassroomStore
import TutorCLI
import TutorSession

/// One session per student: a newer join of the same student takes the enrolment over (the
/// server then refuses this session's writes), and this watch, which asks the server every
/// 2 seconds, ends this session through the run loop's inbox, so an older session does not
/// linger with a process and a backend. A failed check (a dropped connection) ends nothing; the
/// check goes through the link, so it goes on after a reconnect.
final class ClassSessionWatch: Sendable {
    private let tookOver = Latest(false)
    private let task: Task<Void, Never>

    /// What the student reads when the screen closes, after a newer session took over.
    static func message(_ activity: String) -> String {
        "\(activity) was opened in another session; this one has ended (your saved answers are kept)."
    }

    init(_ link: ClassLink, activity: String, student: String, inbox: DemoInbox) {
        let flag = tookOver
        task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                let holds = try? await link.run { db throws(ClassError) in
                    try await ClassActivities.holdsSession(db, activity: activity, student: student)
                }
                guard let mine = holds, !mine else { continue }
                flag.set(true)
                inbox.push(.confirmQuit(true))
                return
            }
        }
    }

    /// Stops watching; true when a newer session took over.
    func stop() -> Bool {
        task.cancel()
        return tookOver.get()
    }
}
