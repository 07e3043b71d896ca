import Foundation
import Testing

@testable import TutorStore

@Suite struct ReviewTests {
    /// Reviews the same item with these qualities, each on the day it falls due.
    func schedule(_ qualities: [Int], store: any ProgressStore) throws -> [ReviewItem] {
        var time = day(0)
        return try qualities.map { q in
            let item = try store.recordReview(question: "q1", step: "a", quality: q, at: time)
            time = item.due
            return item
        }
    }

    @Test func qualityFourKeepsEF25AndGivesIntervals1_6_15() throws {
        let items = try schedule([4, 4, 4, 4], store: InMemoryStore())
        #expect(items.map(\.intervalDays) == [1, 6, 15, 38]) // 15·2.5 = 37.5 → 38
        #expect(items.map(\.easiness) == [2.5, 2.5, 2.5, 2.5])
        #expect(items.map(\.repetitions) == [1, 2, 3, 4])
    }

    /// q = 5 raises EF by 0.1 per review; the interval uses EF before the review (Wikipedia's
    /// SM-2 pseudocode), so the third interval is round(6 × 2.7) = 16.
    @Test func qualityFiveRaisesEF() throws {
        let items = try schedule([5, 5, 5], store: InMemoryStore())
        #expect(items.map(\.intervalDays) == [1, 6, 16])
        #expect(items.map { ($0.easiness * 100).rounded() / 100 } == [2.6, 2.7, 2.8])
        #expect(items[2].due == day(23))
    }

    @Test func easinessNeverFallsBelow1_3() throws {
        let items = try schedule([0, 0, 0, 0, 0], store: InMemoryStore())
        #expect(items.map { ($0.easiness * 100).rounded() / 100 } == [1.7, 1.3, 1.3, 1.3, 1.3])
        #expect(items.allSatisfy { $0.intervalDays == 1 && $0.repetitions == 0 })
    }

    @Test func qualityBelowThreeResetsRepetitions() throws {
        let items = try schedule([5, 5, 5, 2, 4], store: InMemoryStore())
        #expect(items.map(\.repetitions) == [1, 2, 3, 0, 1])
        #expect(items.map(\.intervalDays) == [1, 6, 16, 1, 1])
        #expect(items[3].easiness < items[2].easiness)
    }

    @Test func namedMistakeComesBackSoonerThanACorrectAnswer() throws {
        let store = InMemoryStore()
        for q in ["q1", "q2"] { try store.recordReview(question: q, step: "a", quality: 5, at: day(0)) }
        for q in ["q1", "q2"] { try store.recordReview(question: q, step: "a", quality: 5, at: day(1)) }
        let ok = try store.recordReview(question: "q1", step: "a", quality: SM2.quality(.correctFirstTry), at: day(7))
        let missed = try store.recordReview(question: "q2", step: "a", quality: SM2.quality(.namedMistake), at: day(7))
        #expect(missed.due < ok.due)
        #expect(missed.due == day(8))
    }

    @Test func dueItemsInDueOrderOnDisk() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        try store.recordReview(question: "q1", step: "a", quality: 5, at: day(0)) // due day 1
        try store.recordReview(question: "q1", step: "a", quality: 5, at: day(1)) // due day 7
        try store.recordReview(question: "q2", step: "b", quality: 1, at: day(2)) // due day 3
        try store.recordReview(question: "q3", step: "c", quality: 4, at: day(0, hour: 8)) // due day 1, 8:00
        #expect(try store.dueCount(at: day(0, hour: 23)) == 0)
        #expect(try store.dueItems(at: day(3)).map(\.questionID) == ["q3", "q2"])
        #expect(try store.dueCount(at: day(7)) == 3)
        #expect(try store.dueItems(at: day(30)).map(\.questionID) == ["q3", "q2", "q1"])
        let reopened = try openSaving(tmp.db)
        #expect(try reopened.reviewItem(question: "q1", step: "a")?.intervalDays == 6)
    }
}

@Suite struct ExportTests {
    func fixture() throws -> (SQLiteStore, TempFolder) {
        let tmp = TempFolder()
        let store = try openSaving(tmp.db)
        try store.record(
            attempt(
                "q1", "a", at: day(0), input: "1, 2, \"three\"\nfour", verdict: "named-mistake",
                mistake: "Used n, not n+1.", correct: false, seconds: 12.5, seed: 18_446_744_073_709_551_615,
                topic: "params"))
        try store.saveQuiz(
            QuizRecord(
                startedAt: day(1), endedAt: day(1, hour: 9.5),
                settings: StoredQuizSettings(minutes: 30, questionIDs: ["q1", "q2"], seed: nil, feedback: "end"),
                score: 7.5, maxScore: 10))
        try store.record(attempt("q2", "b", at: day(2), input: "σ(z)", seconds: nil, mode: "quiz", quizID: 1))
        return (store, tmp)
    }

    @Test func csvQuotesCommasQuotesAndNewlines() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        let csv = try store.export(.csv, since: nil)
        let expected =
            [
                "kind,time,mode,question,topic,step,seed,input,verdict,mistake,correct,seconds,quiz_id,ended,score,max_score,minutes,feedback,status,first_seconds",
                "attempt,2025-03-01T09:00:00Z,practice,q1,params,a,18446744073709551615,\"1, 2, \"\"three\"\"\nfour\",named-mistake,\"Used n, not n+1.\",false,12.5,,,,,,,,12.5",
                "quiz,2025-03-02T09:00:00Z,quiz,q1 q2,,,,,,,,1800,1,2025-03-02T09:30:00Z,7.5,10,30,end,finished,",
                "attempt,2025-03-03T09:00:00Z,quiz,q2,,b,,σ(z),correct,,true,,1,,,,,,,"
            ].joined(separator: "\r\n") + "\r\n"
        #expect(csv == expected)
    }

    @Test func jsonHasTheSameFieldsAndParses() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        let json = try store.export(.json, since: nil)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 3)
        #expect(parsed.allSatisfy { Set($0.keys) == Set(ExportRow.columns) })
        #expect(parsed[0]["input"] as? String == "1, 2, \"three\"\nfour")
        #expect(parsed[0]["seed"] as? String == "18446744073709551615")
        #expect(parsed[0]["correct"] as? Bool == false)
        #expect(parsed[0]["seconds"] as? Double == 12.5)
        #expect(parsed[0]["ended"] is NSNull)
        #expect(parsed[1]["kind"] as? String == "quiz")
        #expect(parsed[1]["score"] as? Double == 7.5)
        #expect(parsed[1]["time"] as? String == "2025-03-02T09:00:00Z")
        #expect(parsed[2]["quiz_id"] as? Int == 1)
    }

    @Test func sinceKeepsLaterRowsOnly() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        let csv = try store.export(.csv, since: day(1))
        #expect(csv.split(separator: "\r\n").map { $0.prefix(while: { $0 != "," }) } == ["kind", "quiz", "attempt"])
        #expect(try store.export(.json, since: day(5)) == "[]\n")
    }
}

@Suite struct ResetAndStatsTests {
    func fixture() throws -> (SQLiteStore, TempFolder) {
        let tmp = TempFolder()
        let store = try openSaving(tmp.db)
        let rows: [StoredAttempt] = [
            attempt(
                "q1", "a", at: day(0), verdict: "named-mistake", mistake: "Forgot the bias.", correct: false, seconds: 30,
                topic: "params"),
            attempt(
                "q1", "a", at: day(0), verdict: "named-mistake", mistake: "Forgot the bias.", correct: false, seconds: 20,
                topic: "params"),
            attempt("q1", "a", at: day(0), seconds: 10, topic: "params"),
            attempt("q1", "b", at: day(0), seconds: 40, topic: "params"),
            attempt(
                "q2", "a", at: day(1), verdict: "named-mistake", mistake: "Squared twice.", correct: false, seconds: 5,
                topic: "loss"),
            attempt("q2", "a", at: day(1), seconds: nil, mode: "quiz", topic: "loss"),
            attempt("q3", "a", at: day(1), verdict: "incorrect", correct: false, seconds: 15)
        ]
        for r in rows { try store.record(r) }
        try store.savePosition(PracticePosition(questionID: "q1", seed: 3, stepIndex: 1, updatedAt: day(0)))
        try store.savePosition(PracticePosition(questionID: "q2", seed: nil, stepIndex: 0, updatedAt: day(1)))
        try store.recordReview(question: "q1", step: "a", quality: 1, at: day(0))
        try store.recordReview(question: "q2", step: "a", quality: 5, at: day(1))
        try store.saveQuiz(
            QuizRecord(
                startedAt: day(1), settings: StoredQuizSettings(minutes: 10, questionIDs: ["q2"], seed: 1, feedback: "end"),
                score: 1, maxScore: 2))
        try store.saveQuiz(
            QuizRecord(
                startedAt: day(2), settings: StoredQuizSettings(minutes: 10, questionIDs: ["q2"], seed: 2, feedback: "end"),
                score: 2, maxScore: 2))
        return (store, tmp)
    }

    @Test func freeTextQuizStepsAreNeitherRightNorWrong() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        try store.record(attempt("q2", "a", at: day(1), mode: "quiz", topic: "loss"))
        try store.record(attempt("q2", "why", at: day(1), verdict: "submitted", correct: false, mode: "quiz", topic: "loss"))
        #expect(try store.accuracyByQuestion(mode: "quiz") == [Accuracy(key: "q2", attempts: 1, correct: 1)])
        #expect(try store.accuracyByTopic(topics: [:], mode: nil) == [Accuracy(key: "loss", attempts: 1, correct: 1)])
    }

    @Test func accuracyPerQuestionAndTopic() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        #expect(
            try store.accuracyByQuestion(mode: nil) == [
                Accuracy(key: "q1", attempts: 4, correct: 2),
                Accuracy(key: "q2", attempts: 2, correct: 1),
                Accuracy(key: "q3", attempts: 1, correct: 0)
            ])
        #expect(try store.accuracyByQuestion(mode: "quiz") == [Accuracy(key: "q2", attempts: 1, correct: 1)])
        #expect(
            try store.accuracyByTopic(topics: [:], mode: nil) == [
                Accuracy(key: "(no topic)", attempts: 1, correct: 0),
                Accuracy(key: "loss", attempts: 2, correct: 1),
                Accuracy(key: "params", attempts: 4, correct: 2)
            ])
        // The app's map wins over the recorded topic.
        #expect(
            try store.accuracyByTopic(topics: ["q3": "params", "q2": "gradients"], mode: nil)
                == [Accuracy(key: "gradients", attempts: 2, correct: 1), Accuracy(key: "params", attempts: 5, correct: 2)])
        #expect(Accuracy(key: "x", attempts: 4, correct: 1).fraction == 0.25)
    }

    @Test func mostFrequentMistakes() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        #expect(
            try store.frequentMistakes(limit: 5) == [
                MistakeCount(questionID: "q1", stepID: "a", mistake: "Forgot the bias.", count: 2),
                MistakeCount(questionID: "q2", stepID: "a", mistake: "Squared twice.", count: 1)
            ])
        #expect(try store.frequentMistakes(limit: 1).count == 1)
    }

    @Test func timesPerStepWithMedianAndMean() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        #expect(
            try store.stepTimes() == [
                TimeSummary(questionID: "*", stepID: "*", count: 6, mean: 20, median: 17.5),
                TimeSummary(questionID: "q1", stepID: "a", count: 3, mean: 20, median: 20),
                TimeSummary(questionID: "q1", stepID: "b", count: 1, mean: 40, median: 40),
                TimeSummary(questionID: "q2", stepID: "a", count: 1, mean: 5, median: 5),
                TimeSummary(questionID: "q3", stepID: "a", count: 1, mean: 15, median: 15)
            ])
    }

    @Test func quizHistoryForTheChart() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        #expect(try store.quizHistory().map { [$0.score, $0.maxScore] } == [[1, 2], [2, 2]])
        #expect(try store.quizHistory().map(\.startedAt) == [day(1), day(2)])
    }

    @Test func resetOneQuestionLeavesTheOthers() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        try store.reset(questionID: "q1")
        #expect(try store.attempts(questionID: "q1", seed: nil, mode: nil).isEmpty)
        #expect(try store.lastPractice(questionID: "q1") == nil)
        #expect(try store.reviewItem(question: "q1", step: "a") == nil)
        #expect(try store.attempts(questionID: "q2", seed: nil, mode: nil).count == 2)
        #expect(try store.lastPractice(questionID: "q2") != nil)
        #expect(try store.reviewItem(question: "q2", step: "a") != nil)
        #expect(try store.quizHistory().count == 2)
    }

    @Test func resetAllEmptiesEverythingAndPersists() throws {
        let (store, tmp) = try fixture()
        defer { tmp.remove() }
        try store.resetAll()
        let reopened = try openSaving(tmp.db)
        #expect(try reopened.allAttempts().isEmpty)
        #expect(try reopened.latestPractice() == nil)
        #expect(try reopened.dueCount(at: day(100)) == 0)
        #expect(try reopened.quizzes().isEmpty)
        #expect(try reopened.export(.csv, since: nil).split(separator: "\r\n").count == 1)
    }
}

@Suite struct QuizMinutesAndFirstTryTests {
    @Test func fractionalMinutesAreKeptAndExported() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try openSaving(tmp.db)
            try store.saveQuiz(
                QuizRecord(
                    startedAt: day(1), endedAt: day(1, hour: 9.2),
                    settings: StoredQuizSettings(minutes: 12.5, questionIDs: ["q3"], seed: 4, feedback: "end"),
                    score: 3, maxScore: 10))
        }
        let store = try openSaving(tmp.db)
        #expect(try store.quizzes().first?.settings.minutes == 12.5)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try store.export(.json, since: nil).utf8)) as? [[String: Any]])
        #expect(json.first?["minutes"] as? Double == 12.5)
        #expect(try store.export(.csv, since: nil).contains(",12.5,end,finished,"))
    }

    @Test func firstSecondsIsTheFirstTryOfThatStepEvenWhenOnlyLaterTriesAreExported() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        try store.record(attempt("q3", "a.total", at: day(0), input: "691", correct: false, seconds: 40, seed: 7))
        try store.record(attempt("q3", "a.total", at: day(0, hour: 10), input: "619", seconds: 8, seed: 7))
        try store.record(attempt("q3", "a.total", at: day(1), input: "619", seconds: 5, seed: 8)) // another variant
        try store.record(attempt("q3", "a.total", at: day(2), input: "619", seconds: 3, seed: 7, mode: "review"))
        func column(_ since: Date?) throws -> [Double?] {
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(try store.export(.json, since: since).utf8)) as? [[String: Any]])
            return rows.map { $0["first_seconds"] as? Double }
        }
        #expect(try column(nil) == [40, 40, 5, 3])
        #expect(try column(day(0, hour: 9.5)) == [40, 5, 3], "the first try is not exported, its seconds are")
    }
}

@Suite struct ReviewCapTests {
    @Test func stepsReviewedTodayCountOnceByCheckOrReveal() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let store = try openSaving(tmp.db)
        try store.record(attempt("q3", "a.total", at: day(1, hour: 8), mode: "review"))
        try store.record(attempt("q3", "a.total", at: day(1, hour: 8.1), mode: "review")) // same step again
        try store.record(attempt("q4", "W1", at: day(1, hour: 9), mode: "practice")) // not review
        try store.record(attempt("q5", "a", at: day(0, hour: 23), mode: "review")) // yesterday
        try store.recordReveal(
            StoredReveal(time: day(1, hour: 10), mode: "review", questionID: "q2", stepID: "b", seed: 4, reason: "key"))
        #expect(try store.reviewedSteps(since: day(1, hour: 0)) == 2)
        let reopened = try openSaving(tmp.db)
        #expect(try reopened.reviewedSteps(since: day(0, hour: 0)) == 3)
    }
}
