/// What a terminal can show, decided once when it opens. Screens pick `Glyphs` and the terminal
/// picks its `Theme` from this, so a C-locale or NO_COLOR session still shows every state.
public struct TerminalCapabilities: Hashable, Sendable {
    /// The locale is UTF-8: Unicode glyphs (σ ∇ ✓ box drawing, braille) can be drawn.
    public var unicode: Bool
    /// Colours are in use (the terminal has them and NO_COLOR is not set).
    public var color: Bool

    public init(unicode: Bool, color: Bool) {
        self.unicode = unicode
        self.color = color
    }

    public var glyphs: Glyphs { unicode ? .unicode : .ascii }
    public var theme: Theme { color ? .standard : .monochrome }
}

/// The boundary between the app and a real (or fake) terminal.
///
/// It is deliberately tiny, after ratatui's `Backend`: the app renders a whole `Buffer` per frame
/// and the terminal works out what changed. Main-actor isolated because terminal state (ncurses)
/// is process-global and the run loop lives on the main thread.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells; updated before a `.resize` event is delivered.
    var size: Size { get }
    var capabilities: TerminalCapabilities { get }
    /// Shows `buffer` and puts the hardware cursor at `cursor` (hidden when nil). The cursor sits
    /// on the focused field so screen readers and magnifiers follow it.
    func draw(_ buffer: Buffer, cursor: Point?)
    /// Waits for the next event. Returns `.tick` when `timeout` passes without input (nil waits
    /// forever), `.signal` when a terminating signal arrived, nil when the terminal is closed or
    /// its input has ended.
    func nextEvent(timeout: Duration?) -> Event?
    /// Leaves full-screen mode temporarily (e.g. to run a pager); `resume()` returns and redraws.
    func suspend()
    func resume()
    /// Restores the terminal. Idempotent; after it, `nextEvent` returns nil.
    func close()
}
