/// The eight ANSI colours plus the terminal's own default (ncurses `use_default_colors`, -1).
public enum TerminalColor: Int16, Hashable, Sendable {
    case `default` = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How one role looks: colours plus attributes.
public struct ThemeEntry: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        _ foreground: TerminalColor = .default, on background: TerminalColor = .default,
        _ attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Role → appearance. One table decides the look of every screen.
///
/// `monochrome` is used when the terminal has no colours or `NO_COLOR` is set: it keeps states
/// apart by attributes (bold, underline, reverse), and screens add glyphs and words (✓/✗, "wrong")
/// so that nothing is conveyed by colour alone.
public struct Theme: Hashable, Sendable {
    public var entries: [Role: ThemeEntry]
    public var usesColor: Bool

    public init(entries: [Role: ThemeEntry], usesColor: Bool) {
        self.entries = entries
        self.usesColor = usesColor
    }

    public subscript(role: Role) -> ThemeEntry { entries[role] ?? ThemeEntry() }

    /// The final attributes for a style: the role's entry plus the style's own flags.
    public func resolve(_ style: Style) -> ThemeEntry {
        var e = self[style.role]
        e.attributes.formUnion(style.attributes)
        return e
    }

    public static let standard = Theme(
        entries: [
            .normal: ThemeEntry(),
            .title: ThemeEntry(.cyan, [.bold]),
            .dim: ThemeEntry(.default, [.dim]),
            .prompt: ThemeEntry(.yellow, [.bold]),
            .field: ThemeEntry(.default, [.underline]),
            .correct: ThemeEntry(.green, [.bold]),
            .wrong: ThemeEntry(.red, [.bold]),
            .warning: ThemeEntry(.yellow),
            .hint: ThemeEntry(.magenta),
            .accent: ThemeEntry(.blue, [.bold]),
            .selection: ThemeEntry(.black, on: .cyan),
            .caret: ThemeEntry(.default, [.reverse])
        ], usesColor: true)

    public static let monochrome = Theme(
        entries: [
            .normal: ThemeEntry(),
            .title: ThemeEntry(.default, [.bold]),
            .dim: ThemeEntry(.default, [.dim]),
            .prompt: ThemeEntry(.default, [.bold]),
            .field: ThemeEntry(.default, [.underline]),
            .correct: ThemeEntry(.default, [.bold]),
            .wrong: ThemeEntry(.default, [.bold, .underline]),
            .warning: ThemeEntry(.default, [.bold]),
            .hint: ThemeEntry(.default, [.dim]),
            .accent: ThemeEntry(.default, [.bold]),
            .selection: ThemeEntry(.default, [.reverse]),
            .caret: ThemeEntry(.default, [.reverse])
        ], usesColor: false)
}
