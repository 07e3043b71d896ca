import Foundation
import PTYTestSupport
import TerminalUI
import TestFixtures
import Testing

/// The real `dltutor` binary in a real pseudo-terminal: keys in, screen text out, as a student
/// would use it.
@Suite("dltutor in a pty", .serialized)
final class TutorEndToEndTests {
    static let content = ExamFolder.sessional1

    /// A progress database of the test's own, never the user's; removed with its WAL files.
    static func scratchDB() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-e2e-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ db: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    }

    let db = TutorEndToEndTests.scratchDB()
    deinit { Self.remove(db) }

    func start(_ args: [String] = [], env: [String: String]? = nil, tour: Bool = false) throws -> PTYHarness {
        try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["practice", "--content", Self.content, "--db", db] + args + (tour ? [] : ["--no-tour"]),
            environment: env)
    }

    func row(_ h: PTYHarness, containing text: String) -> String? { h.lines.first { $0.contains(text) } }

    @Test func practiseQ3MistakeThenCorrectResizeAndCtrlC() throws {
        let h = try start()
        #expect(h.waitFor(text: "Q3  Parameter counting"), "start screen lists the questions")
        h.type("3")
        #expect(h.waitFor(text: "Q3 · Parameter counting"))
        h.press(.tab, .tab, .tab)
        #expect(h.waitFor(text: "Step 4/8"))
        h.type("691")
        #expect(h.waitFor(text: "= 691"), "live preview while typing")
        h.press(.enter)
        #expect(h.waitFor(text: "That counts 8 hidden layers"), "the named mistake")
        #expect(row(h, containing: "total parameters")?.contains("✗") == true)
        h.press(.ctrl("u"))
        h.type("619")
        h.press(.enter)
        #expect(h.waitFor(text: "✓ Correct."))
        #expect(h.waitUntil { s in s.lines.contains { $0.contains("✓ total parameters") } })
        // The hardware cursor sits on the answer field.
        h.settle()
        let fieldRow = h.lines.firstIndex { $0.contains("Answer →") }
        #expect(fieldRow != nil && h.screen.cursor.y == fieldRow)

        h.resize(columns: 100, rows: 30)
        #expect(h.waitUntil { s in s.lines[0].count > 80 }, "the title bar reflows to the new width")
        #expect(h.waitUntil { s in s.lines.contains { $0.contains("Answer →") } })

        h.press(.ctrl("c"))
        #expect(h.waitForExit() == .exited(130))
        #expect(h.process.isCookedMode, "the terminal is restored (icanon + echo)")
    }

    @Test func invalidInputShowsACaretUnderTheColumn() throws {
        let h = try start()
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        h.type("3")
        h.press(.tab, .tab, .tab)
        h.type("6)19")
        #expect(h.waitFor(text: "invalid: Unexpected ')'."))
        h.settle()
        let field = try #require(h.lines.firstIndex { $0.contains("Answer →") })
        let fieldLine = Array(h.lines[field]), caretLine = Array(h.lines[field + 1])
        let paren = try #require(fieldLine.firstIndex(of: ")"))
        #expect(caretLine.indices.contains(paren) && caretLine[paren] == "^")
        h.press(.ctrl("c")) // a typed, unchecked answer: asks first
        #expect(h.waitFor(text: "Quit dltutor?"))
        h.type("y")
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let h = try start()
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        h.signal(SIGTERM)
        #expect(h.waitForExit() == .exited(143))
        #expect(h.process.isCookedMode)
    }

    @Test func quitFromTheStartScreenExitsZero() throws {
        let h = try start()
        #expect(h.waitFor(text: "q quit"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))
    }

    @Test func unknownTerminalGetsAClearMessageAndStatus2() throws {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "no-such-terminal"
        env["LANG"] = "C.UTF-8"
        let h = try start(env: env)
        #expect(h.waitFor(text: "unknown terminal type 'no-such-terminal'"))
        #expect(h.waitForExit() == .exited(2))
    }
}
