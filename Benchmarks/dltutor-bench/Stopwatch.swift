/// Timing helpers for the benchmark: run a closure many times and report the median, which is
/// robust to the occasional scheduler hiccup on a shared 2-core machine.
struct Measurement {
    let name: String
    let samples: [Duration]

    var median: Duration {
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }

    /// The 99th percentile, nearest rank (the slowest sample when there are fewer than 100).
    var p99: Duration {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((0.99 * Double(sorted.count)).rounded(.up)) - 1)]
    }

    /// Median in the most readable unit.
    var medianText: String { text(median) }

    var p99Text: String { text(p99) }

    private func text(_ d: Duration) -> String {
        let ns = Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9
        if ns < 1_000 { return String(format3(ns)) + " ns" }
        if ns < 1_000_000 { return String(format3(ns / 1_000)) + " µs" }
        if ns < 1_000_000_000 { return String(format3(ns / 1_000_000)) + " ms" }
        return String(format3(ns / 1_000_000_000)) + " s"
    }

    private func format3(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return "\(rounded)"
    }
}

/// Runs `body` in batches of `inner` calls, `outer` times, and returns per-call durations.
/// Batching keeps clock overhead out of sub-microsecond measurements.
func measure(_ name: String, outer: Int = 31, inner: Int = 1, _ body: () throws -> Void) rethrows -> Measurement {
    let clock = ContinuousClock()
    var samples: [Duration] = []
    samples.reserveCapacity(outer)
    for _ in 0..<outer {
        let start = clock.now
        for _ in 0..<inner { try body() }
        samples.append((clock.now - start) / inner)
    }
    return Measurement(name: name, samples: samples)
}

/// Keeps the optimiser from discarding a computed value.
@inline(never) func blackHole<T>(_ value: T) { _ = value }
