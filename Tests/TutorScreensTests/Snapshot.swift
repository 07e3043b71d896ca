import Foundation
import TerminalUI
import Testing

/// Text snapshots of screens under `Snapshots/`, compared line by line. `RECORD_SNAPSHOTS=1
/// make test` re-records them; a missing snapshot fails (it never passes silently).
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func assert(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = buffer.lines().joined(separator: "\n") + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "No snapshot '\(name)'; record it with RECORD_SNAPSHOTS=1 make test and review it.\n\(text)",
                sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let diffs = (0..<max(e.count, a.count)).filter { i in (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") }
            let detail: [String] = diffs.prefix(5).map { i in
                let want = i < e.count ? String(e[i]) : ""
                let got = i < a.count ? String(a[i]) : ""
                return "row \(i):\n  expected: \(want)\n  actual:   \(got)"
            }
            let message: String =
                "Snapshot '\(name)' differs in \(diffs.count) rows:\n" + detail.joined(separator: "\n") + "\n--- actual ---\n"
                + text
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
