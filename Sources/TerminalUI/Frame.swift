/// A box with an optional title in its top border.
public struct Frame: Sendable {
    public var title: String?
    public var glyphs: Glyphs
    public var borderStyle: Style
    public var titleStyle: Style

    public init(
        title: String? = nil, glyphs: Glyphs = .unicode, borderStyle: Style = .role(.dim),
        titleStyle: Style = .role(.title)
    ) {
        self.title = title
        self.glyphs = glyphs
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// The area inside the border for `rect`.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws the border (and title, truncated to fit) and returns the inner area. A rectangle
    /// smaller than 2x2 gets no border and is returned whole, so content still shows.
    @discardableResult
    public func draw(in buffer: inout Buffer, rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return rect }
        let g = glyphs
        let s = borderStyle
        let inner = rect.width - 2
        buffer.put(
            g.topLeft + String(repeating: g.horizontal, count: inner) + g.topRight,
            at: rect.origin, style: s, clip: rect)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put(g.vertical, at: Point(x: rect.x, y: y), style: s, clip: rect)
            buffer.put(g.vertical, at: Point(x: rect.maxX - 1, y: y), style: s, clip: rect)
        }
        buffer.put(
            g.bottomLeft + String(repeating: g.horizontal, count: inner) + g.bottomRight,
            at: Point(x: rect.x, y: rect.maxY - 1), style: s, clip: rect)
        if let title, !title.isEmpty, inner >= 3 {
            let t = " " + DisplayWidth.truncate(glyphs.text(title), to: inner - 2, ellipsis: g.ellipsis) + " "
            buffer.put(t, at: Point(x: rect.x + 1, y: rect.y), style: titleStyle, clip: rect.inset(left: 1, right: 1))
        }
        return Frame.inner(rect)
    }
}
