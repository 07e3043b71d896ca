import ContentLoading
import MathEngine
import TerminalUI
import Testing
import TutorContent

@testable import TutorScreens
@testable import TutorSession

/// Lint reuses a picture's last drawing while no step it read is answered and the current step
/// answers its questions the same way (`PictureReads`); that must give the same text as drawing
/// it again, for every bundled picture, built-in and generic.
@Suite("Screens: what a picture's drawing reads")
struct PictureReadsTests {
    static let exams = [GenericPictureTests.exam("aml5202-sessional1"), GenericPictureTests.sessional2]

    func draw(_ p: PracticeState, large: Bool, reads: PictureReads? = nil) -> String {
        let (w, h) = large ? (140, 40) : (100, 32)
        var buffer = Buffer(width: w, height: h)
        Picture(practice: p, glyphs: .unicode, large: large, reads: reads).draw(
            in: &buffer, rect: Rect(x: 0, y: 0, width: w, height: h))
        return buffer.lines().joined(separator: "\n")
    }

    /// Answering the steps one by one, as lint does: wherever the reads say the drawing cannot
    /// change, a fresh drawing is the same text; and some states are reused, or the memo is idle.
    @Test func aDrawingIsUnchangedWhileNothingItReadChanges() throws {
        var reused = 0
        for exam in Self.exams {
            for q in exam.questions where q.picture != nil {
                for seed in [nil] + (1...15).map(UInt64.init) {
                    var p = PracticeState(variant: try q.variant(seed: seed))
                    for open in 0..<p.variant.steps.count {
                        let reads = PictureReads()
                        let before = [draw(p, large: false, reads: reads), draw(p, large: true, reads: reads)]
                        p.records[open].status = .correct
                        p.stepIndex = open
                        let step = p.variant.steps[open].id
                        guard !reads.changes(answering: step, current: step) else { continue }
                        reused += 1
                        #expect(
                            [draw(p, large: false), draw(p, large: true)] == before,
                            "\(q.id) seed \(String(describing: seed)) after \(step)")
                    }
                }
            }
        }
        #expect(reused > 0)
    }

    /// A drawing reads the steps whose labels it gates, and no step it never shows.
    @Test func theLossPictureReadsItsOwnSteps() throws {
        let q1 = try #require(Self.exams[0].question("q1"))
        let reads = PictureReads()
        _ = draw(PracticeState(variant: try q1.variant()), large: false, reads: reads)
        #expect(reads.steps.contains("k.mean_loss"))
        let unread = try #require(q1.steps.map(\.id).first { !reads.steps.contains($0) })
        #expect(!reads.changes(answering: unread, current: unread))
        #expect(reads.changes(answering: "k.mean_loss", current: unread))
    }
}
