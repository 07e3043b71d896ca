import MathEngine
import TutorContent

/// Named mistakes that can never be shown: a mistake whose value equals the step's answer is
/// left out of that variant (naming it would call a right answer wrong), so one that equals the
/// answer in the original exam and in every seed is dead text. Lint warns at the mistake's line.
enum MistakeAnswerLint {
    static func check(_ q: Question, variants: LintVariants) -> [Diagnostic] {
        let built = variants.all
        // A question whose variants cannot be built is reported as such; nothing to compare.
        guard let first = built.first else { return [] }
        var out: [Diagnostic] = []
        for (index, spec) in q.steps.enumerated() where spec.kind != .text && !spec.mistakes.isEmpty {
            var shown = Set<Int>()
            for v in built where v.steps.indices.contains(index) {
                shown.formUnion(v.steps[index].mistakes.map(\.fileNumber))
            }
            for number in 1...spec.mistakes.count where !shown.contains(number) {
                out.append(
                    Diagnostic(
                        file: q.file, line: LeakLintLines.mistake(spec, number: number),
                        message:
                            "step '\(spec.id)': mistake \(number) always equals the answer; it can never be shown (\(everywhere(variants, first))).",
                        severity: .warning))
            }
        }
        return out
    }

    /// "original exam and all 500 seeds"; the seeds alone when the original could not be built.
    static func everywhere(_ variants: LintVariants, _ first: Variant) -> String {
        let n = variants.built.count
        let seedText =
            "\(n == variants.seeded.count ? "all " : "the ")\(n) seed\(n == 1 ? "" : "s")\(n == variants.seeded.count ? "" : " that could be built")"
        return first.isOriginal ? "original exam and \(seedText)" : seedText
    }
}
