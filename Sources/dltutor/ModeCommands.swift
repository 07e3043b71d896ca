import ArgumentParser
import Foundation
import TutorCLI
import TutorSession

import class TutorStore.InMemoryStore

/// `dltutor demo`: the instructor's presenter view of worked solutions.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Step through worked solutions in front of a class (predict, then reveal).",
        discussion: """
            → or Space reveals the current step, then moves on; ← goes back; a digit jumps to a step; \
            a reveals all; t types a value a student calls out, which the engine judges on screen. \
            Nothing is scored or recorded. With --class NAME --db URL, a live class demo: every \
            student who joins (`dltutor class join`) predicts each step and your screen counts the \
            class's answers (see `dltutor class --help`).
            """
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @Argument(help: "The question to present (id like q3, or its number); default: the first.")
    var question: String?
    @Option(help: "Show exactly this variant (the one a class was given).")
    var seed: UInt64?
    @Option(help: ArgumentHelp("Advance by itself every this many seconds (s pauses).", valueName: "seconds"))
    var auto: Double?
    /// Accepted like every other mode's, so one script line can switch modes; a demo still
    /// records nothing in it.
    @OptionGroup var storage: StoreOptions

    func validate() throws {
        if let auto, !(auto >= 1 && auto <= 3600) { throw ValidationError("--auto takes 1 to 3600 seconds.") }
    }

    func run() async throws {
        let exam = try options.load()
        let q = try question.map { try exam.find($0) } ?? exam.questions[0]
        var session = Session(
            exam: exam, settings: SessionSettings(mode: .demo, seed: seed, demo: DemoSettings(autoSeconds: auto)))
        _ = session.handle(.openDemo(exam.questions.firstIndex { $0.id == q.id } ?? 0))
        // A demo records nothing: nobody's attempts, no schedule.
        try await TutorLauncher.run(session, screen: screen, store: InMemoryStore())
    }
}

/// `dltutor quiz`: a timed quiz.
struct QuizCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Sit a timed quiz: no hints, the calculator stays, results and review at the end.",
        discussion: """
            The countdown is always visible, with warnings at 5 and 1 minutes left. When time runs out \
            the answers given so far are submitted. The seed and settings are shown so an instructor \
            can reproduce the paper exactly: the same seed gives the same quiz on every machine.
            """
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var quizOptions: QuizOptions
    @Option(help: "The variant (default: the original exam).")
    var seed: UInt64?
    @Option(
        help: "When verdicts are shown: end (answers stay editable until the end) or immediate (a step locks when submitted).")
    var feedback: QuizSettings.Feedback = .end
    @Flag(name: .customLong("quiet-timer"), help: "No per-second change on screen (for screen readers); F7 tells the time.")
    var quietTimer = false
    @OptionGroup var storage: StoreOptions

    func run() async throws {
        let exam = try options.load()
        let ids = try quizOptions.questionIDs(in: exam)
        let quiz = QuizSettings(minutes: quizOptions.minutes, questionIDs: ids, feedback: feedback, quietTimer: quietTimer)
        let (store, warning) = try TutorLauncher.openStore(storage)
        var settings = SessionSettings(mode: .quiz, seed: seed, quiz: quiz)
        StoreStartup.prepare(&settings, store: store, now: TutorLauncher.now(screen))
        var session = Session(exam: exam, settings: settings)
        session.storageWarning = warning
        _ = session.handle(.tick(at: TutorLauncher.now(screen).timeIntervalSinceReferenceDate))
        StoreStartup.restore(&session, store: store, seed: nil, reopen: false, askQuiz: true)
        if !session.askingQuizOffer {
            _ = session.handle(.startQuiz)
            if let notice = session.notice { throw ValidationError(notice) }
        }
        try await TutorLauncher.run(session, screen: screen, store: store)
    }
}

extension QuizSettings.Feedback: ExpressibleByArgument {}

/// `dltutor drill`: single steps of one topic against the clock.
struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Answer as many fresh single steps of one topic as you can in the time.",
        discussion: "Topics: shapes, params, loss, gradients. Tab skips an item; Esc ends the drill."
    )

    enum Topic: String, ExpressibleByArgument, CaseIterable { case shapes, params, loss, gradients }

    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @Option(help: "shapes, params, loss or gradients.")
    var topic: Topic = .shapes
    @Option(help: "Length of the drill in minutes.")
    var minutes: Double = 5
    @Option(help: "Replay exactly this drill (default: a random one).")
    var seed: UInt64?
    @OptionGroup var storage: StoreOptions

    func validate() throws {
        guard minutes > 0, minutes <= 120 else { throw ValidationError("--minutes takes more than 0 and at most 120.") }
    }

    func run() async throws {
        let exam = try options.load()
        let (store, warning) = try TutorLauncher.openStore(storage)
        var settings = SessionSettings(
            mode: .drill, drill: DrillSettings(topic: topic.rawValue, minutes: minutes, seed: seed ?? TutorLauncher.randomSeed()))
        StoreStartup.prepare(&settings, store: store, now: TutorLauncher.now(screen))
        settings.drill.topic = topic.rawValue
        var session = Session(exam: exam, settings: settings)
        session.storageWarning = warning
        _ = session.handle(.tick(at: TutorLauncher.now(screen).timeIntervalSinceReferenceDate))
        StoreStartup.restore(&session, store: store, seed: nil, reopen: false)
        _ = session.handle(.startDrill)
        if let notice = session.notice { throw ValidationError(notice) }
        try await TutorLauncher.run(session, screen: screen, store: store)
    }
}

/// `dltutor review`: spaced review of the steps that are due.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the steps that are due, each as a fresh variant (SM-2 schedule).",
        discussion: """
            Every practised step is scheduled with SuperMemo-2 (Wozniak 1990): a step answered right \
            on the first try comes back after 1, then 6 days, then longer; a step missed, answered \
            with a named mistake or revealed comes back the next day. `r` on the start screen does \
            the same. Questions are interleaved, and at most --max steps are reviewed per day \
            (default 20; the value given is remembered); the rest stay due.
            """
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var screen: ScreenOptions
    @Option(name: .customLong("max"), help: "Review at most this many steps a day (default 20; remembered).")
    var maxPerDay: Int?
    @OptionGroup var storage: StoreOptions

    func validate() throws {
        if let maxPerDay, !(1...500).contains(maxPerDay) { throw ValidationError("--max takes 1 to 500.") }
    }

    func run() async throws {
        let exam = try options.load()
        let (store, warning) = try TutorLauncher.openStore(storage)
        if let maxPerDay { try? store.setMeta(StoreStartup.reviewMaxKey, String(maxPerDay)) }
        var settings = SessionSettings(mode: .review)
        StoreStartup.prepare(&settings, store: store, now: TutorLauncher.now(screen))
        if let maxPerDay { settings.review.maxPerDay = maxPerDay }
        var session = Session(exam: exam, settings: settings)
        session.storageWarning = warning
        _ = session.handle(.tick(at: TutorLauncher.now(screen).timeIntervalSinceReferenceDate))
        StoreStartup.restore(&session, store: store, seed: nil, reopen: false)
        _ = session.handle(.startReview)
        if session.screen != .review {
            print(session.notice ?? "Nothing is due for review.")
            return
        }
        try await TutorLauncher.run(session, screen: screen, store: store)
    }
}
