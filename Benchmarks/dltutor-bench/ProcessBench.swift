import Foundation
import PTYTestSupport

/// Whole-process figures: spawn in a pty until the process has exited (wall time), and the
/// process's own peak memory (from `wait4`). The C prompt is given `q` up front, so its figure is
/// its whole life: start, first frame, read a key, restore the terminal, exit.
enum ProcessBench {
    struct Result {
        var milliseconds: Double?
        var peakKiB: Int?
    }

    static func measure(binary: String, arguments: [String], input: String = "", environment: [String: String]? = nil,
                        runs: Int) -> Result {
        var times: [Double] = []
        var peak = 0
        for _ in 0..<runs {
            guard let (ms, kib) = once(binary: binary, arguments: arguments, input: input, environment: environment) else { continue }
            times.append(ms)
            peak = max(peak, kib)
        }
        return Result(milliseconds: Measure.median(times), peakKiB: times.isEmpty ? nil : peak)
    }

    private static func once(binary: String, arguments: [String], input: String, environment: [String: String]?) -> (Double, Int)? {
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
        var usage = rusage()
        let r = wait4(p.pid, &status, 0, &usage)
        let elapsed = clock.now - start
        guard r == p.pid else { return nil }
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return (ms, usage.ru_maxrss)
    }
}
