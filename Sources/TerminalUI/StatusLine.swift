/// One row with text on the left and (optionally) on the right, e.g. a message and key help.
/// When both do not fit, the right part wins (it is usually short and fixed: "2:31  ? help") and
/// the left is truncated with an ellipsis.
public struct StatusLine: Sendable {
    public var left: String
    public var right: String
    public var style: Style
    public var rightStyle: Style
    public var glyphs: Glyphs

    public init(
        left: String, right: String = "", style: Style = .normal, rightStyle: Style? = nil,
        glyphs: Glyphs = .unicode
    ) {
        self.left = left
        self.right = right
        self.style = style
        self.rightStyle = rightStyle ?? style
        self.glyphs = glyphs
    }

    /// Draws on the first row of `rect`, filling the row with the style's background.
    public func draw(in buffer: inout Buffer, rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row, style: style)
        let r = DisplayWidth.truncate(glyphs.text(right), to: rect.width, ellipsis: glyphs.ellipsis)
        let rw = DisplayWidth.of(r)
        let leftWidth = max(0, rect.width - rw - (rw > 0 ? 1 : 0))
        let l = DisplayWidth.truncate(glyphs.text(left), to: leftWidth, ellipsis: glyphs.ellipsis)
        buffer.put(l, at: row.origin, style: style, clip: row)
        if rw > 0 { buffer.put(r, at: Point(x: row.maxX - rw, y: row.y), style: rightStyle, clip: row) }
    }
}
