#if canImport(Glibc)
    import Glibc
#endif

/// Timing helpers for terminal benchmarks (`make bench`), measured through a real pty the way a
/// person experiences the program: from spawn until text is on the (emulated) screen.
public enum Measure {
    /// Milliseconds from `posix_spawn` until `until` appears on screen, or nil on timeout.
    /// The child is then terminated. Reads as soon as bytes arrive (no drain delay, which
    /// inflated the prototype's first numbers by 10 ms).
    public static func firstFrame(
        binary: String, arguments: [String] = [], until text: String,
        environment: [String: String]? = nil, timeout: Duration = .seconds(5)
    ) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        guard let h = try? PTYHarness(executable: binary, arguments: arguments, environment: environment) else { return nil }
        defer { finish(h) }
        guard h.waitUntil(timeout: timeout, { $0.contains(text) }) else { return nil }
        return milliseconds(clock.now - start)
    }

    /// After the first frame shows `ready`, types `keys` one at a time and times each until the
    /// field shows the text typed so far (`prompt` + typed text on the same line). Returns one
    /// latency per key in milliseconds.
    ///
    /// Only the prompt's row is read back after each key (the same work whatever the program
    /// draws elsewhere), and the clock stops as soon as the echo is there: a program that sends
    /// the echo before the rest of its frame is credited with that, as a person would see it.
    public static func keyToScreen(
        binary: String, arguments: [String] = [], ready: String, prompt: String,
        keys: String = "abcdefghij", environment: [String: String]? = nil
    ) -> [Double] {
        guard let h = try? PTYHarness(executable: binary, arguments: arguments, environment: environment) else { return [] }
        defer { finish(h) }
        guard h.waitFor(text: ready) else { return [] }
        h.settle(quiet: .milliseconds(30))
        // The screen model trims trailing spaces, so look for the prompt without them.
        var bare = Substring(prompt)
        while bare.last == " " { bare.removeLast() }
        guard let row = h.screen.row(containing: String(bare)) else { return [] }
        let clock = ContinuousClock()
        var typed = ""
        var out: [Double] = []
        for c in keys {
            typed.append(c)
            let expected = prompt + typed
            let start = clock.now
            h.type(String(c))
            guard h.waitUntil(timeout: .seconds(2), { $0.line(row).contains(expected) }) else { return out }
            out.append(milliseconds(clock.now - start))
        }
        return out
    }

    /// The `fraction` quantile (0...1) of `xs`, by nearest rank; nil when empty.
    public static func quantile(_ xs: [Double], _ fraction: Double) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s[min(s.count - 1, max(0, Int((fraction * Double(s.count - 1)).rounded())))]
    }

    public static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    private static func finish(_ h: PTYHarness) {
        h.signal(SIGTERM)
        _ = h.waitForExit(timeout: .seconds(2))
    }
}
