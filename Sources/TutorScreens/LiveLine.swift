import MathEngine
import TerminalUI

/// The row under an entry field that shows what the engine reads while the student types:
/// `= preview`, `… what is missing`, or a `^` under the offending column with the reason.
/// Shared by the answer and calculator fields and by the demo's called-out value.
enum LiveLine {
    /// `x0` is the field's first column; `scroll` the characters scrolled off its left edge.
    static func draw(_ live: LiveState, in buffer: inout Buffer, x0: Int, y: Int, scroll: Int, glyphs: Glyphs) {
        switch live {
        case .empty:
            break
        case .incomplete(let reason):
            buffer.put(glyphs.text("… " + reason), at: Point(x: x0, y: y), style: .role(.dim))
        case .invalid(let column, let reason):
            // The caret sits under the offending character; the reason goes on the side with
            // more room (right of the caret when it fits), shortened to that side, so the caret
            // never lands on the message (it once read "^nvalid").
            let right = buffer.width - 1
            let caretX = min(right - 1, x0 + max(0, column - 1 - scroll))
            let text = glyphs.text("invalid: " + reason + " (column \(column))")
            let roomRight = right - (caretX + 2), roomLeft = caretX - 1 - x0
            if DisplayWidth.of(text) <= roomRight || roomRight >= roomLeft {
                buffer.put(
                    DisplayWidth.truncate(text, to: max(0, roomRight), ellipsis: glyphs.ellipsis),
                    at: Point(x: caretX + 2, y: y), style: .role(.wrong))
            } else {
                let shown = DisplayWidth.truncate(text, to: roomLeft, ellipsis: glyphs.ellipsis)
                buffer.put(shown, at: Point(x: caretX - 1 - DisplayWidth.of(shown), y: y), style: .role(.wrong))
            }
            buffer.put("^", at: Point(x: caretX, y: y), style: .role(.wrong).bold())
        case .valid(_, let preview):
            buffer.put(glyphs.text(preview), at: Point(x: x0, y: y), style: .role(.accent))
        }
    }
}
