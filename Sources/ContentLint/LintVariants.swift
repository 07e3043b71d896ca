import MathEngine
import TutorContent

/// The variants lint reads for one question: the original exam and seeds 1…N, each built once.
///
/// Every lint pass (coincidences, texts, tolerance bands, question tests, leaks) reads the same
/// variants; building them once instead of once per pass was a fifth of lint's time.
struct LintVariants {
    /// The original exam, or nil when it cannot be built (the loader or the seed pass reports why).
    let original: Variant?
    /// Seeds 1…N in order, each the variant or the error that stopped it.
    let seeded: [(seed: UInt64, result: Result<Variant, ContentError>)]
    /// The number of seeds asked for (what messages count against).
    let seeds: Int

    init(_ q: Question, seeds: Int) {
        original = try? q.variant()
        seeded = (1...UInt64(max(seeds, 1))).map { seed in
            do throws(ContentError) { return (seed, .success(try q.variant(seed: seed))) } catch {
                return (seed, .failure(error))
            }
        }
        self.seeds = seeds
    }

    /// The seeded variants that could be built, in seed order.
    var built: [Variant] {
        seeded.compactMap { if case .success(let v) = $0.result { v } else { nil } }
    }

    /// The original exam (when it builds), then every seeded variant that builds.
    var all: [Variant] { (original.map { [$0] } ?? []) + built }
}

/// Where one finding happens among the variants lint read: the original exam, how many seeds,
/// and the first seed, for an author to look at with `dltutor key --seed N`.
struct LintOccurrence {
    var original = false
    var seeds = 0
    var example: UInt64?

    mutating func add(_ v: Variant) {
        guard let seed = v.seed else {
            original = true
            return
        }
        seeds += 1
        if example == nil { example = seed }
    }

    /// "original exam", "42 of 500 seeds, e.g. seed 7", or both joined with "and".
    func place(seeds total: Int) -> String {
        var parts: [String] = []
        if original { parts.append("original exam") }
        if let example { parts.append("\(seeds) of \(total) seeds, e.g. seed \(example)") }
        return parts.joined(separator: " and ")
    }
}
