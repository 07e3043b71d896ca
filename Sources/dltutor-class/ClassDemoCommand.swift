import ArgumentParser
import ClassroomStore
import Foundation
import TutorCLI
import TutorContent
import TutorSession
import TutorStore

/// `dltutor demo --class NAME`: the instructor's live class demo (peer instruction). The demo
/// screen as usual, but every move is written to `demo_state` (whose trigger notifies the
/// students, LISTEN/NOTIFY), and the screen shows the class's predictions for the open step,
/// recounted whenever an answer arrives. Students join with `dltutor class join`.
struct ClassDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Present a question to a whole class: students predict each step, you see the counts, then reveal.",
        discussion: """
            Starts the class demo NAME (or continues it). → or Space reveals the open step, and moves on \
            once it is revealed; every student's screen follows. Students join with `dltutor class join`.
            """)

    @OptionGroup var db: ClassDBOptions
    @Option(name: .customLong("class"), help: ArgumentHelp("The class demo's name (letters, digits, . _ -).", valueName: "name"))
    var name: String
    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @Argument(help: "The question to present (id like q3, or its number); default: the first.")
    var question: String?
    @Option(help: "Show exactly this variant to everyone (default: the original exam).")
    var seed: UInt64?

    func run() async throws {
        let exam = try options.load()
        let q = try question.map { try exam.find($0) } ?? exam.questions[0]
        let url = try db.parsed()
        let conn = try await db.connect()
        let activity: ClassActivity
        do {
            activity = try await Self.startOrContinue(conn, name: name, exam: exam, seed: seed)
        } catch let error as ClassError {
            await conn.close()
            printError("dltutor: " + error.message)
            throw ExitCode(1)
        }
        var session = Session(
            exam: exam, settings: SessionSettings(mode: .demo, seed: activity.seed, demo: DemoSettings(audience: .presenter)))
        _ = session.handle(.openDemo(exam.questions.firstIndex { $0.id == q.id } ?? 0))
        guard let first = session.demoCue else {
            await conn.close()
            printError("dltutor: " + (session.notice ?? "the demo could not open \(q.id)."))
            throw ExitCode(1)
        }
        let link = ClassLink(adopting: conn)
        let (listener, events) = await ClassListener.open(url, activity: activity.name)
        let presenter = ClassDemoPresenter(link: link, activity: activity.name, first: first)
        presenter.start(events)
        let watch = ClassActivityWatch(link: link, activity: activity.name, clock: nil)
        watch.start()
        let news = ClassNews(
            link: link, outbox: nil, listener: listener, watch: watch, endedText: "The demo \(activity.name) is closed.",
            inbox: presenter.inbox)
        let status = await ClassShutdown.screenStatus {
            try await TutorLauncher.run(
                session, screen: screen, store: InMemoryStore(), inbox: { news.messages() },
                onEffect: { if case .demoCue(let cue) = $0 { presenter.move(cue) } },
                tick: .milliseconds(100))
        }
        watch.stop()
        ClassShutdown.armTimer(ifTerminated: status)
        await presenter.finish(quitting: status == 0 || status == 130, within: .seconds(1.5))
        ClassShutdown.finish(nil, status: status)
    }

    /// The demo NAME: started now, or the one already running (an instructor who restarts).
    static func startOrContinue(_ db: ClassDatabase, name: String, exam: Exam, seed: UInt64?) async throws -> ClassActivity {
        if let a = try await ClassActivities.find(db, name: name, withSeed: true) {
            guard a.kind == .demo else { throw ClassError("'\(name)' is a quiz in this class; give the demo another name.") }
            guard a.closedAt == nil else { throw ClassError("the demo '\(name)' is closed; give a new demo another name.") }
            guard a.exam == exam.id else { throw ClassError("the demo '\(name)' uses exam '\(a.exam)'; pass --content for it.") }
            return a
        }
        return try await ClassActivities.start(
            db,
            ClassActivity(
                name: name, kind: .demo, exam: exam.id,
                questions: exam.questions.map(\.id), seed: seed))
    }
}
