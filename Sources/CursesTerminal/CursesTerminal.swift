import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Terminal` protocol on ncursesw. The only type in the project that calls ncurses.
///
/// All C global state (the SCREEN, stdscr, the locale, colour pairs) is owned by this one
/// main-actor class, so Swift 6 strict concurrency holds without `nonisolated(unsafe)`.
/// Signal flags live in `Signals.swift` as atomics.
///
/// Typical run loop:
///
///     let term = try CursesTerminal()                    // throws CursesTerminalError (exit 2)
///     defer { term.close() }
///     var ui = Buffer(size: term.size)
///     loop: while let event = term.nextEvent(timeout: .milliseconds(250)) {
///         switch event {
///         case .key(let k): ...; case .resize(let s): ui = Buffer(size: s); case .tick: ...
///         case .signal(let s): save(); break loop          // exit 128 + s after close()
///         }
///         render(state, into: &ui); term.draw(ui, cursor: caret)
///     }
@MainActor
public final class CursesTerminal: Terminal {
    public struct Options: Sendable {
        /// Name used in error messages ("dltutor: not a terminal; ...").
        public var programName: String = "dltutor"
        /// Milliseconds ncurses waits after ESC for the rest of a sequence (default 1000 is sluggish).
        public var escapeDelay: Int32 = 25
        /// Draw ASCII only, even in a UTF-8 locale.
        public var forceASCII: Bool = false
        /// Overrides the theme that `capabilities` would choose.
        public var theme: Theme? = nil
        public init() {}
    }

    public private(set) var size: Size
    public let capabilities: TerminalCapabilities
    public private(set) var theme: Theme

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let outFile: UnsafeMutablePointer<FILE>
    private let inFile: UnsafeMutablePointer<FILE>
    private var isOpen = true
    private var lastFrame: Buffer?
    /// The UTF-8 of the cells being written, reused from run to run.
    private var runBytes: [UInt8] = []
    private var cursorVisible: Bool? = nil
    private var currentTimeout: Int32 = -2
    private var spuriousErrors = 0
    /// Standard error while the interface is up: the real one is saved here and fd 2 points at a
    /// temporary file, so nothing printed behind the interface's back lands on the screen; it is
    /// replayed to the real stderr on close.
    private var savedStderr: Int32 = -1
    private var stderrCapture: (fd: Int32, path: String)?

    /// Opens the terminal: checks for a tty, installs signal handlers, sets up the locale (falls
    /// back to C.UTF-8 in the bare C locale), creates the screen with `newterm` (so an unknown
    /// TERM is an error, not ncurses calling exit), then cbreak/noecho/keypad and colours.
    public init(options: Options = Options()) throws(CursesTerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal(program: options.programName) }
        SignalSetup.install()
        let utf8 = CursesTerminal.setUpLocale()
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { throw .unknownTerminal(program: options.programName, term: nil) }
        guard let out = fdopen(dup(1), "w"), let inp = fdopen(dup(0), "r") else {
            throw .notATerminal(program: options.programName)
        }
        FatalRestore.shared.saveShellMode(fd: 0) // before newterm changes the mode
        guard let scr = newterm(nil, out, inp) else {
            fclose(out)
            fclose(inp)
            throw .unknownTerminal(program: options.programName, term: term)
        }
        set_term(scr)
        // A terminal that cannot move the cursor (TERM=dumb, a printing terminal) cannot show
        // the interface; say so instead of drawing garbage.
        guard cn_tigetstr("cup") != nil else {
            endwin()
            delscreen(scr)
            fclose(out)
            fclose(inp)
            throw .noCursorAddressing(program: options.programName, term: term)
        }
        cursesActive.store(true, ordering: .relaxed)
        screen = scr
        outFile = out
        inFile = inp
        window = cn_stdscr()
        cbreak()
        noecho()
        nonl() // keep CR/NL distinct on output; Enter still decodes (10 or 13)
        keypad(window, true)
        set_escdelay(options.escapeDelay)
        intrflush(window, false)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        var color = false
        if has_colors() && !noColor && start_color() == OK {
            color = true
        }
        capabilities = TerminalCapabilities(unicode: utf8 && !options.forceASCII, color: color)
        theme = options.theme ?? capabilities.theme
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        if color { definePairs() }
        curs_set(0)
        cursorVisible = false
        captureStderr()
        FatalRestore.shared.setLeaveSequence(CursesTerminal.leaveSequence())
        FatalRestore.shared.arm()
    }

    /// Why `init` would fail (not a terminal, TERM unset or unknown, no cursor addressing), found
    /// without opening a screen, nil when it would open. A command that would create files
    /// (the progress database) asks first, so a run that cannot show its screen leaves nothing.
    public nonisolated static func preflight(programName: String = "dltutor") -> CursesTerminalError? {
        guard isatty(0) == 1, isatty(1) == 1 else { return .notATerminal(program: programName) }
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { return .unknownTerminal(program: programName, term: nil) }
        switch cn_term_can_address() {
        case 1: return nil
        case 0: return .noCursorAddressing(program: programName, term: term)
        default: return .unknownTerminal(program: programName, term: term)
        }
    }

    isolated deinit { close() }

    // MARK: Terminal

    /// Writes only the cells that changed since the last frame (`Buffer.changedRuns`) to stdscr,
    /// then one `wrefresh`, which sends the terminal what changed on its screen.
    public func draw(_ buffer: Buffer, cursor: Point?) {
        guard isOpen else { return }
        let full = lastFrame == nil || lastFrame!.size != buffer.size
        if full { werase(window) }
        for run in buffer.changedRuns(since: full ? nil : lastFrame) where run.y < size.height {
            drawRun(buffer, run)
        }
        lastFrame = buffer
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            if cursorVisible != true {
                curs_set(1)
                cursorVisible = true
            }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible != false {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(window)
    }

    public func nextEvent(timeout: Duration?) -> Event? {
        guard isOpen else { return nil }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while true {
            if let s = CursesTerminal.pendingSignal() { return .signal(s) }
            if pendingInterrupt.exchange(0, ordering: .relaxed) != 0 { return .signal(SIGINT) }
            if pendingStop.exchange(0, ordering: .relaxed) != 0 {
                stopAndContinue()
                return .resize(size)
            }
            if pendingContinue.exchange(0, ordering: .relaxed) != 0 {
                repaint()
                return .resize(size)
            }
            var ms: Int32 = -1
            if let deadline {
                let left = deadline - clock.now
                ms = left <= .zero ? 0 : Int32(min(Int64(Int32.max), left.milliseconds))
            }
            if ms != currentTimeout {
                wtimeout(window, ms)
                currentTimeout = ms
            }
            var wch: wint_t = 0
            let r = wget_wch(window, &wch)
            if r == KEY_CODE_YES {
                spuriousErrors = 0
                let code = Int32(bitPattern: wch)
                if code == KEY_RESIZE {
                    size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
                    lastFrame = nil
                    return .resize(size)
                }
                return .key(CursesTerminal.key(forCode: code))
            }
            if r == OK {
                spuriousErrors = 0
                if wch == 12 { // Ctrl-L: repaint everything, as terminals expect
                    repaint()
                    lastFrame = nil
                    return .resize(size)
                }
                guard let scalar = Unicode.Scalar(UInt32(wch)) else { return .key(.unknown) }
                return .key(Key.fromScalar(scalar))
            }
            // ERR: timeout, a signal (EINTR), or end of input.
            if let deadline, clock.now >= deadline { return .tick }
            if CursesTerminal.pendingSignal() != nil || pendingInterrupt.load(ordering: .relaxed) != 0
                || pendingStop.load(ordering: .relaxed) != 0
                || pendingContinue.load(ordering: .relaxed) != 0
            {
                continue
            }
            spuriousErrors += 1
            if spuriousErrors > 200 {
                close()
                return nil
            } // input is gone (EOF on a dead tty)
        }
    }

    public func suspend() {
        guard isOpen else { return }
        endwin()
    }

    public func resume() {
        guard isOpen else { return }
        repaint()
    }

    /// Restores the terminal (endwin) and frees the screen. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        FatalRestore.shared.disarm()
        if cursesActive.exchange(false, ordering: .relaxed) { endwin() }
        if let screen { delscreen(screen) }
        screen = nil
        fclose(outFile)
        fclose(inFile)
        restoreStderr()
    }

    /// Points fd 2 at a temporary file for as long as curses owns the screen.
    private func captureStderr() {
        var template = Array("/tmp/dltutor-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path) // the open descriptor keeps it; nothing is left behind, even after SIGKILL
        let saved = dup(2)
        guard saved >= 0, dup2(fd, 2) >= 0 else {
            Glibc.close(fd)
            return
        }
        savedStderr = saved
        stderrCapture = (fd, path)
        FatalRestore.shared.setStderr(real: saved, capture: fd)
    }

    /// Puts fd 2 back and replays anything that was written to it meanwhile.
    private func restoreStderr() {
        guard savedStderr >= 0, let capture = stderrCapture else { return }
        dup2(savedStderr, 2)
        Glibc.close(savedStderr)
        savedStderr = -1
        lseek(capture.fd, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(capture.fd, &chunk, chunk.count)
            if n <= 0 { break }
            _ = chunk.withUnsafeBytes { write(2, $0.baseAddress, n) }
        }
        Glibc.close(capture.fd)
        stderrCapture = nil
    }

    // MARK: Signals

    /// The terminating signal received (SIGTERM or SIGHUP), if any. Sticky, so the app can
    /// check it after the run loop ends and exit with 128 + signal.
    public nonisolated static func pendingSignal() -> Int32? {
        let s = pendingTerminationSignal.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Installs the SIGINT/SIGTERM/SIGHUP/SIGTSTP/SIGCONT handlers without opening the terminal
    /// (`init` does this too); useful for an app that wants them before slow startup work.
    public nonisolated static func installSignalHandlers() { SignalSetup.install() }

    /// Called only from the atexit safety net.
    nonisolated static func emergencyEndwin() { endwin() }

    // MARK: Private

    /// Ctrl-Z: leave curses mode, stop with the default action, and on continue repaint.
    ///
    /// The run loop may be on a thread that blocks SIGTSTP (the main actor's queue is drained by
    /// a libdispatch worker, whose mask blocks signals), where `raise` would leave the signal
    /// pending forever. So SIGTSTP is unblocked on this thread for the raise: a thread-directed
    /// signal that is unblocked is delivered before `raise` returns, which stops the process here.
    ///
    /// Under `make run` or a shell script, Ctrl-Z stops the whole job: the parent stops at once
    /// (default action) and the shell takes the terminal back while the tutor is still leaving
    /// curses. So the SIGTSTP handler has already given the terminal back (shell mode, main
    /// screen) and `endwin` here only updates curses' own state, its output sent nowhere;
    /// were it to write, its `tcsetattr` from what is now a background group would stop the
    /// tutor with SIGTTOU, and after `fg` the `raise` below would stop it a second time with
    /// no one left to continue it. When the handler could not restore, `endwin` runs as usual
    /// with SIGTTOU blocked (the kernel lets a background group set the modes then). A SIGCONT
    /// that arrived meanwhile (the tutor was stopped and continued already) skips the raise.
    private func stopAndContinue() {
        let start = ContinuousClock.now
        pendingContinue.store(0, ordering: .relaxed)
        if FatalRestore.shared.takeStopRestore() {
            withOutputDiscarded { _ = endwin() }
        } else {
            Self.withSignalBlocked(SIGTTOU) { _ = endwin() }
        }
        if pendingContinue.exchange(0, ordering: .relaxed) == 0 {
            SignalSetup.defaultStopHandler()
            Self.withSignalUnblocked(SIGTSTP) { _ = raise(SIGTSTP) } // the process stops here until SIGCONT
            SignalSetup.installStopHandler()
        }
        pendingContinue.store(0, ordering: .relaxed)
        pendingStop.store(0, ordering: .relaxed) // a second Ctrl-Z while leaving curses is the same stop
        SignalSetup.addStoppedTime(ContinuousClock.now - start)
        repaint()
    }

    /// Runs `body` with curses' output descriptor pointed at /dev/null, then puts it back.
    private func withOutputDiscarded(_ body: () -> Void) {
        let fd = fileno(outFile)
        let saved = dup(fd)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard saved >= 0, null >= 0, dup2(null, fd) >= 0 else {
            if saved >= 0 { Glibc.close(saved) }
            if null >= 0 { Glibc.close(null) }
            Self.withSignalBlocked(SIGTTOU, body)
            return
        }
        body()
        dup2(saved, fd)
        Glibc.close(saved)
        Glibc.close(null)
    }

    /// Runs `body` with `sig` blocked on this thread, then restores the thread's mask.
    private static func withSignalBlocked(_ sig: Int32, _ body: () -> Void) { withMask(SIG_BLOCK, sig, body) }

    /// Runs `body` with `sig` unblocked on this thread, then restores the thread's mask.
    private static func withSignalUnblocked(_ sig: Int32, _ body: () -> Void) { withMask(SIG_UNBLOCK, sig, body) }

    private static func withMask(_ how: Int32, _ sig: Int32, _ body: () -> Void) {
        var set = sigset_t(), old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(how, &set, &old)
        body()
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }

    /// Seconds the process spent stopped by Ctrl-Z so far. The launcher subtracts them from the
    /// session's clock, so a quiz's countdown (and the time spent on a step) pauses while the
    /// tutor is suspended, as it does when the student quits and continues later.
    public nonisolated static var stoppedSeconds: Double { SignalSetup.stoppedSeconds }

    /// The bytes that take the terminal out of curses mode: attributes off, cursor shown, keypad
    /// transmit off, alternate screen left. For the fatal-signal handler, which cannot call endwin.
    private static func leaveSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let s = cn_tigetstr(cap) { bytes += Array(String(cString: s).utf8) }
        }
        return bytes
    }

    /// A full repaint of what is on stdscr (also leaves endwin's shell mode).
    private func repaint() {
        clearok(cn_curscr(), true)
        wrefresh(window)
    }

    /// Writes the cells of one run, one `waddnstr` per stretch of equal style. A run that reaches
    /// the end of its row and ends short of the last column (a wide character that did not fit)
    /// clears the rest of the row.
    private func drawRun(_ buffer: Buffer, _ run: CellRun) {
        wmove(window, Int32(run.y), Int32(run.x))
        runBytes.removeAll(keepingCapacity: true)
        var runStyle: Style? = nil
        var col = run.x
        func flush() {
            guard let s = runStyle, !runBytes.isEmpty else { return }
            apply(s)
            runBytes.append(0)
            runBytes.withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { _ = waddnstr(window, $0.baseAddress, Int32($0.count - 1)) }
            }
            runBytes.removeAll(keepingCapacity: true)
        }
        for x in run.x..<run.end {
            let cell = buffer[x, run.y]
            if cell.isContinuation { continue }
            let w = Int(cell.width)
            if col + w > size.width { break }
            if cell.style != runStyle {
                flush()
                runStyle = cell.style
            }
            if capabilities.unicode || cell.isASCII {
                cell.withUTF8 { runBytes.append(contentsOf: $0) }
            } else {
                runBytes.append(contentsOf: repeatElement(UInt8(ascii: "?"), count: max(1, w)))
            }
            col += w
        }
        flush()
        if run.end == size.width && col < size.width {
            wattr_set(window, 0, 0, nil)
            wclrtoeol(window)
        }
    }

    private func apply(_ style: Style) {
        let e = theme.resolve(style)
        var a: attr_t = 0
        if e.attributes.contains(.bold) { a |= cn_A_BOLD() }
        if e.attributes.contains(.underline) { a |= cn_A_UNDERLINE() }
        if e.attributes.contains(.reverse) { a |= cn_A_REVERSE() }
        if e.attributes.contains(.dim) { a |= cn_A_DIM() }
        let pair: Int16 = capabilities.color && theme.usesColor ? Int16(style.role.rawValue + 1) : 0
        wattr_set(window, a, pair, nil)
    }

    private func definePairs() {
        let defaults = use_default_colors() == OK
        for role in Role.allCases {
            let e = theme[role]
            var fg = e.foreground.rawValue, bg = e.background.rawValue
            if !defaults {
                if fg < 0 { fg = Int16(COLOR_WHITE) }
                if bg < 0 { bg = Int16(COLOR_BLACK) }
            }
            init_pair(Int16(role.rawValue + 1), fg, bg)
        }
    }

    /// `setlocale(LC_ALL, "")`; in the bare C/POSIX locale (LANG unset, as in CI) switch to
    /// C.UTF-8 so ncursesw can draw Unicode. An explicitly chosen non-UTF-8 locale is respected.
    /// Returns whether the resulting locale is UTF-8.
    static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        let ctype = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if ctype == "C" || ctype == "POSIX" {
            if setlocale(LC_ALL, "C.UTF-8") != nil || setlocale(LC_ALL, "C.utf8") != nil { return isUTF8() }
        }
        return false
    }

    private static func isUTF8() -> Bool {
        guard let cs = cn_codeset() else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// ncurses key codes (from terminfo) to `Key`.
    static func key(forCode code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default: return .unknown
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a short timeout never becomes a busy poll.
    var milliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + (atto + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
