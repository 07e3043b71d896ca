import MathEngine
import TerminalUI
import TutorContent

/// `grid`: a matrix as a grid of cells, a row label per row and a column name per column, with
/// highlighted cells (a column, a row or one entry). The grid waits for its `after` steps (its
/// size is often a step's answer); the column legend for `col_labels_after`; a highlight tied
/// to steps lights up while one of them is the current step and all are known, so the part of
/// the matrix a step asks about is marked only once its meaning is earned.
extension Picture {
    func drawGrid(_ spec: PictureSpec, _ scope: PictureScope, _ buffer: inout Buffer, _ rect: Rect) {
        let gate = spec.fields.gate()
        guard known(all: gate) else {
            let size = gate.count == 1 ? blank(gate[0]) : "?"
            let name = scope.text(spec.fields.texts["name"]) ?? "The grid"
            put(
                &buffer, "\(name) is \(size) (rows × columns): work out its shape first.", rect.x, rect.y + 1, rect,
                .role(.warning))
            return
        }
        guard let r = scope.number(spec.fields.formulas["rows"]), let c = scope.number(spec.fields.formulas["cols"]),
            r >= 1, c >= 1, r <= 200, c <= 200
        else { return }
        let (rows, cols) = (Int(r), Int(c))
        let lit = spec.items.filter(highlightShown)
        let cells = gridCells(spec, scope, rows: rows, cols: cols)
        let rowLabels = scope.texts(spec.fields.formulas["row_labels"]) ?? []
        let colNames = scope.texts(spec.fields.formulas["col_names"]) ?? (1...cols).map(String.init)
        let labelWidth = min(20, max(8, (rowLabels.map { DisplayWidth.of(glyphs.text($0)) }.max() ?? 0) + 3))
        // Dots get a fixed, roomy cell; printed values get what their widest entry needs.
        let widest = (cells.flatMap { $0 } + colNames).map(DisplayWidth.of).max() ?? 1
        let cap = spec.fields.formulas["values"] == nil ? (large ? 6 : 4) : widest + 1
        let cell = max(3, min(cap, (rect.width - labelWidth) / cols))
        var y = rect.y + 1
        let header = colNames.prefix(cols).map { $0.leftPad(cell - 1) + " " }.joined()
        put(&buffer, String(repeating: " ", count: labelWidth) + header, rect.x, y, rect, .role(.dim))
        y += 1
        for i in 1...rows where y < rect.maxY {
            let name = i <= rowLabels.count ? rowLabels[i - 1] : ""
            put(
                &buffer, DisplayWidth.truncate(glyphs.text("\(i) \(name)"), to: labelWidth - 1, ellipsis: glyphs.ellipsis),
                rect.x, y, rect)
            for j in 1...cols {
                let on = lit.contains { covers($0, scope, row: i, col: j) }
                let x = rect.x + labelWidth + (j - 1) * cell
                put(
                    &buffer, (on ? onMark(cells[i - 1][j - 1]) : cells[i - 1][j - 1]).leftPad(cell - 1), x, y, rect,
                    on ? .role(.accent).bold() : .role(.dim))
            }
            y += 1
        }
        y += 1
        for line in gridLegend(spec, scope, colNames: colNames, width: rect.width) where y < rect.maxY {
            put(&buffer, line, rect.x, y, rect, .role(.dim))
            y += 1
        }
        for h in lit where y < rect.maxY {
            if let caption = scope.text(h.texts["caption"]) { put(&buffer, caption, rect.x, y, rect, .role(.accent)) }
            y += 1
        }
    }

    /// A highlight without steps is given and always lit; one tied to steps is lit while one of
    /// them is the current step and all of them are known.
    private func highlightShown(_ h: PictureFields) -> Bool {
        let ids = h.gate()
        if ids.isEmpty { return true }
        return isCurrent(among: ids) && known(all: ids)
    }

    private func covers(_ h: PictureFields, _ scope: PictureScope, row i: Int, col j: Int) -> Bool {
        let row = h.formulas["row"].flatMap { scope.number($0) }.map { Int($0) }
        let col = h.formulas["col"].flatMap { scope.number($0) }.map { Int($0) }
        return (row == nil || row == i) && (col == nil || col == j)
    }

    /// Each cell's text: the `values` matrix's entries, or a dot.
    private func gridCells(_ spec: PictureSpec, _ scope: PictureScope, rows: Int, cols: Int) -> [[String]] {
        let dot = glyphs.isUnicode ? "·" : "."
        var m: [[Double]] = []
        if case .matrix(let rows)? = scope.value(spec.fields.formulas["values"]) { m = rows }
        return (0..<rows).map { i in
            (0..<cols).map { j in i < m.count && j < m[i].count ? Plot.format(m[i][j]) : dot }
        }
    }

    private func onMark(_ text: String) -> String {
        text == "·" || text == "." ? (glyphs.isUnicode ? "■" : "#") : text
    }

    /// The `legend` text, until the column labels are known; then `name label · name label …`.
    private func gridLegend(_ spec: PictureSpec, _ scope: PictureScope, colNames: [String], width: Int) -> [String] {
        let labels = spec.fields.formulas["col_labels"]
        if labels != nil, known(all: spec.fields.gate("col_labels_after")), let items = scope.texts(labels) {
            let names = items.enumerated().map { "\($0 < colNames.count ? colNames[$0] : String($0 + 1)) \($1)" }
            return TextWrap.wrap(glyphs.text(names.joined(separator: " · ")), width: max(20, width))
        }
        guard let legend = scope.text(spec.fields.texts["legend"]) else { return [] }
        return TextWrap.wrap(glyphs.text(legend), width: max(20, width))
    }
}
