import Foundation
import Synchronization
import Testing

/// `dltutor lint --watch`: an author saves a file and sees the new report without running lint
/// again by hand.
@Suite("dltutor lint --watch")
struct LintWatchTests {
    /// Everything the process has printed so far, read on a thread of its own.
    final class Output: Sendable {
        let text = Mutex("")
        func wait(until done: (String) -> Bool, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if text.withLock({ done($0) }) { return true }
                usleep(50_000)
            }
            return false
        }
    }

    @Test func savingAFileLintsAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-watch-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLI.contentDir, toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["lint", dir, "--watch", "--seeds", "1"]
        let pipe = Pipe()
        p.standardOutput = pipe
        let output = Output()
        try p.run()
        // SIGKILL: a test runner's threads block SIGTERM, and a child started from one inherits that.
        defer { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        let reader = Thread {
            while case let data = pipe.fileHandleForReading.availableData, !data.isEmpty {
                output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        reader.start()
        func reports(_ s: String) -> Int { s.components(separatedBy: "lint: 5 questions").count - 1 }
        #expect(output.wait(until: { $0.contains("watching") }, seconds: 120))
        #expect(output.text.withLock { reports($0) } == 1)
        // Break q3: the next report has its error.
        let q3 = dir + "/q3.yaml"
        let broken = try String(contentsOfFile: q3, encoding: .utf8).replacingOccurrences(
            of: "answer: \"L - 1\"", with: "answer: \"L -\"")
        try broken.write(toFile: q3, atomically: true, encoding: .utf8)
        #expect(output.wait(until: { $0.components(separatedBy: "watching").count - 1 == 2 }, seconds: 120))
        let text = output.text.withLock { $0 }
        #expect(text.contains("step 'a.hidden_layers': answer formula"))
        #expect(text.contains("lint: 4 questions"), "the broken question is reported, the others still lint")
    }
}
