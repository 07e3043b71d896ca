import MathEngine
import TerminalUI
import TutorSession

/// Q2's picture: the weights matrix W as a grid, rows the classes and columns the encoded
/// features plus the bias. The grid appears once W's shape is known (its size is that step's
/// answer), the column names once the encoded feature list is, and the column, row or entry a
/// part (b) step asks about lights up once that step is answered right or revealed: where
/// w_{:,2} sits is given by the question, what it means is the step's answer.
extension Picture {
    func drawWeightGrid(_ buffer: inout Buffer, _ rect: Rect) {
        guard let c = number("C"), let d = number("D") else { return }
        let (rows, cols) = (Int(c), Int(d) + 1)
        put(&buffer, "W: a row per class, a column per feature, bias last", rect.x, rect.y, rect, .role(.title))
        guard known("a.W_shape") else {
            put(
                &buffer, "W is \(blank("a.W_shape")) (rows × columns): work out its shape first.", rect.x, rect.y + 2, rect,
                .role(.warning))
            return
        }
        let target = highlighted()
        let classes = classNames()
        let labelWidth = min(20, max(8, (classes.map { DisplayWidth.of(glyphs.text($0)) }.max() ?? 8) + 3))
        let cell = max(3, min(large ? 6 : 4, (rect.width - labelWidth) / cols))
        var y = rect.y + 2
        var header = String(repeating: " ", count: labelWidth)
        for j in 1...cols { header += (j == cols ? "b" : String(j)).leftPad(cell - 1) + " " }
        put(&buffer, header, rect.x, y, rect, .role(.dim))
        y += 1
        for i in 1...rows where y < rect.maxY {
            let name = i <= classes.count ? classes[i - 1] : ""
            let label = DisplayWidth.truncate(glyphs.text("\(i) \(name)"), to: labelWidth - 1, ellipsis: glyphs.ellipsis)
            put(&buffer, label, rect.x, y, rect)
            for j in 1...cols {
                let on = target?.contains(row: i, column: j) ?? false
                let mark = on ? (glyphs.isUnicode ? "■" : "#") : (glyphs.isUnicode ? "·" : ".")
                let x = rect.x + labelWidth + (j - 1) * cell
                put(&buffer, mark.leftPad(cell - 1), x, y, rect, on ? .role(.accent).bold() : .role(.dim))
            }
            y += 1
        }
        y += 1
        for line in legend(cols: cols, width: rect.width) where y < rect.maxY {
            put(&buffer, line, rect.x, y, rect, .role(.dim))
            y += 1
        }
        if let target, y < rect.maxY {
            put(&buffer, target.caption, rect.x, y, rect, .role(.accent))
        }
    }

    /// What the current step asks about, once that step is known.
    private func highlighted() -> GridTarget? {
        let id = currentStepID
        guard known(id) else { return nil }
        func n(_ name: String) -> Int { Int(number(name) ?? 0) }
        switch id {
        case "b.column":
            return GridTarget(row: nil, column: n("col_q"), caption: "w_{:,\(n("col_q"))}: column \(n("col_q")), every class")
        case "b.row":
            return GridTarget(row: n("row_q"), column: nil, caption: "w_{\(n("row_q")),:}: row \(n("row_q")), every column")
        case "b.bias":
            let col = n("D") + 1
            return GridTarget(
                row: n("bias_q"), column: col, caption: "w_{\(n("bias_q")),\(col)}: row \(n("bias_q")), the bias column")
        case "b.weight":
            return GridTarget(
                row: n("wrow"), column: n("wcol"), caption: "w_{\(n("wrow")),\(n("wcol"))}: row \(n("wrow")), column \(n("wcol"))"
            )
        default: return nil
        }
    }

    /// The class names, in order (given by the question).
    private func classNames() -> [String] {
        guard case .list(let items)? = value("cats") else { return [] }
        return items.compactMap(\.textValue)
    }

    /// Column names once the encoded feature list is known; before, only where the bias is.
    private func legend(cols: Int, width: Int) -> [String] {
        guard known("a.features"), case .list(let items)? = value("features") else {
            return ["columns 1–\(cols - 1): the features as encoded; b (column \(cols)): the bias"]
        }
        let names = items.enumerated().map { "\($0 + 1) \($1.textValue ?? $1.display)" } + ["b = \(cols) bias"]
        return TextWrap.wrap(glyphs.text(names.joined(separator: " · ")), width: max(20, width))
    }
}

/// The part of W a step points at: a column, a row, or one entry.
struct GridTarget {
    var row: Int?
    var column: Int?
    var caption: String

    func contains(row i: Int, column j: Int) -> Bool {
        (row == nil || row == i) && (column == nil || column == j)
    }
}
