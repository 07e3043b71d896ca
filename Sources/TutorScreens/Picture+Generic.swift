import MathEngine
import TerminalUI
import TutorContent
import TutorSession

/// The generic picture kinds (`chain`, `bars`, `plot`, `grid`): drawn from the question's own
/// formulas in the variant, with every part that an `after` field ties to steps held back as `?`
/// (or left out) until each of those steps is answered right or revealed.
extension Picture {
    func drawGeneric(_ spec: PictureSpec, _ buffer: inout Buffer, _ rect: Rect) {
        let scope = PictureScope(variant: practice.variant)
        var body = rect
        if let title = scope.text(spec.fields.texts["title"]), !title.isEmpty {
            put(&buffer, title, rect.x, rect.y, rect, .role(.title))
            body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        }
        guard body.height >= 1 else { return }
        switch spec.kind {
        case .chain: drawChain(spec, scope, &buffer, body)
        case .bars: drawBars(spec, scope, &buffer, body)
        case .plot: drawPlot(spec, scope, &buffer, body)
        case .grid: drawGrid(spec, scope, &buffer, body)
        }
    }

    /// Whether every step in `ids` is known (an empty list is given data, always shown).
    func known(all ids: [String]) -> Bool { ids.allSatisfy { known($0) } }

    /// A value's text as the student would write it, in the screen's glyphs.
    func shown(_ value: Value) -> String { glyphs.text(value.display) }

    /// What a gated value shows: the value once its steps are known; before, a single step's own
    /// submitted value (as `blank` shows it) or `?`.
    func gated(_ value: Value?, after ids: [String]) -> String {
        if known(all: ids) {
            if let value { return shown(value) }
            if ids.count == 1 { return blank(ids[0]) }
            return "?"
        }
        return ids.count == 1 ? blank(ids[0]) : "?"
    }
}
