import MathEngine
import TutorContent

/// Runs the authors' question tests (`tests:` on a step) as lint: every test on the original exam,
/// and a test with `{placeholders}` on every seeded variant too; a test with `seed: N` runs on that
/// seed alone. A failing test is one error at its line, saying where it failed: "original exam",
/// "12 of 500 seeds, e.g. seed 7", both, or "seed 7" for a seeded test.
enum StepTestLint {
    static func check(_ q: Question, seeds: Int) -> [Diagnostic] {
        check(q, variants: LintVariants(q, seeds: seeds))
    }

    /// Runs the tests on the variants lint built; a variant whose texts could not be rendered is
    /// built again for grading alone (its tests still run, as the tutor grades it).
    static func check(_ q: Question, variants: LintVariants) -> [Diagnostic] {
        let seeds = variants.seeds
        let tested = q.steps.filter { !$0.tests.isEmpty }
        guard !tested.isEmpty else { return [] }
        var failures: [String: Failure] = [:]
        var order: [String] = []
        func record(_ key: String, _ failure: Failure) {
            if failures[key] == nil {
                order.append(key)
                failures[key] = failure
            } else {
                failures[key]!.merge(failure)
            }
        }
        if let v = variants.original ?? (try? q.variantForGrading()) {
            for (key, f) in failing(tested, in: v, variesOnly: false) { record(key, f) }
        }
        let varying = tested.contains { $0.tests.contains(where: \.varies) }
        if varying, seeds > 0 {
            for (seed, result) in variants.seeded.prefix(seeds) {
                // lint reports a seed that cannot be built itself
                guard let v = (try? result.get()) ?? (try? q.variantForGrading(seed: seed)) else { continue }
                for (key, f) in failing(tested, in: v, variesOnly: true) { record(key, f) }
            }
        }
        for (key, f) in failingSeededTests(tested, of: q) { record(key, f) }
        return order.map { key in
            let f = failures[key]!
            return Diagnostic(file: q.file, line: f.line, message: "\(f.message) (\(f.place(seeds: seeds))).")
        }
    }

    /// One failing test, with where it failed.
    struct Failure {
        var line: Int
        var message: String
        var original = false
        var seeds: [UInt64] = []
        /// The seed of a test that runs on that seed alone.
        var pinned: UInt64?

        mutating func merge(_ other: Failure) {
            original = original || other.original
            seeds += other.seeds
        }

        func place(seeds total: Int) -> String {
            if let pinned { return "seed \(pinned)" }
            var parts: [String] = []
            if original { parts.append("original exam") }
            if let first = seeds.first { parts.append("\(seeds.count) of \(total) seeds, e.g. seed \(first)") }
            return parts.joined(separator: " and ")
        }
    }

    /// The failing tests with a `seed`, each run on its own seeded variant (built here, since the
    /// seed may be past the ones lint reads).
    static func failingSeededTests(_ steps: [Step], of q: Question) -> [(String, Failure)] {
        var out: [(String, Failure)] = []
        for step in steps {
            for (i, test) in step.tests.enumerated() {
                guard let seed = test.seed else { continue }
                let problem: String?
                do throws(ContentError) {
                    // a variant whose texts cannot be rendered is still graded, as the tutor does
                    if let v = try? q.variant(seed: seed) {
                        problem = run(test, step: step, in: v)
                    } else {
                        problem = run(test, step: step, in: try q.variantForGrading(seed: seed))
                    }
                } catch {
                    problem = "the variant cannot be built: \(error.message)"
                }
                guard let problem else { continue }
                let message = "step '\(step.id)': test \(i + 1) (\"\(test.input.source)\"): \(problem)"
                out.append(("\(step.id)#\(i)|\(problem)", Failure(line: test.line, message: message, pinned: seed)))
            }
        }
        return out
    }

    /// The failing tests of `steps` in variant `v`, keyed by test and by what went wrong; tests
    /// with a `seed` run apart, on their seed.
    static func failing(_ steps: [Step], in v: Variant, variesOnly: Bool) -> [(String, Failure)] {
        var out: [(String, Failure)] = []
        for step in steps {
            for (i, test) in step.tests.enumerated() where test.seed == nil && (!variesOnly || test.varies) {
                guard let problem = run(test, step: step, in: v) else { continue }
                let message = "step '\(step.id)': test \(i + 1) (\"\(test.input.source)\"): \(problem)"
                var failure = Failure(line: test.line, message: message)
                if v.seed == nil { failure.original = true } else { failure.seeds = [v.seed!] }
                out.append(("\(step.id)#\(i)|\(problem)", failure))
            }
        }
        return out
    }

    /// What is wrong with one test in one variant, or nil when it passes.
    static func run(_ test: StepTest, step: Step, in v: Variant) -> String? {
        let scope = Environment(variables: v.formulaScope)
        let input: String
        var given: [String: Value] = [:]
        do throws(ContentError) {
            input = try test.input.render(scope, file: v.question.file, what: "test input")
            for g in test.given {
                let text = try g.input.render(scope, file: v.question.file, what: "test given")
                guard let value = v.read(step: g.step, input: text) else {
                    return "the given '\(g.step)' (\"\(text)\") cannot be read"
                }
                given[g.step] = value
            }
        } catch {
            return error.message
        }
        let verdict = v.grade(step: step.id, input: input, given: given)
        let got = StepTest.Expected(verdict)
        if got != test.expected { return "expected \(test.expected.rawValue), got \(got.rawValue): \(verdict.message)" }
        if let n = test.mistake, case .incorrect(let mistakes, _, _) = verdict {
            let named = mistakes.compactMap(\.id).compactMap { $0.split(separator: "#").last.flatMap { Int($0) } }
            if !named.contains(n) {
                return "expected mistake \(n), got mistake \(named.map(String.init).joined(separator: ", "))"
            }
        }
        return nil
    }
}
