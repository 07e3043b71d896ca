import ArgumentParser
import CursesTerminal
import Foundation
import TutorApp
import TutorCLI
import TutorContent
import TutorSession
import TutorStore

/// `--db PATH`: where progress is kept (default `$XDG_DATA_HOME/dltutor/dltutor.sqlite`, or
/// `~/.local/share/dltutor/dltutor.sqlite`).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The progress database (default: $XDG_DATA_HOME/dltutor/dltutor.sqlite).", valueName: "path"))
    var path: String?

    /// Seconds a write waits for another program's lock before it is queued for a retry. Tests
    /// shorten it; the default suits two tutors sharing a file.
    @Option(name: .customLong("busy-timeout"), help: .hidden)
    var busyTimeout: Double = StoreOptions.defaultBusyTimeout
    static let defaultBusyTimeout: Double = 5

    var resolvedPath: String { Self.resolve(path) }

    /// `--db`, else the default database.
    static func resolve(_ path: String?) -> String { path ?? StorePaths.defaultDatabasePath() }

    /// Opens the store. It always returns a usable store; when saving is impossible (read-only,
    /// corrupt, newer version, full disk) the warning says why and nothing is written or deleted.
    func open() -> (store: any ProgressStore, warning: String?) { Self.open(path: path, busyTimeout: busyTimeout) }

    /// The same for the options as plain values (the quick start path).
    static func open(path: String?, busyTimeout: Double) -> (store: any ProgressStore, warning: String?) {
        SQLiteStore.open(
            path: resolve(path), options: SQLiteStore.Options(busyTimeout: max(0.01, busyTimeout)))
    }

    /// Opens the database only to read it (`export`, `stats`): a file that cannot be read is a
    /// one-line error and exit status 1, never an empty report; nothing is created.
    func openForReading() throws -> any ProgressStore {
        do { return try SQLiteStore(readingFrom: resolvedPath, busyTimeout: max(0.01, busyTimeout)) } catch {
            printError(error.readingMessage)
            throw ExitCode(1)
        }
    }
}

/// What the tutor needs from storage at startup: saving state, the review queue, drill bests,
/// and the saved practice to resume.
enum StoreStartup {
    static func prepare(_ settings: inout SessionSettings, store: any ProgressStore, now: Date) {
        settings.answersAreSaved = store.isSaving
        // One query for the whole schedule (earliest first): what is due now, and when the
        // next step falls due once those are done.
        let scheduled = (try? store.dueItems(at: Date.distantFuture)) ?? []
        let due = scheduled.prefix { $0.due <= now }
        settings.review = ReviewSettings(
            items: due.map { ReviewSettings.Item(questionID: $0.questionID, stepID: $0.stepID) },
            seed: UInt64.random(in: 1...999_999),
            nextDue: scheduled.first { $0.due > now }.map { formatDue($0.due) },
            maxPerDay: ((try? store.meta(reviewMaxKey)) ?? nil).flatMap { Int($0) } ?? ReviewSettings.defaultMaxPerDay,
            doneToday: (try? store.reviewedSteps(since: LocalTime.startOfDay(now))) ?? 0)
        settings.drill.best = (try? store.bestDrillScores()) ?? [:]
    }

    /// The daily review cap `dltutor review --max N` remembered (table `meta`).
    static let reviewMaxKey = "review_max"

    /// "on 2026-11-30 at 09:30".
    static func formatDue(_ date: Date) -> String { "on " + LocalTime.format(date, "%Y-%m-%d at %H:%M") }

    /// Saved practice per question (checked answers and reveals), the original exam's marks of
    /// questions now showing a variant, and the question last worked on (to reopen). With an
    /// explicit `--seed`, only practice of that variant resumes.
    static func saved(exam: Exam, store: any ProgressStore, seed: UInt64?)
        -> (saved: [SavedPractice], originals: [SavedPractice], reopen: String?)
    {
        var out: [SavedPractice] = [], originals: [SavedPractice] = []
        for q in exam.questions {
            guard let pos = try? store.lastPractice(questionID: q.id), seed == nil || pos.seed == seed else { continue }
            out.append(practice(q.id, seed: pos.seed, stepIndex: pos.stepIndex, store: store))
            if pos.seed != nil {
                let original = practice(q.id, seed: nil, stepIndex: 0, store: store)
                if !original.checks.isEmpty || !original.reveals.isEmpty { originals.append(original) }
            }
        }
        let latest = (try? store.latestPractice())?.questionID
        return (out, originals, out.contains { $0.questionID == latest } ? latest : nil)
    }

    private static func practice(_ id: String, seed: UInt64?, stepIndex: Int, store: any ProgressStore) -> SavedPractice {
        let checks = ((try? store.attempts(questionID: id, seed: seed, mode: "practice")) ?? [])
            .map { SavedPractice.Check(stepID: $0.stepID, input: $0.input, verdict: $0.verdict) }
        let reveals = ((try? store.reveals(questionID: id, seed: seed, mode: "practice")) ?? [])
            .map { SavedPractice.Reveal(stepID: $0.stepID, afterChecks: $0.checksBefore, isHint: $0.reason == "hint") }
        return SavedPractice(questionID: id, seed: seed, stepIndex: stepIndex, checks: checks, reveals: reveals)
    }

    /// Every mode starts from what the student has done: the start screen it returns to shows
    /// true progress, and an unfinished quiz is offered (asked at once when `ask`).
    static func restore(_ session: inout Session, store: any ProgressStore, seed: UInt64?, reopen: Bool, askQuiz: Bool = false) {
        let (saved, originals, last) = self.saved(exam: session.exam, store: store, seed: seed)
        session.restore(saved, originals: originals, reopen: reopen ? last : nil)
        if let offer = ProgressRecorder.quizOffer(store: store) { session.offerQuiz(offer, ask: askQuiz) }
    }
}

extension TutorLauncher {
    /// Opens the store for a full-screen mode: the warning (if saving is off) goes to stderr now,
    /// before the screen takes over, and to the start screen.
    /// A run that cannot open its screen (not a terminal, TERM=dumb) fails here, before the
    /// database is created.
    static func openStore(_ options: StoreOptions) throws -> (store: any ProgressStore, warning: String?) {
        try checkTerminal()
        let (store, warning) = options.open()
        if let warning { printError(warning) }
        return (store, warning)
    }

    /// Says why the screen cannot open and throws its exit status (2), before anything is created.
    static func checkTerminal() throws {
        guard let problem = CursesTerminal.preflight() else { return }
        printError(problem.description)
        throw ExitCode(problem.exitCode)
    }
}
