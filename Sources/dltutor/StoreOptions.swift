import ArgumentParser
import Foundation
import TutorContent
import TutorSession
import TutorStore

/// `--db PATH`: where progress is kept (default `$XDG_DATA_HOME/dltutor/dltutor.sqlite`, or
/// `~/.local/share/dltutor/dltutor.sqlite`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The progress database (default: $XDG_DATA_HOME/dltutor/dltutor.sqlite).", valueName: "path"))
    var path: String?

    var resolvedPath: String { path ?? StorePaths.defaultDatabasePath() }

    /// Opens the store. It always returns a usable store; when saving is impossible (read-only,
    /// corrupt, newer version, full disk) the warning says why and nothing is written or deleted.
    func open() -> (store: any ProgressStore, warning: String?) {
        SQLiteStore.open(path: resolvedPath)
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
            nextDue: scheduled.first { $0.due > now }.map { formatDue($0.due) })
        settings.drill.best = (try? store.bestDrillScores()) ?? [:]
    }

    /// "on 2026-11-30 at 09:30".
    static func formatDue(_ date: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd 'at' HH:mm"
        return "on " + f.string(from: date)
    }

    /// Saved practice per question, and the question last worked on (to reopen). With an explicit
    /// `--seed`, only practice of that variant resumes.
    static func saved(exam: Exam, store: any ProgressStore, seed: UInt64?) -> (saved: [SavedPractice], reopen: String?) {
        var out: [SavedPractice] = []
        for q in exam.questions {
            guard let pos = try? store.lastPractice(questionID: q.id), seed == nil || pos.seed == seed else { continue }
            let checks = ((try? store.attempts(questionID: q.id, seed: pos.seed, mode: "practice")) ?? [])
                .map { SavedPractice.Check(stepID: $0.stepID, input: $0.input, verdict: $0.verdict) }
            out.append(SavedPractice(questionID: q.id, seed: pos.seed, stepIndex: pos.stepIndex, checks: checks))
        }
        let latest = (try? store.latestPractice())?.questionID
        return (out, out.contains { $0.questionID == latest } ? latest : nil)
    }
}
