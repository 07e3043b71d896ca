import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the terminal back when the process dies from a fatal signal (SIGQUIT, SIGABRT, SIGSEGV,
/// SIGILL, SIGBUS, SIGFPE, SIGTRAP; a Swift runtime trap is SIGILL on x86-64 and SIGTRAP on
/// arm64), then lets the signal's default action happen so the exit status and core dump stay
/// honest.
///
/// `endwin()` is not async-signal-safe, so everything the handler needs is prepared while the
/// terminal opens: the shell's termios (read before `newterm` changes it) and the bytes that
/// leave curses mode (`rmcup`, `cnorm`, `sgr0`, `rmkx` from terminfo). The handler only calls
/// `tcsetattr`, `write`, `dup2`, `lseek`, `read`, `sigaction` and `raise`, all async-signal-safe.
/// It also replays standard error captured behind the interface, so a trap's "Fatal error: ..."
/// line reaches the user instead of vanishing with the unlinked capture file.
///
/// The storage is written only on the main actor before `armed` is set (release) and read by
/// the handler after it sees `armed` (acquire): a one-way publication, hence `@unchecked Sendable`.
final class FatalRestore: @unchecked Sendable {
    static let shared = FatalRestore()

    /// The signals whose default action ends the process while curses may own the screen.
    static let signals: [Int32] = [SIGQUIT, SIGABRT, SIGSEGV, SIGILL, SIGBUS, SIGFPE, SIGTRAP]

    private let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    private let sequence = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    private static let capacity = 512
    private let sequenceLength = Atomic<Int>(0)
    private let haveTermios = Atomic<Bool>(false)
    private let ttyFD = Atomic<Int32>(-1)
    /// Standard error as it was before the capture (-1: not captured) and the capture file.
    private let realStderr = Atomic<Int32>(-1)
    private let captureFD = Atomic<Int32>(-1)
    /// Set while curses owns the screen; the handler restores only once.
    private let armed = Atomic<Bool>(false)
    private let installed = Atomic<Bool>(false)

    private init() {}

    /// Saves the terminal's current (shell) mode. Call before `newterm`.
    func saveShellMode(fd: Int32) {
        if tcgetattr(fd, savedTermios) == 0 {
            ttyFD.store(fd, ordering: .relaxed)
            haveTermios.store(true, ordering: .relaxed)
        }
    }

    /// Records the bytes that leave curses mode; `arm()` publishes them to the handler.
    func setLeaveSequence(_ bytes: [UInt8]) {
        let n = min(bytes.count, Self.capacity)
        for i in 0..<n { sequence[i] = bytes[i] }
        sequenceLength.store(n, ordering: .relaxed)
    }

    /// Where standard error really goes while it is captured (both -1: not captured).
    func setStderr(real: Int32, capture: Int32) {
        realStderr.store(real, ordering: .relaxed)
        captureFD.store(capture, ordering: .relaxed)
    }

    /// Installs the handlers (once) and arms the restore.
    func arm() {
        armed.store(true, ordering: .releasing)
        guard !installed.exchange(true, ordering: .relaxed) else { return }
        for sig in Self.signals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { sig in FatalRestore.shared.handle(sig) }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0
            sigaction(sig, &sa, nil)
        }
    }

    /// Curses has been left normally; a later fatal signal has nothing to restore.
    func disarm() {
        armed.store(false, ordering: .relaxed)
        setStderr(real: -1, capture: -1)
    }

    /// From the SIGTSTP handler (async-signal-safe): gives the terminal back at once (shell
    /// mode, main screen, cursor shown), before the shell can take it. Under `make run` the
    /// parent stops at the same moment and the shell prints "Stopped" and its prompt right
    /// away; were the tutor to leave the alternate screen later, in the run loop, that text
    /// would be on the alternate screen and vanish with it. The handler runs with SIGTTOU
    /// blocked, so restoring works from what may already be a background process group.
    func restoreForStop() {
        guard armed.load(ordering: .acquiring) else { return }
        restoreTerminal()
        restoredForStop.store(true, ordering: .releasing)
    }

    /// Whether the SIGTSTP handler gave the terminal back since the last call (then the run
    /// loop's `endwin` must not write to the terminal again).
    func takeStopRestore() -> Bool { restoredForStop.exchange(false, ordering: .acquiring) }

    private let restoredForStop = Atomic<Bool>(false)

    /// The handler: restore once, then die of the same signal with its default action.
    private func handle(_ sig: Int32) {
        if armed.exchange(false, ordering: .acquiring) {
            cursesActive.store(false, ordering: .relaxed) // the atexit net must not endwin now
            restoreTerminal()
            replayStderr()
        }
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(sig, &sa, nil)
        // Blocked while this handler runs, so it is delivered (default action) when it returns;
        // a fault (SIGSEGV, a trap) would also recur on return, now with the default action.
        raise(sig)
    }

    private func restoreTerminal() {
        let fd = ttyFD.load(ordering: .relaxed)
        let out: Int32 = 1
        var off = 0
        let n = sequenceLength.load(ordering: .relaxed)
        while off < n {
            let w = write(out, sequence + off, n - off)
            if w <= 0 {
                if w < 0 && errno == EINTR { continue }
                break
            }
            off += w
        }
        if fd >= 0 && haveTermios.load(ordering: .relaxed) { _ = tcsetattr(fd, TCSANOW, savedTermios) }
    }

    private func replayStderr() {
        let real = realStderr.load(ordering: .relaxed), capture = captureFD.load(ordering: .relaxed)
        guard real >= 0, capture >= 0 else { return }
        _ = dup2(real, 2)
        _ = lseek(capture, 0, SEEK_SET)
        // A fixed buffer on the stack: no allocation in a signal handler.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buf in
            while true {
                let got = read(capture, buf.baseAddress, buf.count)
                if got <= 0 { break }
                _ = write(2, buf.baseAddress, got)
            }
        }
    }
}
