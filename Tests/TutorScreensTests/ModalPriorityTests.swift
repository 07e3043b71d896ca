import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// The modal on top is the same one for the three that ask: the keymap (which message a key
/// sends), the session (who handles it) and the renderer (what the student sees).
@Suite("Screens: modal priority")
struct ModalPriorityTests {
    static let exam = ScreenSnapshotTests.exam
    static let caps = TerminalCapabilities(unicode: true, color: true)
    static let size = Size(width: 80, height: 24)

    func screenText(_ s: Session) -> String {
        Screens.render(s, size: Self.size, capabilities: Self.caps).buffer.lines().joined(separator: "\n")
    }

    /// Sends `key` through the standard keymap, as the run loop does.
    func press(_ key: Key, _ s: inout Session) {
        if let m = Keymap.standard.message(for: key, in: s, seed: 1) { _ = s.handle(m) }
    }

    @Test func quitQuestionOverTheHelpIsDrawnAndAnsweredThenTheHelpComesBack() {
        var s = Session(exam: Self.exam)
        _ = s.handle(.openQuestion(2))
        _ = s.handle(.type("1"))
        press(.function(1), &s)
        #expect(s.modal == .help)
        press(.ctrl("c"), &s)
        #expect(s.modal == .confirmQuit && s.isOpen(.help), "the quit question opens over the help")
        #expect(screenText(s).contains("Quit dltutor?"), "the question the keys answer is the one on screen")
        press(.char("n"), &s)
        #expect(s.modal == .help)
        #expect(!screenText(s).contains("Quit dltutor?"))
        #expect(screenText(s).contains("dltutor keys"), "the help's title bar is back on screen")
    }

    @Test func quitQuestionOverTheTourTakesEscBeforeTheTour() {
        var s = Session(exam: Self.exam, settings: SessionSettings(showTour: true))
        #expect(s.modal == .tour)
        press(.enter, &s)
        let before = s.tour?.index
        // Answers waiting for the database are work a quit would lose, so Ctrl-C asks.
        _ = s.handle(.storageWaiting(StorageWait(answers: 1, isWaiting: true, path: "progress.sqlite")))
        press(.ctrl("c"), &s)
        #expect(s.modal == .confirmQuit && s.isOpen(.tour))
        #expect(screenText(s).contains("Quit dltutor?"))
        press(.escape, &s)
        #expect(s.modal == .tour && s.tour?.index == before, "Esc answers no; the tour stays where it was")
    }

    @Test func withNoModalTheModeHasTheKeys() {
        var s = Session(exam: Self.exam)
        #expect(s.modal == nil)
        press(.down, &s)
        #expect(s.selection == 1)
        for modal in Modal.allCases { #expect(!s.isOpen(modal)) }
        #expect(Set(Modal.priority) == Set(Modal.allCases), "every modal has a place in the one order")
    }
}
