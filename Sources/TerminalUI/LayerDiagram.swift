/// A network drawn as boxes side by side joined by arrows:
///
///     ┌──────┐   ┌───────┐   ┌──────┐
///     │input │──→│dense  │──→│output│
///     │19    │   │64 tanh│   │3     │
///     └──────┘   └───────┘   └──────┘
///
/// When the boxes do not fit the width, it falls back to one line per row of text:
/// `input 19 → dense 64 tanh → output 3`, wrapped at arrows. Either way every layer is named, so
/// a question about parameter counts can point at the layer it means.
public struct LayerDiagram: Sendable {
    public struct Layer: Sendable {
        public var title: String
        public var details: [String]
        public var style: Style
        public init(_ title: String, details: [String] = [], style: Style = .normal) {
            self.title = title
            self.details = details
            self.style = style
        }
    }

    public var layers: [Layer]
    public var glyphs: Glyphs
    public var borderStyle: Style
    public var arrowStyle: Style

    public init(layers: [Layer], glyphs: Glyphs = .unicode, borderStyle: Style = .role(.dim), arrowStyle: Style = .role(.accent))
    {
        self.layers = layers
        self.glyphs = glyphs
        self.borderStyle = borderStyle
        self.arrowStyle = arrowStyle
    }

    private var arrow: String { glyphs.isUnicode ? "──→" : "-->" }

    /// Inner width of each box and the total width of the boxed layout.
    private func boxWidths() -> (inner: [Int], total: Int) {
        let inner = layers.map { l in ([l.title] + l.details).map { DisplayWidth.of(glyphs.text($0)) }.max() ?? 0 }
        let total = inner.reduce(0) { $0 + $1 + 2 } + max(0, layers.count - 1) * DisplayWidth.of(arrow)
        return (inner, total)
    }

    /// The size the boxed layout needs (the compact layout needs less).
    public var boxedSize: Size {
        Size(width: boxWidths().total, height: 3 + (layers.map(\.details.count).max() ?? 0))
    }

    /// Draws boxed if it fits `rect`, compact otherwise. Returns the rows used.
    @discardableResult
    public func draw(in buffer: inout Buffer, rect: Rect) -> Int {
        guard !layers.isEmpty, !rect.isEmpty else { return 0 }
        let need = boxedSize
        if need.width <= rect.width && need.height <= rect.height {
            drawBoxed(in: &buffer, rect: rect)
            return need.height
        }
        return drawCompact(in: &buffer, rect: rect)
    }

    private func drawBoxed(in buffer: inout Buffer, rect: Rect) {
        let (inner, _) = boxWidths()
        let height = boxedSize.height
        var x = rect.x
        for (i, l) in layers.enumerated() {
            let box = Rect(x: x, y: rect.y, width: inner[i] + 2, height: height)
            Frame(glyphs: glyphs, borderStyle: borderStyle).draw(in: &buffer, rect: box)
            let content = Frame.inner(box)
            buffer.put(glyphs.text(l.title), at: content.origin, style: l.style.bold(), clip: content)
            for (j, d) in l.details.enumerated() {
                buffer.put(glyphs.text(d), at: Point(x: content.x, y: content.y + 1 + j), style: l.style, clip: content)
            }
            x = box.maxX
            if i < layers.count - 1 {
                x = buffer.put(arrow, at: Point(x: x, y: rect.y + 1), style: arrowStyle, clip: rect)
            }
        }
    }

    private func drawCompact(in buffer: inout Buffer, rect: Rect) -> Int {
        let sep = " " + glyphs.arrowRight + " "
        var row = 0
        var x = rect.x
        for (i, l) in layers.enumerated() {
            let label = glyphs.text(([l.title] + l.details).joined(separator: " "))
            let piece = (i < layers.count - 1) ? label + sep : label
            let w = DisplayWidth.of(piece)
            if x > rect.x, x - rect.x + DisplayWidth.of(label) > rect.width {
                row += 1
                x = rect.x
            }
            guard row < rect.height else { return row }
            let end = buffer.put(label, at: Point(x: x, y: rect.y + row), style: l.style, clip: rect)
            if i < layers.count - 1 { buffer.put(sep, at: Point(x: end, y: rect.y + row), style: arrowStyle, clip: rect) }
            x += w
        }
        return row + 1
    }
}
