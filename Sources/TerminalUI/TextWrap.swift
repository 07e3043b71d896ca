import Synchronization

/// Word wrapping by display width (not by character count), so σ, ŷ and CJK line up.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns. Explicit newlines are kept, runs of
    /// spaces between words collapse to one at a break, leading indentation of a paragraph is
    /// kept, and a word longer than the width is broken hard.
    ///
    /// Results are remembered (bounded): screens wrap the same prompts and messages on every
    /// frame, and wrapping them again was a large part of a keystroke's redraw.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let key = Key(text: ExactText(text), width: width)
        if let hit = memo.withLock({ $0[key] }) { return hit }
        let lines = wrapUncached(text, width: width)
        memo.withLock { memo in
            if memo.count >= memoLimit { memo.removeAll(keepingCapacity: true) }
            memo[key] = lines
        }
        return lines
    }

    private struct Key: Hashable {
        var text: ExactText
        var width: Int
    }
    private static let memo = Mutex<[Key: [String]]>([:])
    private static let memoLimit = 1024

    static func wrapUncached(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out.append(contentsOf: wrapParagraph(Substring(paragraph), width: width))
        }
        return out
    }

    private static func wrapParagraph(_ p: Substring, width: Int) -> [String] {
        let indent = String(p.prefix { $0 == " " })
        let words = p.split(separator: " ", omittingEmptySubsequences: true)
        if words.isEmpty { return [""] }
        var lines: [String] = []
        var line = DisplayWidth.prefix(indent, fitting: max(0, width - 1)).text
        var lineWidth = DisplayWidth.of(line)
        var lineHasWord = false
        for word in words {
            var w = String(word)
            var ww = DisplayWidth.of(w)
            let gap = lineHasWord ? 1 : 0
            if lineWidth + gap + ww <= width {
                if lineHasWord { line += " " }
                line += w
                lineWidth += gap + ww
                lineHasWord = true
                continue
            }
            if lineHasWord {
                lines.append(line)
                line = ""
                lineWidth = 0
                lineHasWord = false
            }
            while ww > width - lineWidth { // hard-break an over-long word
                let (head, hw) = DisplayWidth.prefix(w, fitting: width - lineWidth)
                if hw == 0 { // a wide character cannot fit in a 1-column line: emit it alone
                    let first = String(w.prefix(1))
                    lines.append(line + first)
                    w.removeFirst()
                } else {
                    lines.append(line + head)
                    w.removeFirst(head.count)
                }
                line = ""
                lineWidth = 0
                ww = DisplayWidth.of(w)
            }
            if !w.isEmpty {
                line += w
                lineWidth += ww
                lineHasWord = true
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}

/// Wrapped text drawn into a rectangle.
public struct Paragraph: Sendable {
    public var text: String
    public var style: Style
    public var alignment: Alignment

    public enum Alignment: Sendable { case left, center, right }

    public init(_ text: String, style: Style = .normal, alignment: Alignment = .left) {
        self.text = text
        self.style = style
        self.alignment = alignment
    }

    /// Lines the text needs at `width` (for layout before drawing).
    public func height(forWidth width: Int) -> Int { TextWrap.wrap(text, width: width).count }

    /// Draws as many wrapped lines as fit; returns the number of rows used.
    @discardableResult
    public func draw(in buffer: inout Buffer, rect: Rect) -> Int {
        let lines = TextWrap.wrap(text, width: rect.width)
        let shown = lines.prefix(rect.height)
        for (i, l) in shown.enumerated() {
            let w = DisplayWidth.of(l)
            let dx: Int
            switch alignment {
            case .left: dx = 0
            case .center: dx = max(0, (rect.width - w) / 2)
            case .right: dx = max(0, rect.width - w)
            }
            buffer.put(l, at: Point(x: rect.x + dx, y: rect.y + i), style: style, clip: rect)
        }
        return shown.count
    }
}
