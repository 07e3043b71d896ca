/// The model of a single-line entry field: text, cursor, horizontal scroll and history.
///
/// Pure value, so the app keeps it in its state and tests drive it key by key. Editing follows
/// readline conventions students already know (Ctrl-A/E/U/K/W). The cursor is an index in
/// characters (grapheme clusters), so one Backspace removes a whole `ŷ`.
public struct FieldState: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// 0...characters.count: the cursor sits before `characters[cursor]`.
    public private(set) var cursor: Int
    /// Display column of the text shown at the field's left edge (kept by `layout(width:)`).
    public private(set) var scroll: Int = 0
    public private(set) var history: [String]
    /// Index into `history` while browsing it with Up/Down; nil when editing a fresh line.
    public private(set) var historyIndex: Int?
    private var draft: String = ""
    /// The longest text accepted (characters); typing beyond it is ignored.
    public var maxLength: Int

    public init(text: String = "", history: [String] = [], maxLength: Int = 500) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.history = history
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: Editing

    public mutating func insert(_ s: String) {
        for c in s where c != "\n" && c != "\r" {
            guard characters.count < maxLength else { break }
            characters.insert(c, at: cursor)
            cursor += 1
        }
    }
    public mutating func insert(_ c: Character) { insert(String(c)) }
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }
    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }
    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = characters.count }
    /// Ctrl-U: empties the field.
    public mutating func clear() { characters.removeAll(); cursor = 0; scroll = 0 }
    /// Ctrl-K: deletes from the cursor to the end.
    public mutating func killToEnd() { characters.removeSubrange(cursor...) }
    /// Ctrl-W: deletes the word before the cursor (and the spaces after it).
    public mutating func deleteWordBackward() {
        var i = cursor
        while i > 0, characters[i - 1] == " " { i -= 1 }
        while i > 0, characters[i - 1] != " " { i -= 1 }
        characters.removeSubrange(i..<cursor)
        cursor = i
    }
    /// Replaces the whole text, cursor at the end.
    public mutating func setText(_ s: String) {
        characters = Array(s.prefix(maxLength))
        cursor = characters.count
    }

    // MARK: History

    /// Up: the previous history entry (the line being typed is kept and comes back on Down).
    public mutating func historyUp() {
        guard !history.isEmpty else { return }
        if let i = historyIndex {
            guard i > 0 else { return }
            historyIndex = i - 1
        } else {
            draft = text
            historyIndex = history.count - 1
        }
        setText(history[historyIndex!])
    }
    /// Down: the next entry, or back to the line being typed.
    public mutating func historyDown() {
        guard let i = historyIndex else { return }
        if i + 1 < history.count {
            historyIndex = i + 1
            setText(history[i + 1])
        } else {
            historyIndex = nil
            setText(draft)
        }
    }
    /// Returns the text, records it in history (unless empty or a repeat) and empties the field.
    public mutating func commit() -> String {
        let t = text
        if !t.isEmpty, history.last != t { history.append(t) }
        historyIndex = nil
        draft = ""
        clear()
        return t
    }

    /// Applies the standard editing keys; returns false for keys the field does not use (Enter,
    /// Tab, Esc...), which the caller handles.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): delete()
        case .left, .ctrl("b"): left()
        case .right, .ctrl("f"): right()
        case .home, .ctrl("a"): home()
        case .end, .ctrl("e"): end()
        case .ctrl("u"): clear()
        case .ctrl("k"): killToEnd()
        case .ctrl("w"): deleteWordBackward()
        case .up: historyUp()
        case .down: historyDown()
        default: return false
        }
        return true
    }

    // MARK: Layout

    /// What a field of `width` columns shows.
    public struct Layout: Hashable, Sendable {
        public var visibleText: String
        /// Column, relative to the field's left edge, where `visibleText` starts (1 when a wide
        /// character is half scrolled out, else 0).
        public var textColumn: Int
        /// Column of the cursor relative to the field's left edge.
        public var cursorColumn: Int
        public var hiddenLeft: Bool
        public var hiddenRight: Bool
    }

    /// Scrolls just enough to keep the cursor visible (with one column of context on the left
    /// once scrolled, so the character before the cursor stays in view) and returns what to show.
    public mutating func layout(width: Int) -> Layout {
        guard width > 0 else {
            return Layout(visibleText: "", textColumn: 0, cursorColumn: 0, hiddenLeft: false, hiddenRight: false)
        }
        let widths = characters.map(DisplayWidth.of)
        let cursorCol = widths.prefix(cursor).reduce(0, +)
        let total = widths.reduce(0, +)
        let cursorCell = max(1, cursor < widths.count ? widths[cursor] : 1)
        if total + 1 <= width { scroll = 0 }                                   // everything fits
        if cursorCol < scroll + 1 { scroll = max(0, cursorCol - 1) }           // cursor off the left
        if cursorCol + cursorCell > scroll + width { scroll = cursorCol + cursorCell - width }
        scroll = max(0, min(scroll, total + 1 - width))                        // no empty tail
        var col = 0
        var visible = ""
        var startCol: Int? = nil
        for (c, w) in zip(characters, widths) {
            defer { col += w }
            if col < scroll { continue }
            if col + w > scroll + width { break }
            if startCol == nil { startCol = col }
            visible.append(c)
        }
        return Layout(visibleText: visible, textColumn: (startCol ?? scroll) - scroll,
                      cursorColumn: cursorCol - scroll, hiddenLeft: scroll > 0, hiddenRight: total > scroll + width)
    }
}

/// Draws a `FieldState` into one row and reports where the hardware cursor belongs.
public struct FieldView: Sendable {
    public var style: Style
    public var placeholder: String?

    public init(style: Style = .role(.field), placeholder: String? = nil) {
        self.style = style
        self.placeholder = placeholder
    }

    /// Draws the field on the first row of `rect` (padding with the field style so the field's
    /// extent is visible, e.g. underlined) and returns the cursor's screen position.
    @discardableResult
    public func draw(_ state: inout FieldState, in buffer: inout Buffer, rect: Rect) -> Point {
        guard rect.width > 0, rect.height > 0 else { return rect.origin }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row, style: style)
        if state.isEmpty, let placeholder {
            buffer.put(placeholder, at: row.origin, style: Style(.dim), clip: row)
        }
        let l = state.layout(width: rect.width)
        buffer.put(l.visibleText, at: Point(x: row.x + l.textColumn, y: row.y), style: style, clip: row)
        return Point(x: row.x + min(l.cursorColumn, rect.width - 1), y: row.y)
    }
}
