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

    static func measure(name: String, binary: String, arguments: [String], firstFrameText: String,
                        keyArguments: [String], ready: String, prompt: String, runs: Int,
                        environment: [String: String]? = nil) -> Result {
        var ttff: [Double] = []
        var keys: [Double] = []
        for _ in 0..<runs {
            if let t = Measure.firstFrame(binary: binary, arguments: arguments, until: firstFrameText, environment: environment) { ttff.append(t) }
        }
        for _ in 0..<(prompt.isEmpty ? 0 : max(3, runs / 5)) {
            keys += Measure.keyToScreen(binary: binary, arguments: keyArguments, ready: ready, prompt: prompt, environment: environment)
        }
        return Result(name: name, firstFrame: Measure.median(ttff), keyToScreen: Measure.median(keys))
    }
}
