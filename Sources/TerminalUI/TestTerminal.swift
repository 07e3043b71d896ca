/// An in-memory terminal for tests: events come from a script, frames are recorded.
///
/// A screen or app test feeds keys with `TestTerminal(events:)`, runs the real run loop, then
/// reads `lastFrame?.lines()`. `.resize` events change `size` as a real terminal would.
@MainActor
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    public let capabilities: TerminalCapabilities
    /// Events not yet delivered, in order.
    public var pendingEvents: [Event]
    /// Every frame drawn, oldest first, with the cursor requested for it.
    public private(set) var frames: [Buffer] = []
    public private(set) var cursors: [Point?] = []
    /// Every timeout asked of `nextEvent`, to check that a countdown polls.
    public private(set) var timeouts: [Duration?] = []
    public private(set) var isClosed = false
    public private(set) var isSuspended = false
    /// What `nextEvent` returns once the script is used up: nil ends the run loop (default);
    /// `.tick` lets a test drive the clock forever.
    public var whenExhausted: Event?

    public init(
        size: Size = Size(width: 80, height: 24), events: [Event] = [],
        capabilities: TerminalCapabilities = TerminalCapabilities(unicode: true, color: true)
    ) {
        self.size = size
        self.pendingEvents = events
        self.capabilities = capabilities
    }

    /// Convenience: one `.key` event per character of `text`.
    public static func keys(_ text: String) -> [Event] { text.map { .key(.char($0)) } }

    public func send(_ events: Event...) { pendingEvents.append(contentsOf: events) }
    public func type(_ text: String) { pendingEvents.append(contentsOf: Self.keys(text)) }

    public var lastFrame: Buffer? { frames.last }
    public var lastCursor: Point? { cursors.last ?? nil }
    /// The last frame as trimmed lines (empty before the first draw).
    public var screenLines: [String] { lastFrame?.lines() ?? [] }

    public func draw(_ buffer: Buffer, cursor: Point?) {
        frames.append(buffer)
        cursors.append(cursor)
    }

    public func nextEvent(timeout: Duration?) -> Event? {
        timeouts.append(timeout)
        guard !isClosed else { return nil }
        guard !pendingEvents.isEmpty else { return whenExhausted }
        let e = pendingEvents.removeFirst()
        if case .resize(let s) = e { size = s }
        return e
    }

    public func suspend() { isSuspended = true }
    public func resume() { isSuspended = false }
    public func close() { isClosed = true }
}
