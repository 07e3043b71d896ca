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
            // The caret sits under the offending character; the reason follows it when it fits,
            // otherwise it is right-aligned on the same row so the caret stays visible.
            let caretX = min(buffer.width - 2, x0 + max(0, column - 1 - scroll))
            let text = glyphs.text("invalid: " + reason + " (column \(column))")
            let w = DisplayWidth.of(text)
            let tx = caretX + 2 + w <= buffer.width - 1 ? caretX + 2 : max(x0, min(buffer.width - 1 - w, caretX - 2 - w))
            buffer.put(DisplayWidth.truncate(text, to: buffer.width - 1 - tx), at: Point(x: tx, y: y), style: .role(.wrong))
            buffer.put("^", at: Point(x: caretX, y: y), style: .role(.wrong).bold())
        case .valid(_, let preview):
            buffer.put(glyphs.text(preview), at: Point(x: x0, y: y), style: .role(.accent))
        }
    }
}
