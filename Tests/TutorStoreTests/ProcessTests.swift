import Foundation
import PTYTestSupport
import Testing

@testable import TutorStore

@Suite struct ProcessTests {
    static let writer = PTYHarness.builtProduct("store-writer")

    /// Runs store-writer and returns it with a pipe on its standard output.
    func spawn(_ db: String, count: Int, tag: String) throws -> (Process, FileHandle) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.writer)
        p.arguments = [db, String(count), tag]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        return (p, out.fileHandleForReading)
    }

    @Test func sigkillLosesNoCheckedAnswer() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.writer))
        let tmp = TempFolder()
        defer { tmp.remove() }
        let (p, out) = try spawn(tmp.db, count: 100_000, tag: "killed")
        var seen = ""
        var lines = 0
        let wanted = 40
        while lines < wanted {
            let chunk = out.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            lines = seen.split(separator: "\n").count
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == SIGKILL)
        let printed = seen.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.count
        #expect(printed >= wanted)
        let store = try openSaving(tmp.db)
        let steps = Set(try store.allAttempts().filter { $0.questionID == "killed" }.map(\.stepID))
        for i in 0..<printed { #expect(steps.contains("s\(i)"), "attempt \(i) was reported written but is missing") }
        #expect(steps.count < 100_000) // it really was killed mid-stream
    }

    @Test func twoWriterProcessesAtOnceKeepEveryRow() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let n = 150
        let (a, outA) = try spawn(tmp.db, count: n, tag: "A")
        let (b, outB) = try spawn(tmp.db, count: n, tag: "B")
        let textA = String(decoding: outA.readDataToEndOfFile(), as: UTF8.self)
        let textB = String(decoding: outB.readDataToEndOfFile(), as: UTF8.self)
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0)
        #expect(b.terminationStatus == 0)
        #expect(textA.hasSuffix("wrote \(n - 1)\n"))
        #expect(textB.hasSuffix("wrote \(n - 1)\n"))
        let store = try openSaving(tmp.db)
        let all = try store.allAttempts()
        #expect(all.filter { $0.questionID == "A" }.count == n)
        #expect(all.filter { $0.questionID == "B" }.count == n)
    }

    @Test func twoStoresOnOneFileSeeEachOthersWrites() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        let one = try openSaving(tmp.db)
        let two = try openSaving(tmp.db)
        try one.record(attempt("q1", "a", at: day(0)))
        try two.record(attempt("q1", "b", at: day(1)))
        try one.recordReview(question: "q1", step: "a", quality: 5, at: day(0))
        #expect(try two.attempts(questionID: "q1", seed: nil, mode: nil).map(\.stepID) == ["a", "b"])
        #expect(try two.dueCount(at: day(1)) == 1)
        // A reader holding a snapshot does not block the other's write (WAL).
        try one.db.read { _ in try two.record(attempt("q1", "c", at: day(2))) }
        #expect(try one.attempts(questionID: "q1", seed: nil, mode: nil).count == 3)
    }
}
