import Foundation
import GRDB
import Testing

@testable import TutorStore

@Suite struct RoundTripTests {
    @Test func attemptsRoundTripEveryField() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        let a = attempt(
            "q3", "a.total", at: day(0), input: "3(n+1), \"x\"\nσ²", verdict: "named-mistake",
            mistake: "Forgot the bias.", correct: false, seconds: 12.25, seed: .max, topic: "params",
            quizID: nil)
        let b = attempt("q3", "a.total", at: day(0, hour: 10), seconds: nil, seed: .max, mode: "quiz")
        let original = attempt("q3", "a.total", at: day(1), seed: nil)
        try store.record(a)
        try store.record(b)
        try store.record(original)
        #expect(try store.attempts(questionID: "q3", seed: .max, mode: nil) == [a, b])
        #expect(try store.attempts(questionID: "q3", seed: .max, mode: "quiz") == [b])
        #expect(try store.attempts(questionID: "q3", seed: nil, mode: "practice") == [original])
        #expect(try store.attempts(questionID: "q4", seed: nil, mode: nil).isEmpty)
    }

    @Test func practicePositionKeepsTheLatestPerQuestion() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        #expect(try store.lastPractice(questionID: "q1") == nil)
        try store.savePosition(PracticePosition(questionID: "q1", seed: 7, stepIndex: 2, updatedAt: day(0)))
        try store.savePosition(PracticePosition(questionID: "q2", seed: nil, stepIndex: 0, updatedAt: day(1)))
        try store.savePosition(PracticePosition(questionID: "q1", seed: 9, stepIndex: 4, updatedAt: day(2)))
        #expect(
            try store.lastPractice(questionID: "q1")
                == PracticePosition(questionID: "q1", seed: 9, stepIndex: 4, updatedAt: day(2)))
        #expect(try store.lastPractice(questionID: "q2")?.seed == nil)
        #expect(try store.latestPractice()?.questionID == "q1")
    }

    @Test func quizIsSavedAtStartAndReplacedAtEnd() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        let settings = StoredQuizSettings(
            minutes: 30, questionIDs: ["q1", "q3"], seed: 12_345_678_901_234_567_890, feedback: "end")
        var quiz = QuizRecord(startedAt: day(0), settings: settings)
        let id = try #require(try store.saveQuiz(quiz))
        #expect(try store.quizzes() == [QuizRecord(id: id, startedAt: day(0), settings: settings)])
        quiz.id = id
        quiz.endedAt = day(0, hour: 9.5)
        quiz.status = .finished
        quiz.score = 7.5
        quiz.maxScore = 10
        quiz.steps = [
            QuizStepResult(questionID: "q1", stepID: "a", verdict: "correct", score: 5, maxScore: 5),
            QuizStepResult(questionID: "q3", stepID: "b", verdict: nil, score: 2.5, maxScore: 5)
        ]
        #expect(try store.saveQuiz(quiz) == id)
        #expect(try store.quizzes() == [quiz])
        #expect(
            try store.quizHistory() == [
                QuizSummary(id: id, startedAt: day(0), endedAt: day(0, hour: 9.5), score: 7.5, maxScore: 10)
            ])
    }

    @Test func attemptWithAnUnknownQuizIDIsStillSaved() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        try store.record(attempt("q1", "a", at: day(0), mode: "quiz", quizID: 99))
        #expect(store.isSaving)
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: "quiz").map(\.quizID) == [99])
    }

    @Test func reviewItemRoundTrips() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        let item = try store.recordReview(question: "q2", step: "b", quality: 4, at: day(0))
        #expect(try store.reviewItem(question: "q2", step: "b") == item)
        #expect(
            item
                == ReviewItem(
                    questionID: "q2", stepID: "b", easiness: 2.5, repetitions: 1, intervalDays: 1,
                    due: day(1), lastReviewed: day(0), lastQuality: 4))
    }

    @Test func nullStoreKeepsThisRunInMemoryAndNeverThrows() throws {
        let store = InMemoryStore()
        #expect(!store.isSaving)
        #expect(store.location == nil)
        try store.record(attempt("q1", "a", at: day(0)))
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).count == 1)
        #expect(try store.recordReview(question: "q1", step: "a", quality: 5, at: day(0)).intervalDays == 1)
        #expect(try store.dueCount(at: day(1)) == 1)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(
            StorePaths.defaultDatabasePath(environment: ["XDG_DATA_HOME": "/data/x/", "HOME": "/home/s"])
                == "/data/x/dltutor/dltutor.sqlite")
        #expect(
            StorePaths.defaultDatabasePath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/s"])
                == "/home/s/.local/share/dltutor/dltutor.sqlite")
        #expect(StorePaths.defaultDatabasePath(environment: ["HOME": "/home/s"]) == "/home/s/.local/share/dltutor/dltutor.sqlite")
    }
}

@Suite struct MigrationTests {
    @Test func freshFileGetsTheSchemaInWALWithFullSync() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let path = tmp.path + "/a/b/dltutor.sqlite" // folders created
        let store = try openSaving(path)
        let (version, app, journal, sync, migrations) = try store.db.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(version == SQLiteStore.schemaVersion)
        #expect(app == Schema.applicationID)
        #expect(journal == "wal")
        #expect(sync == 2) // FULL
        #expect(migrations == ["v1", "v2", "v3", "v4", "v5"])
    }

    @Test func emptyFileIsMigratedAndExistingDataSurvivesReopening() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        #expect(FileManager.default.createFile(atPath: tmp.db, contents: Data()))
        do {
            let store = try openSaving(tmp.db)
            try store.record(attempt("q1", "a", at: day(0)))
        }
        let again = try openSaving(tmp.db)
        #expect(try again.attempts(questionID: "q1", seed: nil, mode: nil).count == 1)
        try again.record(attempt("q1", "b", at: day(1)))
        #expect(try again.attempts(questionID: "q1", seed: nil, mode: nil).map(\.stepID) == ["a", "b"])
    }
}

@Suite("TutorStore: drill results (schema v2)")
struct DrillStoreTests {
    @Test func bestScorePerTopicSurvivesReopening() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let path = tmp.db
        do {
            let store = try openSaving(path)
            try store.saveDrill(
                DrillRecord(startedAt: Date(timeIntervalSince1970: 1000), topic: "shapes", minutes: 5, score: 4, tried: 6))
            try store.saveDrill(
                DrillRecord(startedAt: Date(timeIntervalSince1970: 2000), topic: "shapes", minutes: 5, score: 7, tried: 9))
            try store.saveDrill(
                DrillRecord(startedAt: Date(timeIntervalSince1970: 3000), topic: "loss", minutes: 2, score: 2, tried: 3))
        }
        let reopened = try openSaving(path)
        #expect(try reopened.bestDrillScores() == ["shapes": 7, "loss": 2])
        try reopened.resetAll()
        #expect(try reopened.bestDrillScores().isEmpty)
    }
}

@Suite("TutorStore: migration from schema v1")
struct UpgradeTests {
    @Test func aVersion1FileIsMigratedToVersion2KeepingItsData() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do { // what an earlier dltutor left: only v1 applied
            let queue = try DatabaseQueue(path: tmp.db)
            try Schema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO attempt (time, mode, question_id, step_id, input, verdict, correct)
                        VALUES (1000, 'practice', 'q3', 'a.total', '691', 'named-mistake', 0)
                        """)
            }
        }
        let store = try openSaving(tmp.db)
        #expect(try store.attempts(questionID: "q3", seed: nil, mode: nil).map(\.input) == ["691"])
        try store.saveDrill(
            DrillRecord(startedAt: Date(timeIntervalSince1970: 5), topic: "params", minutes: 1, score: 3, tried: 3))
        #expect(try store.bestDrillScores() == ["params": 3])
        #expect(try store.db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
    }

    @Test func aVersion4FileGetsRealQuizMinutesInPlaceKeepingQuizzesAndTheirSteps() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do { // schema v4: minutes INTEGER, a finished quiz with its steps and a running one
            let queue = try DatabaseQueue(path: tmp.db)
            try Schema.migrator.migrate(queue, upTo: "v4")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO quiz (id, started_at, ended_at, minutes, question_ids, seed, feedback, score, max_score, status)
                            VALUES (1, 1000, 2800, 30, 'q3 q4', 4, 'end', 7.5, 10, 'finished');
                        INSERT INTO quiz_step VALUES (1, 0, 'q3', 'a.total', 'correct', 2.5, 2.5), (1, 1, 'q4', 'W1', NULL, 0, 1);
                        INSERT INTO quiz (id, started_at, minutes, question_ids, feedback, score, max_score, status, elapsed, checkpoint)
                            VALUES (2, 5000, 10, 'q3', 'immediate', 0, 0, 'running', 42, '{}');
                        """)
            }
        }
        let store = try openSaving(tmp.db)
        #expect(try store.db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 5)
        let type = try store.db.read {
            try String.fetchOne($0, sql: "SELECT type FROM pragma_table_info('quiz') WHERE name = 'minutes'")
        }
        #expect(type == "REAL")
        let quizzes = try store.quizzes()
        #expect(quizzes.map(\.settings.minutes) == [30, 10])
        #expect(quizzes.first?.steps.map(\.stepID) == ["a.total", "W1"], "quiz_step rows survive the rebuild")
        #expect(quizzes.first?.score == 7.5)
        #expect(try store.unfinishedQuiz()?.quiz.id == 2, "the running quiz can still be continued")
        let index = try store.db.read {
            try String.fetchOne($0, sql: "SELECT name FROM sqlite_master WHERE name = 'quiz_started'")
        }
        #expect(index == "quiz_started")
        try store.saveQuiz(
            QuizRecord(
                startedAt: Date(timeIntervalSince1970: 9000),
                settings: StoredQuizSettings(minutes: 7.5, questionIDs: ["q5"], seed: nil, feedback: "end"),
                score: 0, maxScore: 0, steps: []))
        #expect(try store.quizzes().last?.settings.minutes == 7.5)
    }
}
