import Foundation
import GRDB
import Testing

@testable import TutorStore

/// Schema v3 on real SQLite files: reveals kept in order among checks, quiz checkpoints and
/// statuses, and a version 2 file migrated in place.
@Suite("TutorStore: reveals and quiz checkpoints")
struct ResumeStoreTests {
    @Test func revealsSurviveReopeningAndKnowHowManyChecksCameBefore() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try openSaving(tmp.db)
            // Same instant for everything (as with a frozen clock): order must come from the ids.
            try store.recordReveal(
                StoredReveal(time: day(0), mode: "practice", questionID: "q3", stepID: "a", seed: nil, reason: "key"))
            try store.record(attempt("q3", "a", at: day(0)))
            try store.record(attempt("q3", "b", at: day(0), seed: 7))
            try store.record(attempt("q3", "b", at: day(0), verdict: "incorrect", correct: false))
            try store.recordReveal(
                StoredReveal(time: day(0), mode: "practice", questionID: "q3", stepID: "b", seed: nil, reason: "auto"))
            try store.recordReveal(
                StoredReveal(time: day(0), mode: "review", questionID: "q3", stepID: "c", seed: nil, reason: "key"))
        }
        let store = try openSaving(tmp.db)
        let practice = try store.reveals(questionID: "q3", seed: nil, mode: "practice")
        #expect(practice.map(\.stepID) == ["a", "b"])
        #expect(practice.map(\.checksBefore) == [0, 2], "the seed-7 attempt belongs to another variant")
        #expect(practice.map(\.reason) == ["key", "auto"])
        #expect(try store.reveals(questionID: "q3", seed: 7, mode: nil).isEmpty)
        #expect(try store.reveals(questionID: "q3", seed: nil, mode: nil).count == 3)
        try store.reset(questionID: "q3")
        #expect(try store.reveals(questionID: "q3", seed: nil, mode: nil).isEmpty)
    }

    @Test func aRunningQuizKeepsItsCheckpointUntilAbandoned() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let settings = StoredQuizSettings(minutes: 5, questionIDs: ["q3"], seed: 4, feedback: "end")
        let id: Int64
        do {
            let store = try openSaving(tmp.db)
            id = try #require(try store.saveQuiz(QuizRecord(startedAt: day(0), settings: settings)))
            #expect(try store.unfinishedQuiz() == nil, "no checkpoint yet: nothing to continue")
            try store.saveQuizCheckpoint(id: id, elapsed: 100, checkpoint: "{\"a\":1}")
        }
        let store = try openSaving(tmp.db)
        let open = try #require(try store.unfinishedQuiz())
        #expect(open.quiz.id == id && open.quiz.status == .running && open.quiz.settings == settings)
        #expect(open.elapsed == 100 && open.checkpoint == "{\"a\":1}")
        try store.abandonQuiz(id: id)
        #expect(try store.unfinishedQuiz() == nil)
        #expect(try store.quizzes().map(\.status) == [.abandoned])
        try store.saveQuizCheckpoint(id: id, elapsed: 200, checkpoint: "{}")
        #expect(try store.unfinishedQuiz() == nil, "an abandoned quiz never comes back")
        let csv = try store.export(.csv, since: nil)
        #expect(csv.contains("quiz,2025-03-01T09:00:00Z,quiz,q3,,,4,,,,,,\(id),,,,5,end,abandoned,\r\n"), "no score: \(csv)")
    }

    @Test func aFinishedQuizIsNoLongerRunning() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        var quiz = QuizRecord(
            startedAt: day(0), settings: StoredQuizSettings(minutes: 5, questionIDs: ["q3"], seed: nil, feedback: "end"))
        quiz.id = try store.saveQuiz(quiz)
        try store.saveQuizCheckpoint(id: quiz.id!, elapsed: 10, checkpoint: "{}")
        quiz.endedAt = day(0, hour: 9.1)
        quiz.status = .finished
        quiz.score = 3
        quiz.maxScore = 10
        try store.saveQuiz(quiz)
        #expect(try store.unfinishedQuiz() == nil)
        #expect(try store.quizHistory().map(\.status) == [.finished])
    }

    @Test func aVersion2FileIsMigratedInPlace() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do { // what dltutor with schema 2 left: a finished quiz and an unfinished one
            let queue = try DatabaseQueue(path: tmp.db)
            try Schema.migrator.migrate(queue, upTo: "v2")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO quiz (id, started_at, ended_at, minutes, question_ids, seed, feedback, score, max_score)
                        VALUES (1, 1000, 1600, 10, 'q1', NULL, 'end', 4, 10), (2, 2000, NULL, 10, 'q1', NULL, 'end', 0, 0);
                        INSERT INTO attempt (time, mode, question_id, step_id, input, verdict, correct)
                        VALUES (1000, 'practice', 'q3', 'a.total', '619', 'correct', 1);
                        PRAGMA user_version = 2;
                        """)
            }
        }
        let store = try openSaving(tmp.db)
        #expect(try store.db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
        #expect(try store.quizzes().map(\.status) == [.finished, .abandoned])
        #expect(try store.attempts(questionID: "q3", seed: nil, mode: nil).map(\.input) == ["619"])
        try store.recordReveal(
            StoredReveal(time: day(0), mode: "practice", questionID: "q3", stepID: "b", seed: nil, reason: "key"))
        #expect(try store.reveals(questionID: "q3", seed: nil, mode: nil).map(\.checksBefore) == [1])
        let csv = try store.export(.csv, since: nil)
        #expect(!csv.contains(",0,0,10,end"), "the unfinished v2 quiz is not exported as 0 / 0: \(csv)")
    }
}
