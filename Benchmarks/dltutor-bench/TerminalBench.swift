import Foundation
import PTYTestSupport

/// Time to first frame and keystroke-to-screen of the real tutor in a pseudo-terminal, beside the
/// minimal C ncurses prompt (`Benchmarks/c-prompt/prompt.c`) measured in the same run.
enum TerminalBench {
    struct Result {
        var name: String
        var firstFrame: Double?
        var keyToScreen: Double?
    }

    /// Compiles the C reference next to the build products; nil (with a note) if cc fails.
    static func buildCPrompt(source: String) -> String? {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-c-prompt").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["cc", "-O2", "-o", out, source, "-lncursesw"]
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? out : nil
    }

    /// A program typed into by `keyLatencies`.
    struct KeyTarget {
        var name: String
        var binary: String
        var arguments: [String]
        var ready: String
        var prompt: String
        var environment: [String: String]? = nil
    }

    /// Keystroke-to-screen latencies (ms) of one program: one array per session of ten keys.
    struct KeyResult {
        var name: String
        var sessions: [[Double]]
        var all: [Double] { sessions.flatMap { $0 } }
        var median: Double? { Measure.median(all) }
        var sessionMedians: [Double] { sessions.compactMap { Measure.median($0) } }

        /// "p25-p75 of all keys; min-max of the session medians": how much the figure moves.
        var spread: String {
            let all = self.all, s = sessionMedians
            guard let q1 = Measure.quantile(all, 0.25), let q3 = Measure.quantile(all, 0.75),
                let lo = s.min(), let hi = s.max()
            else { return "n/a" }
            return String(
                format: "keys p25-p75 %.3f-%.3f ms, session medians %.3f-%.3f ms (%d keys, %d sessions)",
                q1, q3, lo, hi, all.count, s.count)
        }
    }

    /// Keystroke-to-screen for several programs, their sessions interleaved (A, B, A, B, ...).
    /// Measured one program after the other, a change in the machine's load (this is a shared
    /// 2-core machine) would weigh on whichever program ran then and skew the ratio.
    static func keyLatencies(_ targets: [KeyTarget], sessions: Int) -> [KeyResult] {
        var results = targets.map { KeyResult(name: $0.name, sessions: []) }
        for _ in 0..<sessions {
            for (i, t) in targets.enumerated() {
                let keys = Measure.keyToScreen(
                    binary: t.binary, arguments: t.arguments, ready: t.ready, prompt: t.prompt, environment: t.environment)
                if !keys.isEmpty { results[i].sessions.append(keys) }
            }
        }
        return results
    }

    /// The ratio of each session's median to the median of the reference's session run just
    /// before or after it (paired in time, so load changes cancel): median and range.
    static func pairedRatios(_ a: KeyResult, _ reference: KeyResult) -> (median: Double, min: Double, max: Double)? {
        let ratios = zip(a.sessionMedians, reference.sessionMedians).map { $0 / $1 }
        guard let m = Measure.median(ratios), let lo = ratios.min(), let hi = ratios.max() else { return nil }
        return (m, lo, hi)
    }

    static func measure(
        name: String, binary: String, arguments: [String], firstFrameText: String,
        keyArguments: [String], ready: String, prompt: String, runs: Int,
        environment: [String: String]? = nil
    ) -> Result {
        var ttff: [Double] = []
        var keys: [Double] = []
        for _ in 0..<runs {
            if let t = Measure.firstFrame(binary: binary, arguments: arguments, until: firstFrameText, environment: environment) {
                ttff.append(t)
            }
        }
        for _ in 0..<(prompt.isEmpty ? 0 : max(3, runs / 5)) {
            keys += Measure.keyToScreen(
                binary: binary, arguments: keyArguments, ready: ready, prompt: prompt, environment: environment)
        }
        return Result(name: name, firstFrame: Measure.median(ttff), keyToScreen: Measure.median(keys))
    }
}
