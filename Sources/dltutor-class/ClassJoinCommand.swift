import ArgumentParser
import ClassroomStore
import Foundation
import TutorCLI
import TutorContent
import TutorSession
import TutorStore

/// `dltutor class join`: a student joins the class's open quiz (or live demo). Over SSH the
/// class server runs this as the forced command, with the student's id from the key they logged
/// in with (`DLTUTOR_STUDENT`); from their own machine a student passes their own connection
/// string, and the database tells who they are (`dltutor_me()`).
struct ClassJoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join the class's quiz or demo (students; over SSH this runs by itself).",
        discussion: """
            A quiz continues where you left it, with your answers and the time left on the class's \
            clock. Every checked answer is saved on the class server the moment it is checked.
            """)

    @OptionGroup var db: ClassDBOptions
    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @Argument(help: "The quiz or demo to join (default: the one open now).")
    var name: String?
    @Option(help: "Your student id (default: $DLTUTOR_STUDENT, or the one your database login belongs to).")
    var student: String?

    func run() async throws {
        let url = try db.parsed()
        let database: ClassDatabase
        do {
            database = try await ClassDatabase.connect(url)
        } catch {
            printError("dltutor: " + (overSSH ? Self.serverDown : error.message))
            throw ExitCode(1)
        }
        do { try await ClassSchema.check(database) } catch {
            await database.close()
            printError("dltutor: " + (overSSH ? Self.serverDown : error.message))
            throw ExitCode(1)
        }
        let plan: JoinPlan
        do {
            plan = try await prepare(database)
        } catch let e as ClassError {
            await database.close()
            printError("dltutor: " + e.message)
            throw ExitCode(1)
        } catch {
            await database.close()
            throw error
        }
        guard let session = plan.session, let store = plan.store, let clock = plan.clock else {
            await database.close()
            print(plan.message)
            return
        }
        let watch = ClassActivityWatch(
            link: store.link, activity: plan.activity, clock: clock,
            resyncEvery: screen.clockFile == nil ? .seconds(30) : nil)
        watch.start()
        let inbox = DemoInbox()
        let takeover = ClassSessionWatch(store.link, activity: plan.activity, student: plan.student, inbox: inbox)
        let news = ClassNews(
            link: store.link, outbox: store.outbox, watch: watch,
            endedText: "The instructor closed \(plan.activity): your answers were submitted.", inbox: inbox)
        let status = await ClassShutdown.screenStatus {
            try await TutorLauncher.run(
                session, screen: screen, store: store, inbox: { news.messages() }, clock: { clock.now() })
        }
        watch.stop()
        if takeover.stop() { print(ClassSessionWatch.message(plan.activity)) }
        ClassShutdown.finish(store.outbox, status: status)
    }

    /// Over SSH the student runs nothing themselves: the class server's sshd set `DLTUTOR_STUDENT`.
    var overSSH: Bool { student == nil && !(ProcessInfo.processInfo.environment["DLTUTOR_STUDENT"] ?? "").isEmpty }

    /// What a student over SSH reads when the class server's database is out of reach: the
    /// connection's details are the instructor's business.
    static let serverDown = "the class server cannot reach its database right now; please tell your instructor."

    /// What joining leads to: a session to run, or a message (finished, over, nothing open).
    struct JoinPlan {
        var session: Session?
        var store: ClassProgressStore?
        var clock: ClassClock?
        var message: String
        var activity = ""
        var student = ""
    }

    func prepare(_ db: ClassDatabase) async throws -> JoinPlan {
        let who = try await studentID(db)
        let activity: ClassActivity
        if let name {
            activity = try await requireActivity(db, name, withSeed: false)
        } else {
            guard let open = try await ClassActivities.latestOpen(db) else {
                return JoinPlan(message: "Nothing is open in this class right now; ask your instructor.")
            }
            activity = open
        }
        let exam = try loadActivityExam(activity, options: options)
        let enrolment = try await ClassActivities.join(db, activity: activity.name, student: who)
        let store = ClassProgressStore(link: ClassLink(adopting: db), activity: activity.name, student: who)
        if activity.kind == .demo {
            var demo = activity
            demo.seed = enrolment.seed // the demo's variant, as the server gives it to the joined
            try await ClassDemoStudent.run(activity: demo, exam: exam, student: who, screen: screen, store: store)
        }
        if enrolment.finished { return JoinPlan(message: "You have already handed in \(activity.name).") }
        let clock = ClassClock(local: TutorLauncher.makeClock(file: screen.clockFile))
        let sent = clock.localNow()
        let now = try await db.serverNow()
        clock.sync(server: now, sentAt: sent, receivedAt: clock.localNow())
        guard activity.closedAt == nil, let deadline = activity.deadline, now < deadline else {
            return JoinPlan(message: "\(activity.name) is over; your answers are kept.")
        }
        // The class's clock, not the student's: quiz time used is the server's time since the start.
        let elapsed = max(0, now.timeIntervalSince(activity.startedAt))
        var snapshot =
            enrolment.checkpoint.flatMap(Self.decode)
            ?? .fresh(minutes: activity.minutes, questionIDs: activity.questions, seed: enrolment.seed)
        snapshot.minutes = activity.minutes
        snapshot.seed = enrolment.seed
        snapshot.elapsed = elapsed
        var quiz = QuizSettings(minutes: activity.minutes, questionIDs: activity.questions, feedback: .end)
        // No seed on the student's screen (it reproduces the key), and the results end the session.
        quiz.classSitting = true
        let localID = try? store.saveQuiz(
            QuizRecord(
                startedAt: activity.startedAt,
                settings: StoredQuizSettings(
                    minutes: activity.minutes, questionIDs: activity.questions, seed: enrolment.seed, feedback: "end")))
        var session = Session(exam: exam, settings: SessionSettings(mode: .quiz, seed: enrolment.seed, quiz: quiz))
        _ = session.handle(.tick(at: clock.now()))
        session.offerQuiz(QuizResumeOffer(id: localID ?? 1, snapshot: snapshot), ask: false)
        _ = session.handle(.continueQuiz)
        if let notice = session.notice, session.screen != .quiz { throw ClassError(notice) }
        return JoinPlan(session: session, store: store, clock: clock, message: "", activity: activity.name, student: who)
    }

    static func decode(_ json: String) -> QuizSnapshot? {
        try? JSONDecoder().decode(QuizSnapshot.self, from: Data(json.utf8))
    }

    /// --student, $DLTUTOR_STUDENT (set by the class server's sshd from the key), or the
    /// student whose database login this is.
    func studentID(_ db: ClassDatabase) async throws -> String {
        if let s = student ?? ProcessInfo.processInfo.environment["DLTUTOR_STUDENT"], !s.isEmpty { return s }
        let rows = try await db.query("SELECT dltutor_me()", doing: "find out who you are")
        if let me = try? rows.first?.decode(String?.self) { return me }
        throw ClassError("who are you? Pass --student ID, or join with your own database login.")
    }
}
