import ContentLoading
import Foundation
import TestFixtures
import Testing
import TutorContent

@testable import TutorSession

/// A content error that only some seeds reach (here a list budget: `fill(10^n, 1)` with n drawn
/// from 1 to 6) is a one-line message in the tutor, never a crash: the student stays on the
/// question and variant they had, and the next seed that works still switches.
@Suite("Session: a variant that fails for some seeds")
struct SeedFailureTests {
    @Test func aFailingSeedIsAOneLineNoticeAndTheQuestionStays() throws {
        let dir = try seedFailureExam(largestN: 6)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = ExamLoader.load(directory: dir)
        #expect(loaded.errors.isEmpty, "the original exam is fine: \(loaded.errors)")
        let q = try #require(loaded.exam.question("q1"))
        let failing = try #require((1...50).first { (try? q.variant(seed: UInt64($0))) == nil }.map(UInt64.init))
        let working = try #require((1...50).first { (try? q.variant(seed: UInt64($0))) != nil }.map(UInt64.init))
        var s = Session(exam: loaded.exam)
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openQuestion(0))
        for c in "3" { _ = s.handle(.type(c)) }
        let effects = s.handle(.newVariant(seed: failing))
        #expect(effects.isEmpty)
        #expect(s.screen == .question)
        let p = try #require(s.practice)
        #expect(p.variant.seed == nil, "still the original exam")
        #expect(p.records[0].draft.text == "3", "the typed answer is kept")
        let notice = try #require(p.notice)
        #expect(notice.hasPrefix("No variant for seed \(failing) (content error, q1.yaml:9: derived 'big': "), "\(notice)")
        #expect(notice.hasSuffix("still on this one.") && !notice.contains("\n") && notice.count < 130, "\(notice)")
        #expect(!notice.contains(dir), "the file's name, not the folder")
        _ = s.handle(.newVariant(seed: working))
        #expect(s.practice?.variant.seed == working)
    }
}
