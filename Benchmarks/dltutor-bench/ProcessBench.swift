import Foundation
import PTYTestSupport

/// Whole-process figures: spawn in a pty until the process has exited (wall time), and the
/// process's peak memory (maximum resident set, through `/usr/bin/time`: `wait4` here would
/// count the benchmark's own memory, which a spawned child inherits in its high-water mark).
/// The C prompt is given `q` up front, so its figure is its whole life: start, first frame, read
/// a key, restore the terminal, exit.
enum ProcessBench {
    struct Result {
        var milliseconds: Double?
        var peakKiB: Int?
    }

    static func measure(
        binary: String, arguments: [String], input: String = "", environment: [String: String]? = nil,
        runs: Int
    ) -> Result {
        var times: [Double] = []
        for _ in 0..<runs {
            if let ms = once(binary: binary, arguments: arguments, input: input, environment: environment) { times.append(ms) }
        }
        return Result(
            milliseconds: Measure.median(times),
            peakKiB: peak(binary: binary, arguments: arguments, input: input, environment: environment))
    }

    /// Kilobytes, from `/usr/bin/time -f %M` (nil where it is not installed).
    private static func peak(binary: String, arguments: [String], input: String, environment: [String: String]?) -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-bench-rss-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        guard
            once(binary: time, arguments: ["-f", "%M", "-o", out, binary] + arguments, input: input, environment: environment)
                != nil,
            let text = try? String(contentsOfFile: out, encoding: .utf8)
        else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
    }

    private static func once(binary: String, arguments: [String], input: String, environment: [String: String]?) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        guard let p = try? PTYProcess(executable: binary, arguments: arguments, environment: environment) else { return nil }
        if !input.isEmpty { p.write(input) }
        // Drain the output (a child blocked on a full pty would never exit) until the slave side
        // is closed (read fails with EIO), then wait for the exit itself.
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var pfd = pollfd(fd: p.masterFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 5000) > 0 else { break }
            let n = buffer.withUnsafeMutableBytes { read(p.masterFD, $0.baseAddress, $0.count) }
            if n <= 0 { break }
        }
        var status: Int32 = 0
        let r = waitpid(p.pid, &status, 0)
        let elapsed = clock.now - start
        guard r == p.pid else { return nil }
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return ms
    }
}
