/// A horizontal progress bar with an optional label to its right, e.g. a quiz countdown
/// `█████▌░░░░ 2:31`. Unicode resolves half cells (▌); ASCII uses `#` and `.`.
public struct Gauge: Sendable {
    /// 0...1, clamped.
    public var fraction: Double
    public var label: String?
    public var glyphs: Glyphs
    public var filledStyle: Style
    public var emptyStyle: Style
    public var labelStyle: Style

    public init(
        fraction: Double, label: String? = nil, glyphs: Glyphs = .unicode,
        filledStyle: Style = .role(.accent), emptyStyle: Style = .role(.dim), labelStyle: Style = .normal
    ) {
        self.fraction = fraction
        self.label = label
        self.glyphs = glyphs
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.labelStyle = labelStyle
    }

    /// The bar's text for `width` cells: full cells, then a half cell if the remainder is at least
    /// half a cell (Unicode only), then empty cells.
    public func bar(width: Int) -> (filled: String, empty: String) {
        guard width > 0 else { return ("", "") }
        let f = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let halves = Int((f * Double(width * 2)).rounded(.down))
        var full = halves / 2
        var half = halves % 2 == 1
        if !glyphs.isUnicode && half {
            full += 1
            half = false
        } // ASCII has no half cell: round up
        full = min(full, width)
        let filled = String(repeating: glyphs.gaugeFull, count: full) + (half ? glyphs.gaugeHalf : "")
        let used = full + (half ? 1 : 0)
        return (filled, String(repeating: glyphs.gaugeEmpty, count: max(0, width - used)))
    }

    /// Draws on the first row of `rect`.
    public func draw(in buffer: inout Buffer, rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        var barWidth = rect.width
        if let label, !label.isEmpty {
            let lw = DisplayWidth.of(label)
            barWidth = max(0, rect.width - lw - 1)
            buffer.put(label, at: Point(x: rect.x + barWidth + (barWidth > 0 ? 1 : 0), y: rect.y), style: labelStyle, clip: rect)
        }
        let (filled, empty) = bar(width: barWidth)
        let x = buffer.put(filled, at: rect.origin, style: filledStyle, clip: rect)
        buffer.put(empty, at: Point(x: x, y: rect.y), style: emptyStyle, clip: rect)
    }
}
