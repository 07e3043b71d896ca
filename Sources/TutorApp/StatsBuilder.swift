import Foundation
import TutorContent
import TutorSession
import TutorStore

/// Turns storage queries into the stats report the screen and `dltutor stats` show.
public enum StatsBuilder {
    public static func report(store: any ProgressStore, exam: Exam, at now: Date) -> StatsReport {
        var r = StatsReport()
        let topics = Dictionary(uniqueKeysWithValues: exam.questions.map { ($0.id, $0.topic) })
        let order = Dictionary(uniqueKeysWithValues: exam.questions.enumerated().map { ($1.id, $0) })
        r.storage =
            store.isSaving
            ? "Progress is saved in \(store.location ?? "memory")."
            : "Progress is not being saved: \(store.notSavingReason?.message ?? "saving is off")."
        r.byQuestion = ((try? store.accuracyByQuestion(mode: nil)) ?? [])
            .sorted { (order[$0.key] ?? 99) < (order[$1.key] ?? 99) }
            .map { StatsReport.Rate(label: $0.key.uppercased(), attempts: $0.attempts, correct: $0.correct) }
        r.byTopic = ((try? store.accuracyByTopic(topics: topics, mode: nil)) ?? [])
            .map { StatsReport.Rate(label: $0.key, attempts: $0.attempts, correct: $0.correct) }
        r.mistakes = ((try? store.frequentMistakes(limit: 10)) ?? [])
            .map { StatsReport.Count(label: "\($0.questionID.uppercased()) \($0.stepID): \($0.mistake)", count: $0.count) }
        r.times = ((try? store.stepTimes()) ?? []).filter { $0.questionID != "*" }
            .sorted { $0.median > $1.median }
            .map {
                StatsReport.Time(label: "\($0.questionID.uppercased()) \($0.stepID)", count: $0.count, medianSeconds: $0.median)
            }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        r.quizzes = ((try? store.quizHistory()) ?? []).filter { $0.status == .finished }
            .map { StatsReport.Quiz(date: formatter.string(from: $0.startedAt), score: $0.score, maxScore: $0.maxScore) }
        r.dueCount = (try? store.dueCount(at: now)) ?? 0
        return r
    }
}
