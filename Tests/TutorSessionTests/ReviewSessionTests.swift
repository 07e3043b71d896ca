import MathEngine
import Testing
import TutorContent

@testable import TutorSession

/// Spaced review as a sitting: questions interleaved, a daily cap, the interval SM-2 chose, and
/// items that stand alone (earlier values given, never referred to unseen).
@Suite("Session: review sitting")
struct ReviewSessionTests {
    static let exam = SessionTests.exam

    func item(_ q: String, _ step: String) -> ReviewSettings.Item { .init(questionID: q, stepID: step) }

    func review(_ items: [ReviewSettings.Item], max: Int = 20, doneToday: Int = 0) -> Session {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .review, review: ReviewSettings(items: items, seed: 9, maxPerDay: max, doneToday: doneToday)))
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.startReview)
        return s
    }

    @Test func questionsAreInterleavedNotAllStepsOfOneInARow() {
        let due = [item("q3", "a.sizes"), item("q3", "a.total"), item("q3", "b.n_hidden"), item("q4", "W1"), item("q5", "a.a")]
        let planned = ReviewPlan.interleave(due)
        #expect(planned.map(\.questionID) == ["q3", "q4", "q3", "q5", "q3"])
        #expect(
            planned.filter { $0.questionID == "q3" }.map(\.stepID) == ["a.sizes", "a.total", "b.n_hidden"],
            "each question's steps keep their due order")
        #expect(Set(planned) == Set(due))
        // Nothing can separate the steps of the only question left.
        #expect(ReviewPlan.interleave([item("q1", "a"), item("q1", "b")]).map(\.stepID) == ["a", "b"])
        // The session follows the plan.
        var s = review(due)
        var seen: [String] = []
        while let p = s.practice {
            seen.append(p.variant.id)
            _ = s.handle(.skip)
        }
        #expect(seen == ["q3", "q4", "q3", "q5", "q3"])
    }

    @Test func theDailyCapTakesTheMostOverdueAndCountsWhatWasDoneToday() {
        let due = [item("q3", "a.total"), item("q4", "W1"), item("q3", "b.n_hidden"), item("q5", "a.a")]
        #expect(ReviewPlan.plan(due, cap: 2) == [item("q3", "a.total"), item("q4", "W1")])
        let s = review(due, max: 3, doneToday: 1)
        #expect(s.review?.items.count == 2)
        #expect(s.review?.leftOverByCap == 2)
        var full = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .review, review: ReviewSettings(items: due, seed: 9, maxPerDay: 3, doneToday: 3)))
        _ = full.handle(.startReview)
        #expect(full.screen == .start)
        #expect(
            full.notice == "Today's 3 review steps are done; 4 more wait for tomorrow (dltutor review --max N changes the cap).")
    }

    @Test func theIntervalChosenIsKeptForTheItemOnScreenOnly() throws {
        var s = review([item("q3", "a.total"), item("q4", "W1")])
        let p = try #require(s.practice)
        for c in p.step.expected.display { _ = s.handle(.type(c)) }
        let effects = s.handle(.submit)
        #expect(effects.contains { if case .record(let r) = $0 { r.mode == "review" } else { false } })
        _ = s.handle(.reviewScheduled(questionID: "q4", stepID: "W1", days: 9)) // not the item on screen
        #expect(s.review?.nextInDays == nil)
        _ = s.handle(.reviewScheduled(questionID: "q3", stepID: "a.total", days: 6))
        #expect(s.review?.nextInDays == 6)
        _ = s.handle(.submit) // settled: Enter brings the next one
        #expect(s.practice?.step.id == "W1")
        #expect(s.review?.nextInDays == nil, "the next item has not been scheduled yet")
    }

    @Test func aStepBuiltOnEarlierPartsGetsTheirValuesAndNoUnseenReference() throws {
        let s = review([item("q3", "b.n_hidden")])
        let p = try #require(s.practice)
        let total = try #require(p.variant.step("a.total")).expected.display
        #expect(p.givenLines == ["Given (from part a): total parameters = \(total)"])
        #expect(!p.standalonePrompt.contains("your answer"))
        #expect(p.standalonePrompt.contains("the given answer to (a)"))
        // Checked against the given value: the key's answer is right.
        var t = s
        for c in p.step.expected.display { _ = t.handle(.type(c)) }
        _ = t.handle(.submit)
        #expect(t.practice?.record.status == .correct)
    }

    @Test func aGivenValueIsNeverTheAnswerBeingAsked() {
        // Every step of every question, opened alone: no given line shows its own answer.
        for q in Self.exam.questions {
            guard let v = try? q.variant(seed: 3) else { continue }
            for (i, step) in v.steps.enumerated() {
                var p = PracticeState(variant: v)
                p.stepIndex = i
                for line in p.givenLines {
                    #expect(!line.hasSuffix("= " + step.expected.display), "\(q.id) \(step.id): \(line)")
                }
            }
        }
    }
}
