import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// Guided practice in the real binary: the first-run tour shows once per database, help scrolls at the
/// minimum size, and finishing a question shows its summary.
@Suite("dltutor guides (pty)", .serialized)
final class GuideEndToEndTests {
    static let content = TutorEndToEndTests.content
    let db = TutorEndToEndTests.scratchDB()
    deinit { TutorEndToEndTests.remove(db) }

    func tutor(_ args: [String] = [], columns: Int = 80, rows: Int = 24) throws -> PTYHarness {
        try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["--content", Self.content, "--db", db] + args, columns: columns, rows: rows)
    }

    @Test func theTourShowsOnceAndHelpReopensIt() throws {
        let h = try tutor()
        #expect(h.waitFor(text: "Welcome: a one-minute tour"), "a fresh database starts with the tour")
        h.press(.enter)
        #expect(h.waitFor(text: "Live preview"))
        h.press(.escape)
        #expect(h.waitFor(text: "Q3  Parameter counting"), "Esc skips to the start screen")
        h.type("?")
        #expect(h.waitFor(text: "dltutor keys"))
        h.type("t")
        #expect(h.waitFor(text: "Welcome: a one-minute tour"), "help re-opens the tour")
        h.press(.escape)
        #expect(h.waitFor(text: "Q3  Parameter counting"))
        h.type("q")
        #expect(h.waitForExit() == .exited(0))

        let again = try tutor()
        #expect(again.waitFor(text: "Q3  Parameter counting"))
        again.settle()
        #expect(!again.screen.contains("one-minute tour"), "the tour is remembered in the database")
        again.type("q")
        #expect(again.waitForExit() == .exited(0))
    }

    @Test func helpScrollsAtTheMinimumSize() throws {
        let h = try tutor(["--no-tour", "--question", "q3"], columns: 70, rows: 20)
        #expect(h.waitFor(text: "Answer →"))
        h.press(.function(1))
        #expect(h.waitFor(text: "more rows"))
        for _ in 0..<12 { h.press(.pageDown) }
        #expect(h.waitFor(text: "Everywhere"), "the last section is reachable")
        h.press(.escape)
        #expect(h.waitFor(text: "Answer →"))
        h.press(.ctrl("c"))
        #expect(h.waitForExit() == .exited(130))
    }
}
