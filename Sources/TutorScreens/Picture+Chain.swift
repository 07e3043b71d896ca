import TerminalUI
import TutorContent

/// `chain`: boxes left to right joined by arrows, each with a name and a shape (input → conv →
/// pool → dense). A box's shape tied to steps shows `?` until they are known. Boxes that do not
/// fit in one row continue on the next; where one box alone is too wide the chain becomes
/// wrapped lines of `name shape → …`.
extension Picture {
    func drawChain(_ spec: PictureSpec, _ scope: PictureScope, _ buffer: inout Buffer, _ rect: Rect) {
        let layers = spec.items.map { box -> LayerDiagram.Layer in
            let name = scope.text(box.texts["name"]) ?? "?"
            let gate = box.gate()
            let shape: String
            if gate.isEmpty {
                shape = box.formulas["shape"].map { scope.value($0).map(shown) ?? "?" } ?? ""
            } else {
                shape = gated(scope.value(box.formulas["shape"]), after: gate)
            }
            let open = shape.contains("?")
            return LayerDiagram.Layer(name, details: shape.isEmpty ? [] : [shape], style: open ? .role(.warning) : .normal)
        }
        var y = rect.y
        for row in chainRows(layers, width: rect.width) where y < rect.maxY {
            y += LayerDiagram(layers: row, glyphs: glyphs).draw(
                in: &buffer, rect: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
        }
    }

    /// The boxes split greedily into rows whose boxed layout fits `width` (one row, drawn
    /// compact, when a single box is wider).
    private func chainRows(_ layers: [LayerDiagram.Layer], width: Int) -> [[LayerDiagram.Layer]] {
        guard !layers.isEmpty else { return [] }
        let arrow =
            LayerDiagram(layers: [layers[0], layers[0]], glyphs: glyphs).boxedSize.width
            - 2 * LayerDiagram(layers: [layers[0]], glyphs: glyphs).boxedSize.width
        var rows: [[LayerDiagram.Layer]] = []
        var row: [LayerDiagram.Layer] = []
        var used = 0
        for layer in layers {
            let box = LayerDiagram(layers: [layer], glyphs: glyphs).boxedSize.width
            if box > width { return [layers] }
            if !row.isEmpty, used + arrow + box > width {
                rows.append(row)
                row = []
                used = 0
            }
            used += (row.isEmpty ? 0 : arrow) + box
            row.append(layer)
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
