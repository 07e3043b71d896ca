import TerminalUI
import TestFixtures
import Testing
import TutorContent

@testable import TutorScreens
@testable import TutorSession

/// 80×24 snapshots of a review item and a drill: earlier values given, the interval chosen, the
/// worked step after a skip, and the list of misses.
@Suite("Screens: review and drill snapshots")
struct ReviewDrillSnapshotTests: ScreenTestHelpers {
    static let exam = ScreenSnapshotTests.exam

    @Test func reviewGivesEarlierValuesThenSaysWhenTheStepComesBack() throws {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .review, review: ReviewSettings(items: [.init(questionID: "q3", stepID: "b.n_hidden")], seed: 9)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startReview)
        let p = try #require(s.practice)
        let total = try #require(p.variant.step("a.total")).expected.display
        let before = render(s)
        Snapshot.assert(before.buffer, named: "review-given")
        #expect(text(before).contains("Given (from part a): total parameters = \(total)"))
        #expect(!text(before).contains("your answer to"))
        #expect(!text(before).contains("= " + p.step.expected.display + " "), "the answer is not on screen")
        type(p.step.expected.display, &s)
        _ = s.handle(.submit)
        _ = s.handle(.reviewScheduled(questionID: "q3", stepID: "b.n_hidden", days: 6))
        let after = render(s)
        Snapshot.assert(after.buffer, named: "review-interval")
        #expect(after.buffer.lines()[23].contains("Next review in 6 days"))
    }

    @Test func drillShowsTheAnswerOfASkippedItemAndEndsWithTheMisses() throws {
        var s = Session(
            exam: Self.exam,
            settings: SessionSettings(
                mode: .drill, drill: DrillSettings(topic: "shapes", minutes: 1, seed: 3, best: ["shapes": 4])))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startDrill)
        let first = try #require(s.practice)
        let running = render(s)
        #expect(!text(running).contains("Answer: "), "nothing given away before the skip")
        _ = s.handle(.skip)
        let skipped = render(s)
        Snapshot.assert(skipped.buffer, named: "drill-skipped")
        #expect(text(skipped).contains("Answer: " + (first.step.expected.textValue ?? first.step.expected.display)))
        #expect(skipped.buffer.lines()[23].contains("Enter next one"))
        _ = s.handle(.submit)
        let second = try #require(s.practice)
        type("1×1", &s)
        _ = s.handle(.submit)
        _ = s.handle(.tick(at: 61))
        let results = render(s)
        Snapshot.assert(results.buffer, named: "drill-results-misses")
        #expect(text(results).contains("Missed (2), with the correct answer:"))
        #expect(text(results).contains(second.step.label))
        #expect(text(results).contains("you: 1×1"))
        #expect(text(results).contains("skipped"))
    }
}
