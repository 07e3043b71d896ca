import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// The help screen's tip says what `log` means for the question on screen (content `log:`).
@Suite("Screens: help log tip")
struct HelpLogTipTests {
    static let exam: Exam = ScreenSnapshotTests.exam

    func lastLine(openingQuestion q: Int?) -> String {
        var s = Session(exam: Self.exam)
        if let q { _ = s.handle(.openQuestion(q)) }
        _ = s.handle(.toggleHelp)
        let f = Screens.render(
            s, size: Size(width: 80, height: 24), capabilities: TerminalCapabilities(unicode: true, color: true))
        return f.buffer.lines().last ?? ""
    }

    @Test func q1SaysLogIsBaseTenAndQ3SaysNatural() {
        #expect(lastLine(openingQuestion: 0).hasPrefix(" log is log base 10 here. Answers look like: "))
        #expect(lastLine(openingQuestion: 2).hasPrefix(" log is the natural log. Answers look like: "))
    }

    @Test func withNoQuestionOnScreenItIsTheDefault() {
        #expect(lastLine(openingQuestion: nil).hasPrefix(" log is the natural log."))
    }
}
