import Foundation
import TestFixtures

/// Runs the built `dltutor` binary (which `swift test` builds next to the test bundle) and
/// captures its output and exit status: the CLI tested as a user runs it.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

enum CLI {
    static var binary: URL {
        let dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return dir.appendingPathComponent("dltutor")
    }

    static var contentDir: String { ExamFolder.sessional1 }

    static func run(_ args: [String], stdin: String? = nil, content: Bool = true) throws -> CLIResult {
        let p = Process()
        p.executableURL = binary
        // Put --content after the subcommand so the bundled exam is used regardless of cwd.
        var full = args
        if content, let first = args.first, !["eval", "lint"].contains(first) {
            full.insert(contentsOf: ["--content", contentDir], at: 1)
        }
        p.arguments = full
        // The content cache goes to the build folder, never the user's ~/.cache.
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = binary.deletingLastPathComponent().appendingPathComponent("test-cache").path
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIResult(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
