import MathEngine
import Testing
import TutorApp
import TutorStore

/// The review quality the recorder gives a checked step, decided from the verdict's kind.
@Suite("Review: outcome from the verdict")
struct ReviewOutcomeTests {
    private func quality(_ verdict: VerdictKind, tries: Int = 0, revealed: Bool = false, helped: Bool = false) -> Int {
        SM2.quality(SM2.Outcome(verdict: verdict, wrongTriesBefore: tries, revealed: revealed, helped: helped))
    }

    @Test func qualityFromVerdicts() {
        #expect(quality(.correct) == 5)
        #expect(quality(.correctAlternative, tries: 2) == 4)
        #expect(quality(.carriedForward) == 3)
        #expect(quality(.incorrect) == 2)
        #expect(quality(.namedMistake) == 1)
        #expect(quality(.correct, tries: 3, revealed: true) == 0)
    }

    @Test func selfAssessmentCountsLikeAnAnswer() {
        #expect(quality(.selfAssessedCovered) == 5)
        #expect(quality(.selfAssessedMissed) == 2)
    }

    @Test func aHintedRightAnswerIsNotCountedAsKnown() {
        for right in [VerdictKind.correct, .correctAlternative, .carriedForward, .selfAssessedCovered] {
            #expect(SM2.Outcome(verdict: right, wrongTriesBefore: 0, revealed: false, helped: true) == .withHelp)
        }
        #expect(quality(.namedMistake, helped: true) == 1)
    }

    @Test func storedWordsAreTheGradersShortNames() {
        #expect(Verdict.correct.kind.rawValue == "correct")
        #expect(Verdict.carriedForward.kind == .carriedForward)
        let mistake = Mistake(value: .number(1), explanation: "x")
        #expect(Verdict.incorrect(mistakes: [mistake], wrongEntries: [], reason: nil).kind == .namedMistake)
        #expect(Verdict.incorrect(mistakes: [], wrongEntries: [], reason: nil).shortName == "incorrect")
        #expect(VerdictKind(rawValue: "self-assessed covered") == .selfAssessedCovered)
    }
}
