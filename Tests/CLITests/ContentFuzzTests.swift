import Foundation
import Testing

/// Mutated copies of the bundled exam through the real `dltutor lint` and `key --format json`:
/// whatever the files say, each command ends by itself, within its deadline, with an exit status
/// (never a signal). Seeded, so a failure names a case that can be replayed; bounded in count and
/// in time so `make test` stays quick (DLTUTOR_FUZZ_CASES raises the count for a longer run).
@Suite("content fuzz", .serialized)
struct ContentFuzzTests {
    /// SplitMix64: a tiny deterministic generator of our own, the same on every machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    static let hostileNumbers = [
        "1e19", "-1e19", "9223372036854775808", "1e308", "1e400", "0.1234567890123456789",
        "99999999999999999999", "1e-320", "-0", "2e9", "999999", "nan"
    ]
    static let hostileSnippets = [
        "{@i=1..999999}{@j=1..999999}x", "{fill(9999, fill(9999, 1))}", "{1e19}", "{1e19:2}",
        "{0.5:19}", "\u{07}", "\u{1B}[31m", "\u{202E}", "{{", "}", "{", "{@i=1..",
        "fill(9999, fill(9999, 1))", "range(1, 1e19)", "{range(1, 999999)}", "\r", "\t",
        "concat(\"a\", \"b\")", "randint(1, 1e19)", "ordinal(1e19)", "at(range(1, 3), 1e19)"
    ]

    /// One to three edits of one file: a number made hostile, a snippet inserted, a line deleted,
    /// duplicated or swapped, a run of bytes cut, or a byte that is not UTF-8.
    static func mutate(_ text: [UInt8], _ g: inout Generator) -> [UInt8] {
        var bytes = text
        for _ in 0...g.below(3) {
            guard !bytes.isEmpty else { break }
            let at = g.below(bytes.count)
            switch g.below(7) {
            case 0:
                guard let start = bytes[at...].firstIndex(where: { (48...57).contains($0) }) else { continue }
                let end = bytes[start...].firstIndex { !(48...57).contains($0) && $0 != 46 } ?? bytes.count
                bytes.replaceSubrange(start..<end, with: Array(g.pick(hostileNumbers).utf8))
            case 1: bytes.insert(contentsOf: Array(g.pick(hostileSnippets).utf8), at: at)
            case 2, 3, 4:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                let i = g.below(lines.count), j = g.below(lines.count)
                switch g.below(3) {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[j], at: i)
                default: lines.swapAt(i, j)
                }
                bytes = Array(lines.joined(separator: [10]))
            case 5: bytes.removeSubrange(at..<min(bytes.count, at + 1 + g.below(20)))
            default: bytes.insert(0xFF, at: at)
            }
        }
        return bytes
    }

    /// Runs the binary with a deadline; nil when it had to be killed (a hang).
    static func run(_ args: [String], deadline: Duration) throws -> Int32? {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let clock = ContinuousClock(), end = clock.now.advanced(by: deadline)
        while p.isRunning && clock.now < end { usleep(5_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return nil
        }
        return p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus
    }

    @Test func mutatedExamsNeverCrashOrHang() throws {
        let cases = Int(ProcessInfo.processInfo.environment["DLTUTOR_FUZZ_CASES"] ?? "") ?? 6
        let budget: Duration = cases > 6 ? .seconds(3600) : .seconds(5)
        let files = ["exam.yaml", "q1.yaml", "q2.yaml", "q3.yaml", "q4.yaml", "q5.yaml"]
        var g = Generator(state: 20250901)
        let fm = FileManager.default
        let clock = ContinuousClock(), start = clock.now
        var ran = 0
        var failures: [String] = []
        // The first four always run (a loaded machine only makes them slower); the time budget
        // bounds the rest.
        for n in 0..<cases where n < 4 || clock.now - start < budget {
            let dir = fm.temporaryDirectory.appendingPathComponent("dltutor-fuzz-\(n)-\(UUID().uuidString)").path
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(atPath: dir) }
            for f in files { try fm.copyItem(atPath: CLI.contentDir + "/" + f, toPath: dir + "/" + f) }
            let target = g.pick(files)
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + target)))
            try Data(Self.mutate(original, &g)).write(to: URL(fileURLWithPath: dir + "/" + target))
            for args in [
                ["lint", dir, "--seeds", "1"], ["key", "--content", dir, "--format", "json", "--seed", "\(n + 1)"],
                ["list", "--content", dir]
            ] {
                let status = try Self.run(args, deadline: .seconds(10))
                if status == nil || status! < 0 || status! > 125 {
                    failures.append("case \(n) (\(target)) \(args[0]): \(status.map { "status \($0)" } ?? "hang")")
                }
            }
            ran += 1
        }
        #expect(ran >= min(cases, 4), "ran \(ran) cases")
        #expect(failures.isEmpty, "\(failures)")
        print("content fuzz: \(ran) mutated exams, \(ran * 3) commands, \(failures.count) crashes or hangs")
    }
}
