import MathEngine
import TerminalUI
import TutorContent

/// `bars`: one or more vectors side by side as horizontal bars, entry by entry (ŷ against the
/// one-hot y, logits against softmax). A series tied to steps shows `?` and no bar until they
/// are known; the scale follows only the bars shown, so a hidden series shapes nothing.
extension Picture {
    private struct BarSeries {
        var name: String
        var values: [Double]?
    }

    func drawBars(_ spec: PictureSpec, _ scope: PictureScope, _ buffer: inout Buffer, _ rect: Rect) {
        let series = spec.items.map { item in
            BarSeries(
                name: scope.text(item.texts["name"]) ?? "?",
                values: known(all: item.gate()) ? scope.numbers(item.formulas["values"]) : nil)
        }
        let count = spec.items.compactMap { scope.numbers($0.formulas["values"])?.count }.max() ?? 0
        guard count > 0 else { return }
        let labels = scope.texts(spec.fields.formulas["labels"]) ?? (1...count).map(String.init)
        let shownValues = series.compactMap(\.values).flatMap { $0 }
        let lo = min(0, shownValues.min() ?? 0), hi = max(0, shownValues.max() ?? 0)
        let texts = series.map { s in
            (0..<count).map { i in s.values.map { $0.indices.contains(i) ? Plot.format($0[i]) : "" } ?? "?" }
        }
        let labelWidth = min(16, (labels.map { DisplayWidth.of(glyphs.text($0)) }.max() ?? 1) + 1)
        let nameWidth = min(12, (series.map { DisplayWidth.of(glyphs.text($0.name)) }.max() ?? 1) + 1)
        let valueWidth = (texts.flatMap { $0 }.map(DisplayWidth.of).max() ?? 1) + 1
        let barWidth = max(4, min(large ? 60 : 30, rect.width - labelWidth - nameWidth - valueWidth))
        let gap = rect.height >= count * (series.count + 1) ? 1 : 0
        var y = rect.y
        for i in 0..<count where y < rect.maxY {
            for (k, s) in series.enumerated() where y < rect.maxY {
                let label = k == 0 && i < labels.count ? labels[i] : ""
                put(&buffer, DisplayWidth.truncate(glyphs.text(label), to: labelWidth - 1), rect.x, y, rect, .role(.dim))
                put(&buffer, glyphs.text(s.name), rect.x + labelWidth, y, rect)
                let x = rect.x + labelWidth + nameWidth
                if let v = s.values, v.indices.contains(i) {
                    put(&buffer, bar(v[i], lo: lo, hi: hi, width: barWidth), x, y, rect, barStyle(k))
                }
                put(&buffer, texts[k][i], x + barWidth + 1, y, rect, s.values == nil ? .role(.warning) : .normal)
                y += 1
            }
            y += gap
        }
    }

    /// One bar as text: blanks up to the zero column, then full blocks to the value's column
    /// (left of zero for a negative value).
    private func bar(_ v: Double, lo: Double, hi: Double, width: Int) -> String {
        guard hi > lo else { return "" }
        let column = { (x: Double) in Int(((x - lo) / (hi - lo) * Double(width)).rounded()) }
        let zero = column(0), end = column(v)
        let block = glyphs.isUnicode ? "█" : "#"
        let from = min(zero, end), to = max(zero, end)
        return String(repeating: " ", count: from) + String(repeating: block, count: max(v == 0 ? 0 : 1, to - from))
    }

    private func barStyle(_ k: Int) -> Style {
        [Style.role(.accent), .role(.correct), .role(.warning), .role(.wrong)][k % 4]
    }
}
