import TerminalUI
import TutorScreens
import TutorSession

/// The run loop: terminal events become messages (through the keymap), the session answers with
/// effects, and the app performs them and draws the next frame. Time and chance come from the
/// closures passed in, so tests drive the loop with a `TestTerminal`, a manual clock and fixed seeds.
@MainActor
public final class TutorApp {
    public private(set) var session: Session
    private let terminal: Terminal
    private let keymap: Keymap
    private let clock: () -> Double
    private let nextSeed: () -> UInt64
    /// Performs every effect but `.quit` (storing attempts and quiz reports); what it returns is
    /// fed back to the session (e.g. the stats it was asked for).
    private let perform: (Effect) -> [Message]
    /// Asked after every event (ticks included) for news from outside the session, such as
    /// queued answers written once another program released the database.
    private let poll: () -> [Message]
    /// How long to wait for a key before sending a tick. Short, so a signal that lands between
    /// two waits is seen within a quarter second, and a countdown never skips a displayed second.
    private let tickInterval: Duration
    /// Messages from outside the terminal (a live class demo's cues and counts), taken after
    /// every event, so they arrive within one tick.
    private let inbox: () -> [Message]
    /// Asked after every event (ticks included) whether the session should change from outside:
    /// `dltutor preview` swaps in the session on the content as the author last saved it.
    /// Returns whether it changed anything (then the screen is drawn again).
    private let refresh: @MainActor (inout Session) -> Bool
    /// What the last frame drew that the next may reuse (the question screen around its fields).
    private let frameCache = FrameCache()

    public init(
        session: Session, terminal: Terminal, keymap: Keymap = .standard,
        tickInterval: Duration = .milliseconds(250),
        clock: @escaping @Sendable () -> Double, nextSeed: @escaping () -> UInt64,
        perform: @escaping (Effect) -> [Message] = { _ in [] }, poll: @escaping () -> [Message] = { [] },
        inbox: @escaping () -> [Message] = { [] }, refresh: @escaping @MainActor (inout Session) -> Bool = { _ in false }
    ) {
        self.session = session
        self.terminal = terminal
        self.keymap = keymap
        self.tickInterval = tickInterval
        self.clock = clock
        self.nextSeed = nextSeed
        self.perform = perform
        self.poll = poll
        self.inbox = inbox
        self.refresh = refresh
    }

    /// Runs until the student quits, input ends or a terminating signal arrives; returns the
    /// process exit status (0, or 128 + signal). The terminal is closed on every path.
    public func run() -> Int32 {
        defer { terminal.close() }
        _ = session.handle(.resize(width: terminal.size.width, height: terminal.size.height))
        _ = session.handle(.tick(at: clock()))
        draw()
        var interrupted = false
        while true {
            guard let event = terminal.nextEvent(timeout: tickInterval) else { return 0 }
            var messages: [Message] = []
            switch event {
            case .key(let key):
                if let m = keymap.message(for: key, in: session, seed: nextSeed()) { messages = [.tick(at: clock()), m] }
            case .resize(let size):
                messages = [.resize(width: size.width, height: size.height)]
            case .tick:
                messages = [.tick(at: clock())]
            case .signal(2):
                // Ctrl-C is a quit like any other: it asks when work would be lost (a running
                // quiz, typed answers); quitting at once keeps the conventional status 130.
                messages = [.tick(at: clock()), .quit]
                interrupted = true
            case .signal(let sig):
                // SIGTERM / SIGHUP: no time to ask; save what can be continued, then go.
                for effect in session.handle(.terminating) where effect != .quit { _ = perform(effect) }
                return 128 + sig
            }
            messages += poll()
            messages += inbox()
            let refreshed = refresh(&session)
            let changed = !messages.isEmpty || refreshed
            while !messages.isEmpty {
                let message = messages.removeFirst()
                for effect in session.handle(message) {
                    if effect == .quit { return interrupted && message == .quit ? 130 : 0 }
                    messages += perform(effect)
                }
            }
            interrupted = false
            if changed { draw() }
        }
    }

    private func draw() {
        let frame = Screens.render(
            session, size: terminal.size, capabilities: terminal.capabilities, keymap: keymap, cache: frameCache)
        terminal.draw(frame.buffer, cursor: frame.cursor)
    }
}
