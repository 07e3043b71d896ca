import ContentLoading
import Foundation
import Testing
import TutorContent

@testable import TutorSession

/// A preview's reload: the session on the content as saved now keeps the question, the step
/// (the nearest when it is gone) and the drafts; an error is shown in place of the question.
@Suite("Session: preview reload")
struct PreviewSessionTests {
    static let directory: String = {
        let dir = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
        return "/" + dir + "/content/aml5202-sessional1"
    }()

    /// The bundled exam with `q3.yaml` changed by `edit`, loaded from a temporary copy.
    func examWithQ3(_ edit: (String) -> String) throws -> Exam {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-reload-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.directory, toPath: dir)
        let text = try String(contentsOfFile: dir + "/q3.yaml", encoding: .utf8)
        try edit(text).write(toFile: dir + "/q3.yaml", atomically: true, encoding: .utf8)
        return ExamLoader.load(directory: dir).exam
    }

    /// A preview on Q3 at step `index` with `draft` typed.
    func previewOnQ3(step index: Int, draft: String) -> Session {
        var s = Session(exam: SessionTests.exam, settings: SessionSettings())
        s.startPreview()
        _ = s.handle(.tick(at: 100))
        _ = s.handle(.openQuestion(2))
        _ = s.handle(.goToStep(index))
        for c in draft { _ = s.handle(.type(c)) }
        return s
    }

    @Test func anEditKeepsTheQuestionTheStepAndTheDraft() throws {
        let old = previewOnQ3(step: 3, draft: "123")
        let exam = try examWithQ3 { $0.replacingOccurrences(of: "You want to train", with: "Suppose you train") }
        let s = Session.reloading(exam, from: old)
        #expect(s.screen == .question && s.currentID == "q3")
        #expect(s.practice?.variant.text.contains("Suppose you train") == true)
        #expect(s.practice?.stepIndex == 3)
        #expect(s.practice?.record.draft.text == "123")
        #expect(s.preview?.note == PreviewState.reloadedNote)
    }

    @Test func theNoteGoesAfterItsMoment() throws {
        var s = Session.reloading(SessionTests.exam, from: previewOnQ3(step: 0, draft: ""))
        s.expirePreviewNote()
        #expect(s.preview?.note != nil)
        _ = s.handle(.tick(at: 100 + PreviewState.noteSeconds))
        s.expirePreviewNote()
        #expect(s.preview?.note == nil)
    }

    @Test func aRemovedStepLeavesTheNearestStep() throws {
        let last = SessionTests.exam.question("q3")!.steps.count - 1
        let old = previewOnQ3(step: last, draft: "")
        let exam = try examWithQ3 { text in
            // Without its last step, the question's total lowered by that step's points.
            let last = text.range(of: "\n  - id: ", options: .backwards)!
            let removed = SessionTests.exam.question("q3")!.steps.last!.points
            let total = SessionTests.exam.question("q3")!.points
            let kept = String(text[..<last.lowerBound]) + "\n"
            return kept.replacingOccurrences(
                of: "\npoints: \(formatted(total))\n", with: "\npoints: \(formatted(total - removed))\n")
        }
        #expect(exam.question("q3") != nil, "the edited file loads")
        let s = Session.reloading(exam, from: old)
        #expect(s.practice?.stepIndex == last - 1)
        #expect(s.practice?.variant.steps.count == last)
    }

    @Test func aQuestionThatNoLongerLoadsKeepsItsStepsWithTheErrorInPlaceOfItsText() throws {
        var s = previewOnQ3(step: 2, draft: "7")
        let exam = try examWithQ3 { $0.replacingOccurrences(of: "points: 10", with: "points: [10") }
        let broken = try #require(exam.brokenQuestion("q3"))
        #expect(broken.error.file.hasSuffix("/q3.yaml") && broken.error.line > 0)
        s.showContentError(broken.error.description)
        #expect(s.preview?.contentError(for: "q3") == broken.error.description)
        #expect(s.preview?.contentError(for: "q1") == nil, "another question opened meanwhile shows its text")
        #expect(s.practice?.stepIndex == 2 && s.practice?.record.draft.text == "7")
    }

    @Test func theStartScreenKeepsItsSelection() {
        var old = Session(exam: SessionTests.exam, settings: SessionSettings())
        old.startPreview()
        _ = old.handle(.moveSelection(3))
        let s = Session.reloading(SessionTests.exam, from: old)
        #expect(s.screen == .start && s.selection == 3)
    }

    func formatted(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
