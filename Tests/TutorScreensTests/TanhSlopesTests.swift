import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// The Q5 plot's slopes show which nodes saturate, which is what `b.nodes` asks: they wait for
/// that step as well as for the diagonal they are drawn from.
@Suite("Screens: the tanh plot holds back saturation")
struct TanhSlopesTests {
    static let caps = TerminalCapabilities(unicode: true, color: true)

    func picture(_ s: Session) -> String {
        Screens.render(s, size: Size(width: 120, height: 40), capabilities: Self.caps).buffer.lines().joined(separator: "\n")
    }

    @Test func slopesAppearOnlyOnceTheNodesAreNamed() {
        var s = Session(exam: ScreenSnapshotTests.exam)
        let q5 = ScreenSnapshotTests.exam.questions.firstIndex { $0.id == "q5" }!
        _ = s.handle(.openQuestion(q5))
        _ = s.handle(.togglePanel)
        let steps = s.practice!.variant.steps
        _ = s.handle(.goToStep(steps.firstIndex { $0.id == "a.diag" }!))
        for c in steps.first(where: { $0.id == "a.diag" })!.expected.display { _ = s.handle(.type(c)) }
        _ = s.handle(.submit)
        #expect(s.practice!.record.status == .correct)
        #expect(!picture(s).contains("slope"), "a.diag done, b.nodes not: no slopes")
        _ = s.handle(.goToStep(steps.firstIndex { $0.id == "b.nodes" }!))
        _ = s.handle(.reveal)
        #expect(picture(s).contains("slope"))
    }
}
