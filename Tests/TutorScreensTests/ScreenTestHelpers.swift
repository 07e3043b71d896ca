import TerminalUI
import TutorSession

@testable import TutorScreens

/// What every screen test suite does: render a session (80×24, Unicode and colour unless told
/// otherwise) and read the frame back as text. (Typing into a session is `type(_:_:)` in
/// TestFixtures.)
protocol ScreenTestHelpers {}

extension ScreenTestHelpers {
    func render(
        _ s: Session, _ caps: TerminalCapabilities = TerminalCapabilities(unicode: true, color: true),
        size: Size = Size(width: 80, height: 24)
    ) -> RenderedFrame {
        Screens.render(s, size: size, capabilities: caps)
    }

    func text(_ f: RenderedFrame) -> String { f.buffer.lines().joined(separator: "\n") }
}
