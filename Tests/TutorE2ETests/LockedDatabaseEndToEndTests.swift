import Foundation
import PTYTestSupport
import TerminalUI
import TestFixtures
import Testing

/// The real tutor in a pty while another process (`store-writer --hold`) keeps the progress
/// database locked longer than the busy timeout: answers are queued, the screen says
/// "waiting" and then "saved" (never "not saving"), quitting waits for them, and every answer
/// ends up in the file.
@Suite("dltutor with a locked database, in a pty", .serialized)
struct LockedDatabaseEndToEndTests {
    let e2e = ProgressEndToEndTests()

    @Test func answersWaitForTheLockAndAreSavedWhenItIsReleased() throws {
        let f = ProgressEndToEndTests.Folder()
        let h = try e2e.tutor([
            "--content", ProgressEndToEndTests.content, "--db", f.db, "--question", "q3", "--busy-timeout", "0.3"
        ])
        #expect(h.waitFor(text: "Answer →"))
        // Locked while the student answers: the answer waits, the screen says so.
        var holder = try holdLock(f.db, seconds: 2.5)
        h.type("7")
        h.press(.enter)
        #expect(h.waitFor(text: "Correct"))
        #expect(h.waitFor(text: "Waiting for the database"))
        #expect(!h.lines.joined(separator: "\n").contains("Not saving"), "\(h.lines.joined(separator: "\n"))")
        #expect(
            h.waitFor(text: "Saved: the checked answer that waited", timeout: .seconds(10)), "\(h.lines.joined(separator: "\n"))")
        holder.waitUntilExit()
        // Locked again, and the student quits while an answer waits: the tutor asks, then
        // waits for the lock after the screen has closed, and exits 0 with the answer saved.
        holder = try holdLock(f.db, seconds: 4)
        h.press(.tab)
        #expect(h.waitFor(text: "Step 2/"))
        h.type("[19, 8, 8, 8, 8, 8, 8, 8, 3]")
        // Every key read before Enter (a loaded machine may take a moment while writes wait).
        #expect(h.waitFor(text: "8, 8, 3]", timeout: .seconds(10)))
        h.press(.enter)
        // (Ctrl-C is a signal: it would overtake the keys still unread.)
        #expect(h.waitFor(text: "Step 2/8 (1 pt, correct)"))
        #expect(h.waitFor(text: "Waiting for the database"), "\(h.lines.joined(separator: "\n"))")
        h.press(.ctrl("c"))
        #expect(
            h.waitFor(text: "1 checked answer is waiting for the database"),
            "the quit question says so: \(h.lines.joined(separator: "\n"))")
        h.type("y")
        #expect(h.waitForExit(timeout: .seconds(10)) == .exited(0))
        holder.waitUntilExit()
        let inputs = try e2e.exportedInputs(f.db)
        #expect(inputs == ["7", "[19, 8, 8, 8, 8, 8, 8, 8, 3]"], "\(inputs)")
    }
}
