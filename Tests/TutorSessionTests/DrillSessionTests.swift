import MathEngine
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// A drill that teaches: the answer of a skipped or failed item before the next one, varied
/// items, and the misses at the end.
@Suite("Session: drill")
struct DrillSessionTests {
    static let exam = SessionTests.exam

    func drill(_ topic: String = "params", seed: UInt64 = 5) -> Session {
        var s = Session(
            exam: Self.exam, settings: SessionSettings(mode: .drill, drill: DrillSettings(topic: topic, minutes: 2, seed: seed)))
        _ = s.handle(.tick(at: 0))
        _ = s.handle(.startDrill)
        return s
    }

    /// Skips (and moves past the shown answer) until an item of `kind` is on screen.
    func skip(to kind: StepKind, _ s: inout Session) throws {
        for _ in 0..<20 where s.practice?.step.kind != kind {
            _ = s.handle(.skip)
            _ = s.handle(.submit)
        }
        #expect(s.practice?.step.kind == kind)
    }

    @Test func aSkippedItemShowsItsAnswerUntilEnter() throws {
        var s = drill()
        let p = try #require(s.practice)
        let effects = s.handle(.skip)
        #expect(
            effects == [
                .revealed(questionID: p.variant.id, stepID: p.step.id, seed: p.variant.seed, mode: "drill", automatic: false)
            ])
        #expect(s.drill?.showingAnswer == true)
        #expect(s.practice?.variant.seed == p.variant.seed && s.practice?.stepIndex == p.stepIndex, "still the same item")
        #expect(s.practice?.record.revealed == true)
        type("7", &s) // the answer is showing: no typing
        #expect(s.practice?.record.draft.isEmpty == true)
        _ = s.handle(.submit)
        #expect(s.drill?.showingAnswer == false)
        #expect(s.practice?.variant.seed != p.variant.seed)
        let miss = try #require(s.drill?.misses.first)
        #expect(miss.label == p.step.label && miss.lastTry == nil)
        #expect(miss.answer == (p.step.expected.textValue ?? p.step.expected.display))
        #expect(s.drill?.tried == 1 && s.drill?.score == 0)
    }

    @Test func twoWrongTriesFailTheItemAndShowTheWorkedStep() throws {
        var s = drill()
        try skip(to: .integer, &s)
        let before = s.drill!.misses.count
        let p = try #require(s.practice)
        let wrong = "\(Int(p.step.expected.display)! + 1000)"
        type(wrong, &s)
        _ = s.handle(.submit)
        #expect(s.drill?.showingAnswer == false, "one wrong try: try again")
        _ = s.handle(.clearField)
        type(wrong, &s)
        let effects = s.handle(.submit)
        #expect(effects.contains { if case .revealed(_, _, _, "drill", true) = $0 { true } else { false } })
        #expect(s.drill?.showingAnswer == true)
        #expect(s.practice?.record.status == .revealed)
        #expect(s.drill?.misses.count == before + 1)
        #expect(s.drill?.misses.last?.lastTry == wrong)
        #expect(s.drill?.misses.last?.answer == p.step.expected.display)
    }

    @Test func itemsVaryEveryStepBeforeARepeatAndNeverTwiceInARow() throws {
        var s = drill("shapes", seed: 11)
        let count = s.drillCandidates("shapes").count
        var seen: [String] = []
        var seeds: [UInt64?] = []
        for _ in 0..<(2 * count + 3) {
            let p = try #require(s.practice)
            seen.append("\(p.variant.id)/\(p.step.id)")
            seeds.append(p.variant.seed)
            _ = s.handle(.skip)
            _ = s.handle(.submit)
        }
        #expect(Set(seen.prefix(count)).count == count, "every step of the topic before any repeats")
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 != $1 }, "\(seen)")
        #expect(Set(seeds).count > count, "fresh variants")
    }

    @Test func anItemWithWrongTriesWhenTimeRunsOutIsAMiss() throws {
        var s = drill()
        try skip(to: .integer, &s)
        let misses = s.drill!.misses.count, tried = s.drill!.tried
        type("\(Int(s.practice!.step.expected.display)! + 1000)", &s)
        _ = s.handle(.submit)
        let effects = s.handle(.tick(at: 121))
        #expect(s.drill?.phase == .results)
        #expect(s.drill?.misses.count == misses + 1)
        #expect(effects == [.finishDrill(topic: "params", score: 0, tried: tried + 1)])
    }
}
