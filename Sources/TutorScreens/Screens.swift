import TerminalUI
import TutorSession

/// A rendered frame: the cells and where the hardware cursor goes (on the focused field, so
/// screen readers and magnifiers follow it; nil hides it).
public struct RenderedFrame: Sendable, Equatable {
    public var buffer: Buffer
    public var cursor: Point?
}

/// Turns a session into a frame. Pure: the same session, size and capabilities always give the
/// same cells, which is what the snapshot tests compare.
public enum Screens {
    /// Smallest terminal the layout works in; below it a message asks for more room.
    public static let minimumSize = Size(width: 70, height: 20)

    public static func render(_ session: Session, size: Size, capabilities: TerminalCapabilities,
                              keymap: Keymap = .standard) -> RenderedFrame {
        var buffer = Buffer(size: size)
        let glyphs = capabilities.glyphs
        if size.width < minimumSize.width || size.height < minimumSize.height {
            drawTooSmall(&buffer, glyphs: glyphs)
            return RenderedFrame(buffer: buffer, cursor: nil)
        }
        var cursor: Point?
        switch session.screen {
        case .start:
            StartScreen(session: session, glyphs: glyphs).draw(in: &buffer)
        case .question:
            if let p = session.practice {
                cursor = QuestionScreen(practice: p, session: session, glyphs: glyphs).draw(in: &buffer)
            }
        }
        if session.showingHelp {
            HelpOverlay(keymap: keymap, glyphs: glyphs).draw(in: &buffer)
            cursor = nil
        } else if session.confirmingQuit {
            drawConfirmQuit(&buffer, glyphs: glyphs)
            cursor = nil
        }
        return RenderedFrame(buffer: buffer, cursor: cursor)
    }

    static func drawTooSmall(_ buffer: inout Buffer, glyphs: Glyphs) {
        let s = buffer.size
        let text = "Terminal too small: \(s.width)×\(s.height). dltutor needs at least "
            + "\(minimumSize.width)×\(minimumSize.height). Enlarge the window, or press Ctrl-C to quit."
        let lines = TextWrap.wrap(glyphs.text(text), width: max(1, s.width - 2))
        for (i, line) in lines.enumerated() where i < s.height {
            buffer.put(line, at: Point(x: 1, y: i), style: .role(.warning))
        }
    }

    static func drawConfirmQuit(_ buffer: inout Buffer, glyphs: Glyphs) {
        let lines = [
            "Quit dltutor?",
            "",
            "The answers you checked in this session are not saved",
            "(saving progress arrives in a later version).",
            "",
            "y  quit        n / Esc  stay",
        ]
        let width = (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4
        let rect = buffer.bounds.centered(Size(width: width, height: lines.count + 2))
        buffer.fill(rect)
        let inner = TerminalUI.Frame(title: "Quit", glyphs: glyphs, borderStyle: .role(.warning)).draw(in: &buffer, rect: rect)
        for (i, line) in lines.enumerated() {
            buffer.put(line, at: Point(x: inner.x + 1, y: inner.y + i), style: i == 0 ? .role(.warning).bold() : .normal)
        }
    }
}

/// The mark beside a step: a glyph AND a word in the list, so state never depends on colour.
enum StepMark {
    static func glyph(_ status: StepStatus, _ glyphs: Glyphs) -> String {
        let u = glyphs.isUnicode
        switch status {
        case .notTried: return u ? "○" : "( )"
        case .wrong: return u ? "✗" : "[x]"
        case .partlyRight: return u ? "◐" : "[~]"
        case .correct: return u ? "✓" : "[v]"
        case .carriedForward: return u ? "↻" : "[c]"
        case .revealed: return u ? "◆" : "[r]"
        case .awaitingAssessment: return u ? "?" : "[?]"
        case .assessedCovered: return u ? "✓" : "[v]"
        case .assessedMissed: return u ? "✗" : "[x]"
        }
    }

    static func word(_ status: StepStatus) -> String {
        switch status {
        case .notTried: "not tried"
        case .wrong: "wrong"
        case .partlyRight: "partly right"
        case .correct: "correct"
        case .carriedForward: "carried forward"
        case .revealed: "revealed"
        case .awaitingAssessment: "self-assess"
        case .assessedCovered: "covered"
        case .assessedMissed: "missed"
        }
    }

    static func role(_ status: StepStatus) -> Role {
        switch status {
        case .correct, .carriedForward, .assessedCovered: .correct
        case .wrong, .assessedMissed: .wrong
        case .partlyRight, .awaitingAssessment: .warning
        case .revealed: .hint
        case .notTried: .dim
        }
    }
}

func formatPoints(_ p: Double) -> String {
    p == p.rounded() ? String(Int(p)) : String(format1(p))
}

private func format1(_ p: Double) -> String {
    let r = (p * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : "\(r)"
}
