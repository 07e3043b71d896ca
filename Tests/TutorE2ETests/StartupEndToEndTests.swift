import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// Starting fast changes nothing a student sees: the start screen lists every question with its
/// progress, whether the exam came from the YAML (first start) or from the content cache (after).
@Suite("dltutor startup in a pty", .serialized)
struct StartupEndToEndTests {
    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-startup-\(UUID().uuidString)").path
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        var db: String { path + "/progress.sqlite" }
        var env: [String: String] { PTYProcess.defaultEnvironment.merging(["XDG_CACHE_HOME": path + "/cache"]) { $1 } }
        var cacheFiles: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path + "/cache/dltutor")) ?? [] }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The question titles, as the exam's files give them.
    static let titles: [String] = (1...5).compactMap { n in
        let text = (try? String(contentsOfFile: TutorEndToEndTests.content + "/q\(n).yaml", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first { $0.hasPrefix("title:") }
            .map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    func tutor(_ f: Folder) throws -> PTYHarness {
        try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["--no-tour", "--content", TutorEndToEndTests.content, "--db", f.db], environment: f.env, columns: 120,
            rows: 30)
    }

    /// The start screen shows all five questions, Q3 with one step done and the rest not started.
    func expectStartScreen(_ h: PTYHarness) {
        #expect(h.waitUntil { $0.contains("in progress · 1/8 steps") })
        h.settle() // the rest of the frame, not only that row
        let screen = h.lines.joined(separator: "\n")
        #expect(Self.titles.count == 5)
        for title in Self.titles { #expect(screen.contains(String(title.prefix(30))), "\(title)\n\(screen)") }
        #expect(h.lines.filter { $0.contains("not started") }.count == 4, "\(screen)")
    }

    @Test func theStartScreenListsEveryQuestionWithItsProgressFromYAMLAndFromTheCache() throws {
        let f = Folder()
        let first = try tutor(f)
        #expect(first.waitFor(text: "q quit"))
        first.type("3")
        first.press(.tab, .tab, .tab)
        first.type("619")
        first.press(.enter)
        #expect(first.waitFor(text: "✓ Correct."))
        first.press(.escape)
        expectStartScreen(first)
        first.type("q")
        #expect(first.waitForExit() == .exited(0))
        #expect(f.cacheFiles.count == 1, "the first start wrote the content cache")

        // Started again, the exam comes from the cache: the same start screen after Esc.
        for _ in 0..<2 {
            let again = try tutor(f)
            #expect(again.waitFor(text: "Welcome back"))
            again.press(.escape)
            expectStartScreen(again)
            again.type("q")
            #expect(again.waitForExit() == .exited(0))
        }
    }
}
