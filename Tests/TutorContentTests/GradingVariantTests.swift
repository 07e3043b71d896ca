import MathEngine
import Testing

@testable import TutorContent

/// `variantForGrading` (what `dltutor check` builds) differs from `variant` only in the texts it
/// leaves empty: every value, option, mistake, accepted form and model answer is the same, and so
/// is every verdict.
@Suite("Variant for grading")
struct GradingVariantTests {
    static let seeds: [UInt64?] = [nil] + (1...12).map { Optional($0) }

    @Test func gradingAVariantWithoutItsTextsGivesTheSameVerdicts() throws {
        var graded = 0
        for q in loaded.exam.questions {
            for seed in Self.seeds {
                let full = try q.variant(seed: seed)
                let lean = try q.variantForGrading(seed: seed)
                #expect(lean.text.isEmpty && lean.steps.count == full.steps.count)
                for (a, b) in zip(full.steps, lean.steps) {
                    let at = "\(q.id) seed \(seed.map(String.init) ?? "original") \(a.id)"
                    #expect(b.prompt.isEmpty && b.solution.isEmpty && b.hints.isEmpty, "\(at)")
                    #expect(a.expected == b.expected && a.options == b.options && a.model == b.model, "\(at)")
                    #expect(a.mistakes == b.mistakes && a.alternatives == b.alternatives, "\(at)")
                    #expect(a.keywords == b.keywords && a.definitions == b.definitions && a.label == b.label, "\(at)")
                    let inputs =
                        [ValueText.format(a.expected)] + a.mistakes.map { ValueText.format($0.value) }
                        + a.options + ["0", "-1", "1/2", "x", "(", ""]
                    for input in inputs {
                        #expect(full.grade(step: a.id, input: input) == lean.grade(step: b.id, input: input), "\(at) '\(input)'")
                        graded += 1
                    }
                }
            }
        }
        #expect(graded > 1000)
    }
}
