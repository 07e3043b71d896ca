import Foundation
import PTYTestSupport
import TerminalUI
import Testing

/// The real `dltutor` in a pty: the right value typed at fewer decimal places than a `dp N` step
/// asks gets "Right value; give N decimal places", costs no try, and the full answer is then
/// right at the first try. The values come from the engine (`dltutor eval`), never typed in.
@Suite("dltutor in a pty: precision feedback", .serialized)
final class PrecisionEndToEndTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content/aml5202-sessional2").path

    let db = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-e2e-\(UUID().uuidString).sqlite").path
    deinit { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }

    /// A formula's value in Q3's original exam, as `dltutor eval` prints it.
    func evaluate(_ formula: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYHarness.builtProduct("dltutor"))
        p.arguments = ["eval", "--content", Self.content, "--question", "q3", formula]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theRightValueAtTwoPlacesAsksForFourAndCostsNoTry() throws {
        let short = try evaluate("round(av, 2)"), full = try evaluate("round(av, 4)")
        #expect(!short.isEmpty && short != full)
        let h = try PTYHarness(
            executable: PTYHarness.builtProduct("dltutor"),
            arguments: ["practice", "--content", Self.content, "--db", db, "--no-tour"])
        #expect(h.waitFor(text: "Backprop through one sigmoid neuron"))
        h.type("3")
        #expect(h.waitFor(text: "Step 1/"))
        h.press(.tab)
        #expect(h.waitFor(text: "Step 2/"))
        h.type(short)
        h.press(.enter)
        #expect(h.waitFor(text: "Right value; give 4 decimal places."), "the precision feedback")
        #expect(!h.lines.contains { $0.contains("✗") && $0.contains("activation") }, "the step is not marked wrong")
        h.press(.ctrl("u"))
        h.type(full)
        h.press(.enter)
        #expect(h.waitFor(text: "✓ Correct."))
        h.press(.ctrl("c"))
        #expect(h.waitForExit() != nil)
    }
}
