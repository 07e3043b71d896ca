import Foundation

/// `dltutor lint` as an author runs it: the release binary on the exam folder at the default 500
/// seeds per question, a few times. CPU time (user + system, from `wait4`'s resource usage of
/// the child alone) is what the lint costs whatever else the machine does; wall time is what the
/// author waits. Both are reported as median and p99 (nearest rank: with a handful of runs, the
/// slowest).
enum LintBench {
    struct Run {
        var cpuSeconds: Double
        var wallSeconds: Double
    }

    /// One run of `binary lint content`, its output discarded; nil when it cannot be started or
    /// is killed by a signal (exit status 1, "errors found", still counts: the work was done).
    static func once(binary: String, content: String) -> Run? {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = [binary, "lint", content]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid, status & 0x7f == 0 else { return nil }
        let wall = clock.now - start
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Run(
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
    }

    /// The median and p99 (nearest rank) of `values`, as "1.23 s / 1.31 s".
    static func medianAndP99(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "-" }
        let sorted = values.sorted()
        let p99 = sorted[min(sorted.count - 1, Int((0.99 * Double(sorted.count)).rounded(.up)) - 1)]
        return String(format: "%.2f s / %.2f s", sorted[sorted.count / 2], p99)
    }

    /// Prints the lint rows: CPU and wall, median / p99 over `runs` runs.
    static func report(binary: String, content: String, runs: Int) {
        let results = (0..<runs).compactMap { _ in once(binary: binary, content: content) }
        guard !results.isEmpty else {
            print("dltutor lint: could not run \(binary)")
            return
        }
        let name = "dltutor lint (500 seeds), \(results.count) runs"
        print(
            "\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) CPU median / p99 \(medianAndP99(results.map(\.cpuSeconds))) (aim < 1 s)"
        )
        print(
            "\("  wall".padding(toLength: 52, withPad: " ", startingAt: 0)) median / p99 \(medianAndP99(results.map(\.wallSeconds)))"
        )
    }
}
