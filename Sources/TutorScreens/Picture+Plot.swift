import Foundation
import MathEngine
import TerminalUI
import TutorContent

/// `plot`: a content formula in `x` drawn over `from`…`to`, with marked points (numbered on the
/// curve and named in a legend line) and, where asked, the tangent at a point with its slope.
/// A point tied to steps is left out until they are known, and a tangent waits for its
/// `tangent_after` steps too: the slope is usually a gradient step's answer.
extension Picture {
    private struct PlotPoint {
        var label: String
        var x: Double
        var tangent: Bool
    }

    func drawPlot(_ spec: PictureSpec, _ scope: PictureScope, _ buffer: inout Buffer, _ rect: Rect) {
        let f = spec.fields.formulas["f"]
        guard let from = scope.number(spec.fields.formulas["from"]), let to = scope.number(spec.fields.formulas["to"]),
            to > from
        else { return }
        let curve = Plot.Series.function("", from...to, samples: 120, style: .role(.accent)) { scope.number(f, x: $0) ?? .nan }
        let points = plotPoints(spec, scope)
        let yRange = plotYRange(spec, scope, curve)
        var series = [curve]
        var legend: [String] = []
        var marks: [Plot.Mark] = []
        for (i, p) in points.enumerated() {
            let y = scope.number(f, x: p.x) ?? .nan
            marks.append(Plot.Mark(x: p.x, y: y, glyph: String(i + 1), style: .role(.wrong).bold()))
            var item = "\(i + 1): \(p.label)=\(Plot.format(p.x))"
            if p.tangent, let g = slope(f, scope, at: p.x) {
                let dx = (to - from) / 12
                series.append(Plot.Series("", points: [(p.x - dx, y - g * dx), (p.x + dx, y + g * dx)], style: .role(.warning)))
                item += " slope \(Formatting.fixed(g, 2))"
            }
            legend.append(item)
        }
        let legendRows = rect.height >= 8 && !legend.isEmpty ? 1 : 0
        let plot = Plot(series: series, marks: marks, xRange: from...to, yRange: yRange, glyphs: glyphs, showLegend: false)
        plot.draw(
            in: &buffer,
            rect: Rect(x: rect.x, y: rect.y, width: min(rect.width, large ? 120 : 60), height: rect.height - legendRows))
        if legendRows == 1 {
            put(&buffer, legend.joined(separator: "  "), rect.x, rect.maxY - 1, rect, .role(.dim))
        }
    }

    /// Every point to mark: a vector `x` gives one point per entry. Points whose steps are not
    /// known are left out; a tangent shows once its own steps are known too.
    private func plotPoints(_ spec: PictureSpec, _ scope: PictureScope) -> [PlotPoint] {
        spec.items.flatMap { item -> [PlotPoint] in
            guard known(all: item.gate()), let xs = scope.numbers(item.formulas["x"]) else { return [] }
            let label = scope.text(item.texts["label"]) ?? "x"
            let tangent = item.flags.contains("tangent") && known(all: item.gate("tangent_after"))
            return xs.map { PlotPoint(label: label, x: $0, tangent: tangent) }
        }
    }

    /// `y_from`…`y_to` when given; else the curve's own range with a tenth of room each side.
    private func plotYRange(_ spec: PictureSpec, _ scope: PictureScope, _ curve: Plot.Series) -> ClosedRange<Double> {
        if let lo = scope.number(spec.fields.formulas["y_from"]), let hi = scope.number(spec.fields.formulas["y_to"]), hi > lo {
            return lo...hi
        }
        let ys = curve.points.map(\.y).filter(\.isFinite)
        guard let lo = ys.min(), let hi = ys.max() else { return -1...1 }
        let pad = max((hi - lo) / 10, 1e-6)
        return (lo - pad)...(hi + pad)
    }

    /// The curve's slope at `x` by a central difference (the tangent's direction).
    private func slope(_ f: Formula?, _ scope: PictureScope, at x: Double) -> Double? {
        let h = 1e-5 * max(1, abs(x))
        guard let a = scope.number(f, x: x + h), let b = scope.number(f, x: x - h) else { return nil }
        let g = (a - b) / (2 * h)
        return g.isFinite ? g : nil
    }
}
