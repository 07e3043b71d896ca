import Testing
import PTYTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Terminal latency benchmark, off by default (it takes seconds and measures, not checks).
/// Run: `DLTUTOR_BENCH=1 [BENCH_C_PROMPT=/path/to/prompt] [BENCH_SMOKE=/path/to/release/curses-smoke]
/// swift test --filter TerminalBenchmarkTests`; results are printed as medians of `BENCH_RUNS` (25).
@Suite(.serialized, .enabled(if: getenv("DLTUTOR_BENCH") != nil))
struct TerminalBenchmarkTests {
    static func env(_ k: String) -> String? { getenv(k).map { String(cString: $0) } }

    @Test func firstFrameAndKeyLatency() {
        let runs = Int(Self.env("BENCH_RUNS") ?? "") ?? 25
        var targets = [("curses-smoke", Self.env("BENCH_SMOKE") ?? PTYHarness.builtProduct("curses-smoke"), "curses-smoke σ")]
        if let c = Self.env("BENCH_C_PROMPT") { targets.append(("c-prompt", c, "c-prompt σ")) }
        for (name, path, title) in targets {
            var ttff: [Double] = []
            var keys: [Double] = []
            for _ in 0..<runs {
                if let t = Measure.firstFrame(binary: path, until: "Enter submits") { ttff.append(t) }
                keys += Measure.keyToScreen(binary: path, ready: title, prompt: "answer> ")
            }
            let f = Measure.median(ttff) ?? .nan, k = Measure.median(keys) ?? .nan
            print("BENCH \(name): first frame median \(f) ms (n=\(ttff.count)); key->screen median \(k) ms (n=\(keys.count))")
            #expect(ttff.count == runs)
        }
    }
}
