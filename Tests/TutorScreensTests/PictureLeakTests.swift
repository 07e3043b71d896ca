import ContentLint
import MathEngine
import TerminalUI
import Testing
import TutorContent

@testable import TutorScreens
@testable import TutorSession

/// Pictures show only what the student has answered or revealed.
@Suite("Screens: pictures give nothing away")
struct PictureLeakTests {
    static let exam: Exam = ScreenSnapshotTests.exam

    /// No picture label of the original exam or of 40 seeds states an open step's answer, at any
    /// point as the steps are answered one by one.
    @Test func noPictureStatesAnOpenStepsAnswer() throws {
        for q in Self.exam.questions where q.picture != nil {
            for seed in [nil] + (1...40).map(UInt64.init) {
                let leaks = PictureLint.leaks(in: try q.variant(seed: seed))
                #expect(leaks.isEmpty, "\(q.id) seed \(String(describing: seed)): \(leaks.map(\.message))")
            }
        }
    }

    func pictureText(_ practice: PracticeState) -> String {
        var buffer = Buffer(width: 100, height: 32)
        Picture(practice: practice, glyphs: .unicode).draw(in: &buffer, rect: Rect(x: 0, y: 0, width: 100, height: 32))
        return buffer.lines().joined(separator: "\n")
    }

    /// Q3's hidden-layer count and shallow formula appear once their steps are right or revealed,
    /// and a quiz answer submitted without a verdict shows the student's own value, not the key's.
    @Test func labelsAppearOnceEarned() throws {
        let q3 = try #require(Self.exam.question("q3"))
        var p = PracticeState(variant: try q3.variant())
        #expect(!pictureText(p).contains("7 hidden"))
        #expect(!pictureText(p).contains("20n + 3(n+1)"))
        p.records[0].status = .correct
        #expect(pictureText(p).contains("(7 hidden + output)"))
        let expression = try #require(p.variant.steps.firstIndex { $0.id == "b.expression" })
        p.records[expression].revealed = true
        #expect(pictureText(p).contains("20n + 3(n+1)"))

        let total = try #require(p.variant.steps.firstIndex { $0.id == "a.total" })
        #expect(pictureText(p).contains("total ?"))
        p.records[total].status = .answered
        p.records[total].attempts = [
            Attempt(input: "700", verdict: .incorrect(mistakes: [], wrongEntries: [], reason: nil), value: .number(700))
        ]
        #expect(pictureText(p).contains("total 700"))
        #expect(!pictureText(p).contains("619"))
    }
}
