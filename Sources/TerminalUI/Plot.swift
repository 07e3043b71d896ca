/// A line/point plot on a `BrailleCanvas`, with axes labelled by their min and max.
///
/// Meant for small teaching plots (an activation and its derivative, a loss over epochs), not
/// for data analysis: ranges default to the data's bounds, labels are short numbers.
public struct Plot: Sendable {
    public struct Series: Sendable {
        public var label: String
        public var points: [(x: Double, y: Double)]
        public var style: Style
        /// Join consecutive points with lines (true) or draw dots only.
        public var connected: Bool
        public init(_ label: String = "", points: [(x: Double, y: Double)], style: Style = .normal, connected: Bool = true) {
            self.label = label
            self.points = points
            self.style = style
            self.connected = connected
        }
        /// Samples `f` at `samples` evenly spaced x values in `range`.
        public static func function(
            _ label: String = "", _ range: ClosedRange<Double>, samples: Int = 80,
            style: Style = .normal, _ f: (Double) -> Double
        ) -> Series {
            let n = max(2, samples)
            let pts = (0..<n).map { i -> (x: Double, y: Double) in
                let x = range.lowerBound + (range.upperBound - range.lowerBound) * Double(i) / Double(n - 1)
                return (x, f(x))
            }
            return Series(label, points: pts, style: style)
        }
    }

    /// A highlighted point (e.g. "the student's answer"), drawn with a glyph over the curve.
    public struct Mark: Sendable {
        public var x: Double
        public var y: Double
        public var glyph: String?
        public var style: Style
        public init(x: Double, y: Double, glyph: String? = nil, style: Style = .role(.accent)) {
            self.x = x
            self.y = y
            self.glyph = glyph
            self.style = style
        }
    }

    public var series: [Series]
    public var marks: [Mark]
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var glyphs: Glyphs
    public var axisStyle: Style
    /// Show a legend row ("─ tanh  ─ tanh'") above the plot when series have labels.
    public var showLegend: Bool

    public init(
        series: [Series], marks: [Mark] = [], xRange: ClosedRange<Double>? = nil,
        yRange: ClosedRange<Double>? = nil, glyphs: Glyphs = .unicode, axisStyle: Style = .role(.dim),
        showLegend: Bool = true
    ) {
        self.series = series
        self.marks = marks
        self.xRange = xRange
        self.yRange = yRange
        self.glyphs = glyphs
        self.axisStyle = axisStyle
        self.showLegend = showLegend
    }

    /// Data bounds (finite values only), widened when degenerate so a flat line sits mid-plot.
    func ranges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let pts = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite } + marks.map { ($0.x, $0.y) }
        func span(_ vs: [Double]) -> ClosedRange<Double> {
            guard let lo = vs.min(), let hi = vs.max() else { return 0...1 }
            return lo == hi ? (lo - 1)...(hi + 1) : lo...hi
        }
        return (xRange ?? span(pts.map(\.x)), yRange ?? span(pts.map(\.y)))
    }

    public func draw(in buffer: inout Buffer, rect: Rect) {
        var area = rect
        let labelled = series.filter { !$0.label.isEmpty }
        if showLegend, !labelled.isEmpty, area.height > 3 {
            var x = area.x
            for s in labelled {
                x = buffer.put(glyphs.horizontal + " ", at: Point(x: x, y: area.y), style: s.style, clip: area)
                x = buffer.put(glyphs.text(s.label) + "  ", at: Point(x: x, y: area.y), style: .normal, clip: area)
            }
            area = area.splitTop(1).rest
        }
        let (xr, yr) = ranges()
        let yHi = Plot.format(yr.upperBound), yLo = Plot.format(yr.lowerBound)
        let gutter = max(DisplayWidth.of(yHi), DisplayWidth.of(yLo))
        // Layout: [gutter][axis │][canvas] over [x labels].
        guard area.width > gutter + 2, area.height > 2 else { return }
        let (labels, top) = area.splitBottom(1)
        let (axisRow, plotRows) = top.splitBottom(1)
        let canvasRect = plotRows.inset(left: gutter + 1)
        let axisX = area.x + gutter
        for y in plotRows.y..<plotRows.maxY {
            buffer.put(glyphs.vertical, at: Point(x: axisX, y: y), style: axisStyle, clip: area)
        }
        buffer.put(
            glyphs.axisCorner + String(repeating: glyphs.horizontal, count: canvasRect.width),
            at: Point(x: axisX, y: axisRow.y), style: axisStyle, clip: area)
        buffer.put(
            DisplayWidth.pad(String(repeating: " ", count: gutter - DisplayWidth.of(yHi)) + yHi, to: gutter),
            at: Point(x: area.x, y: plotRows.y), style: axisStyle, clip: area)
        buffer.put(
            String(repeating: " ", count: gutter - DisplayWidth.of(yLo)) + yLo,
            at: Point(x: area.x, y: plotRows.maxY - 1), style: axisStyle, clip: area)
        let xLo = Plot.format(xr.lowerBound), xHi = Plot.format(xr.upperBound)
        buffer.put(xLo, at: Point(x: canvasRect.x, y: labels.y), style: axisStyle, clip: area)
        buffer.put(xHi, at: Point(x: canvasRect.maxX - DisplayWidth.of(xHi), y: labels.y), style: axisStyle, clip: area)

        var canvas = BrailleCanvas(columns: canvasRect.width, rows: canvasRect.height)
        let w = Double(canvas.dotWidth - 1), h = Double(canvas.dotHeight - 1)
        func dot(_ x: Double, _ y: Double) -> (x: Int, y: Int)? {
            guard x.isFinite, y.isFinite, xr.upperBound > xr.lowerBound, yr.upperBound > yr.lowerBound else { return nil }
            let fx = (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * w
            let fy = (yr.upperBound - y) / (yr.upperBound - yr.lowerBound) * h
            guard fx > -1e6, fx < 1e6, fy > -1e6, fy < 1e6 else { return nil }
            return (Int(fx.rounded()), Int(fy.rounded()))
        }
        for s in series {
            var prev: (x: Int, y: Int)? = nil
            for p in s.points {
                guard let d = dot(p.x, p.y) else {
                    prev = nil
                    continue
                }
                if s.connected, let q = prev {
                    canvas.line(from: q, to: d, style: s.style)
                } else {
                    canvas.set(x: d.x, y: d.y, style: s.style)
                }
                prev = d
            }
        }
        canvas.draw(in: &buffer, rect: canvasRect, glyphs: glyphs)
        for m in marks {
            guard let d = dot(m.x, m.y) else { continue }
            let p = Point(x: canvasRect.x + d.x / 2, y: canvasRect.y + d.y / 4)
            if canvasRect.contains(p) { buffer.put(m.glyph ?? glyphs.plotMark, at: p, style: m.style, clip: canvasRect) }
        }
    }

    /// A short axis label: integers plainly, others with 3 significant digits ("0.25", "-1.5", "1e+06").
    public static func format(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        if v == v.rounded(), abs(v) < 1e6 { return String(Int(v)) }
        let a = abs(v)
        if a >= 1e6 || a < 1e-3 { return v.formatted3e }
        var digits = 2
        var t = a
        while t >= 10 {
            t /= 10
            digits -= 1
        }
        while t < 1 {
            t *= 10
            digits += 1
        }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let r = (v * scale).rounded() / scale
        var s = String(r)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}

private extension Double {
    /// Scientific notation with 2 decimals in the mantissa, without Foundation.
    var formatted3e: String {
        var e = 0
        var m = abs(self)
        while m >= 10 {
            m /= 10
            e += 1
        }
        while m < 1 {
            m *= 10
            e -= 1
        }
        let r = (m * 100).rounded() / 100
        var ms = String(r)
        if ms.hasSuffix(".0") { ms.removeLast(2) }
        return (self < 0 ? "-" : "") + ms + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
    }
}
