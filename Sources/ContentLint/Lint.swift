import ContentLoading
import MathEngine
import TutorContent

/// Content lint: everything the loader checks, plus what only shows up across many variants.
///
/// The loader already reports syntax, missing fields, unknown kinds and names, duplicate step ids
/// and point sums. Lint then builds the original exam and `seeds` random variants per question
/// and reports: variants that cannot be built (constraints never satisfied, a formula failing for
/// some draw) as errors; named mistakes that give another mistake's value (the tutor cannot tell
/// them apart by value) as warnings, with how often that happens; and every place a text shown
/// before a step is answered states an answer the student has not earned (`LeakLint`).
public enum Lint {
    /// Loads `directory` and lints it; diagnostics are sorted by file and line.
    ///
    /// `leaks` adds the screens' own leak checks (pictures live in the terminal layer).
    public static func run(
        directory: String, seeds: Int = 500,
        leaks: @escaping @Sendable (Variant) -> [LeakLint.Leak] = { _ in [] }
    ) -> [Diagnostic] {
        let result = ExamLoader.load(directory: directory)
        return sorted(result.diagnostics + check(result.exam, seeds: seeds, leaks: leaks))
    }

    /// Lints already loaded questions (without repeating the loader's diagnostics).
    public static func check(
        _ exam: Exam, seeds: Int = 500,
        leaks: @escaping @Sendable (Variant) -> [LeakLint.Leak] = { _ in [] }
    ) -> [Diagnostic] {
        exam.questions.flatMap { check($0, seeds: seeds, leaks: leaks) }
    }

    public static func check(
        _ q: Question, seeds: Int = 500,
        leaks: @escaping @Sendable (Variant) -> [LeakLint.Leak] = { _ in [] }
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for s in q.steps where s.kind != .text && s.hints.count < 2 {
            out.append(
                Diagnostic(
                    file: q.file, line: s.line, message: "step '\(s.id)': give at least 2 progressive hints.", severity: .warning)
            )
        }
        // A step with more named mistakes than a student could meet is an error, and the
        // question is not built 500 times over: lint stays linear in the size of the file.
        let crowded = q.steps.filter { $0.mistakes.count > maxMistakesPerStep }
        for s in crowded {
            out.append(
                Diagnostic(
                    file: q.file, line: s.line,
                    message:
                        "step '\(s.id)': \(s.mistakes.count) named mistakes; at most \(maxMistakesPerStep) are allowed (the variants were not checked)."
                ))
        }
        if !crowded.isEmpty { return out }
        let variants = LintVariants(q, seeds: seeds)
        out += coincidenceDiagnostics(q, variants)
        out += TextLint.check(q, variants: variants)
        out += StepTestLint.check(q, variants: variants)
        out += ToleranceBandLint.check(q, variants: variants)
        out += MistakeAnswerLint.check(q, variants: variants)
        return out + LeakLint.check(q, variants: variants, extra: { leaks($0) + EarnedLeakLint.leaks(in: $0) })
    }

    /// Variants that cannot be built (errors, each kind once with how often) and named mistakes
    /// that give the same value (warnings: every one of the original exam, each kind of the
    /// seeds once with how often).
    static func coincidenceDiagnostics(_ q: Question, _ variants: LintVariants) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let seeds = variants.seeds
        if let v = variants.original {
            for c in coincidences(v) {
                out.append(
                    Diagnostic(
                        file: q.file, line: c.line,
                        message: "step '\(c.step)': \(c.what) for the original exam; the tutor cannot tell them apart by value.",
                        severity: .warning))
            }
        }
        // Random variants: count failures and coincidences, report each kind once.
        var failures: [String: (line: Int, count: Int, example: UInt64)] = [:]
        var counts: [String: (line: Int, step: String, count: Int)] = [:]
        seedLoop: for (seed, result) in variants.seeded {
            switch result {
            case .success(let v):
                for c in coincidences(v) {
                    let key = "\(c.step)|\(c.what)"
                    counts[key] = (c.line, c.step, (counts[key]?.count ?? 0) + 1)
                }
            case .failure(let error):
                let key = "\(error.line)|\(error.message.replacingSeed())"
                let prev = failures[key]
                failures[key] = (error.line, (prev?.count ?? 0) + 1, prev?.example ?? seed)
                if prev == nil && failures.count > 20 { break seedLoop }
            }
        }
        for (key, f) in failures.sorted(by: { $0.key < $1.key }) {
            let message = String(key.split(separator: "|", maxSplits: 1).last ?? "")
            out.append(
                Diagnostic(
                    file: q.file, line: f.line, message: "\(message) (in \(f.count) of \(seeds) seeds, e.g. seed \(f.example))"))
        }
        for (key, c) in counts.sorted(by: { $0.key < $1.key }) {
            let what = String(key.split(separator: "|", maxSplits: 1).last ?? "")
            out.append(
                Diagnostic(
                    file: q.file, line: c.line, message: "step '\(c.step)': \(what) in \(c.count) of \(seeds) seeds.",
                    severity: .warning))
        }
        return out
    }

    /// The most named mistakes one step may list. Each is graded against every wrong answer,
    /// and lint builds every variant with all of them; the shipped steps have at most a handful.
    public static let maxMistakesPerStep = 100

    struct Coincidence {
        let step: String
        let line: Int
        let what: String
    }

    /// Mistakes equal to an earlier mistake under the step's rule, one coincidence per group of
    /// equal values ("mistakes 3 and 4", "mistakes 1, 2, 5 and 9"), so a step repeating one
    /// mistake N times gives one warning, not N²/2. Each mistake is compared with the first of
    /// each group only. (A mistake equal to the correct value is left out of that variant when
    /// it is built, so it cannot be confused with it.)
    static func coincidences(_ v: Variant) -> [Coincidence] {
        var out: [Coincidence] = []
        for (spec, s) in zip(v.question.steps, v.steps) {
            let same: (Value, Value) -> Bool = { a, b in
                if s.kind == .expression || s.kind == .choice { return a == b }
                return (s.kind == .integer ? Tolerance.exact : s.tolerance).matches(a, b)
            }
            // Mistake ids keep the file's numbering (`step#3`) even when some are left out.
            var groups: [(value: Value, numbers: [Int])] = []
            for m in s.mistakes {
                if let g = groups.firstIndex(where: { same(m.value, $0.value) }) {
                    groups[g].numbers.append(m.fileNumber)
                } else {
                    groups.append((m.value, [m.fileNumber]))
                }
            }
            for g in groups where g.numbers.count > 1 {
                let second = g.numbers[1]
                let line = spec.mistakes.indices.contains(second - 1) ? spec.mistakes[second - 1].value.line : spec.line
                out.append(Coincidence(step: s.id, line: line, what: "mistakes \(listed(g.numbers)) give the same value"))
            }
        }
        return out
    }

    /// "3 and 4", "1, 2 and 5", or the first five and the count for a long list.
    static func listed(_ numbers: [Int]) -> String {
        let words = numbers.map(String.init)
        if words.count > 6 { return words.prefix(5).joined(separator: ", ") + ", … (\(words.count) in all)" }
        return words.dropLast().joined(separator: ", ") + " and " + (words.last ?? "")
    }

    static func sorted(_ d: [Diagnostic]) -> [Diagnostic] {
        d.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.offset) < (b.element.file, b.element.line, b.offset)
        }.map(\.element)
    }
}

private extension String {
    /// Drops "for seed N" so one failing formula is reported once, not once per seed.
    func replacingSeed() -> String {
        guard let r = range(of: " for seed ") else { return self }
        let tail = self[r.upperBound...].drop { $0.isNumber }
        return String(self[..<r.lowerBound]) + String(tail)
    }
}
