import ContentLoading
import Foundation
import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// What the screens show of content with errors: a start-screen row per question that did not
/// load, and, in a preview, the open question's error in place of its text.
@Suite("Screens: questions with errors")
struct PreviewScreenTests: ScreenTestHelpers {
    /// The bundled exam with `q2.yaml` replaced by `text`, loaded from a temporary copy.
    static func examWithQ2(_ text: String) throws -> Exam {
        let source = ScreenSnapshotTests.exam.directory
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-screens-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: source, toPath: dir)
        try text.write(toFile: dir + "/q2.yaml", atomically: true, encoding: .utf8)
        return ExamLoader.load(directory: dir).exam
    }

    @Test func theStartScreenListsAQuestionWithErrorsInItsPlace() throws {
        let exam = try Self.examWithQ2("id: q2\ntitle: \"Softmax draft\"\npoints: 10\n")
        #expect(exam.questions.map(\.id) == ["q1", "q3", "q4", "q5"])
        let lines = render(Session(exam: exam)).buffer.lines()
        let row = try #require(lines.firstIndex { $0.contains("Softmax draft — has errors: run dltutor lint") })
        #expect(lines[row - 1].contains("1  Q1") && lines[row + 1].contains("2  Q3"))
        let ascii = text(render(Session(exam: exam), ScreenSnapshotTests.ascii))
        #expect(ascii.contains("Softmax draft"), "ASCII terminals list it too")
    }

    @Test func aYAMLErrorUsesTheIdForTheName() throws {
        let exam = try Self.examWithQ2("id: q2\ntitle: [unclosed\n")
        #expect(text(render(Session(exam: exam))).contains("Q2  q2 — has errors: run dltutor lint"))
    }

    @Test func aPreviewShowsTheErrorInPlaceOfTheTextWithTheSameFrameCachedOrNot() throws {
        var s = Session(exam: ScreenSnapshotTests.exam)
        s.startPreview()
        _ = s.handle(.openQuestion(2))
        let error = "/exam/q3.yaml:4: invalid YAML: did not find expected ',' or ']'."
        let cache = FrameCache()
        let before = Screens.render(
            s, size: Size(width: 100, height: 30), capabilities: ScreenSnapshotTests.unicode, cache: cache)
        #expect(text(before).contains("You want to train"))
        s.showContentError(error)
        let after = Screens.render(s, size: Size(width: 100, height: 30), capabilities: ScreenSnapshotTests.unicode, cache: cache)
        #expect(after == Screens.render(s, size: Size(width: 100, height: 30), capabilities: ScreenSnapshotTests.unicode))
        let shown = text(after)
        #expect(shown.contains("q3.yaml:4: invalid YAML"))
        #expect(!shown.contains("You want to train"), "in place of the text")
        #expect(after.buffer.lines()[0].contains("reloaded"))
        #expect(shown.contains("Step 1/"), "the steps stay")
    }
}
