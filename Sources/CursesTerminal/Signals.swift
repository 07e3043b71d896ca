import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Signal state lives in lock-free atomics in this file, because a signal handler may only touch
// async-signal-safe state and Swift 6 allows a global `let` of a Sendable `Atomic`. The handlers
// only store the signal number; `CursesTerminal.nextEvent` notices it (the blocking read returns
// EINTR because the handlers are installed WITHOUT SA_RESTART) and the app shuts down cleanly.

/// The last terminating signal (SIGTERM/SIGHUP) received, 0 if none. Sticky.
let pendingTerminationSignal = Atomic<Int32>(0)
/// SIGINT (Ctrl-C) received and not yet reported. Not sticky: the app asks before quitting when
/// work would be lost, and the student may answer "stay".
let pendingInterrupt = Atomic<Int32>(0)
/// SIGTSTP (Ctrl-Z) received and not yet handled.
let pendingStop = Atomic<Int32>(0)
/// SIGCONT received (we were stopped and continued): the screen needs a full repaint.
let pendingContinue = Atomic<Int32>(0)
/// Curses is active (between a successful newterm and endwin), for the atexit safety net.
let cursesActive = Atomic<Bool>(false)

enum SignalSetup {
    /// Installs the handlers; idempotent. Must run before `newterm`, so ncurses sees they are not
    /// SIG_DFL and leaves SIGINT/SIGTERM/SIGTSTP to us (it keeps SIGWINCH, which we leave alone).
    static func install() {
        guard !installed.exchange(true, ordering: .relaxed) else { return }
        for sig in [SIGTERM, SIGHUP] {
            set(sig) { s in pendingTerminationSignal.store(s, ordering: .relaxed) }
        }
        set(SIGINT) { _ in pendingInterrupt.store(1, ordering: .relaxed) }
        installStopHandler()
        set(SIGCONT) { _ in pendingContinue.store(1, ordering: .relaxed) }
        atexit {
            // Safety net: a path that calls exit() while curses is active still restores the tty.
            if cursesActive.exchange(false, ordering: .relaxed) { CursesTerminal.emergencyEndwin() }
        }
    }

    /// Ctrl-Z: the handler gives the terminal back at once (see `FatalRestore.restoreForStop`),
    /// with SIGTTOU blocked while it runs, and the run loop then stops the process.
    static func installStopHandler() {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in
            pendingStop.store(1, ordering: .relaxed)
            FatalRestore.shared.restoreForStop()
        }
        sigemptyset(&sa.sa_mask)
        sigaddset(&sa.sa_mask, SIGTTOU)
        sa.sa_flags = 0 // no SA_RESTART: a blocked read must return EINTR
        sigaction(SIGTSTP, &sa, nil)
    }

    /// Restores the default action for SIGTSTP so that raising it actually stops the process.
    static func defaultStopHandler() {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(SIGTSTP, &sa, nil)
    }

    private static let installed = Atomic<Bool>(false)
    /// Total time stopped (Ctrl-Z), in nanoseconds; only the run loop's thread adds to it.
    private static let stoppedNanoseconds = Atomic<Int64>(0)

    static func addStoppedTime(_ d: Duration) {
        let (s, atto) = d.components
        stoppedNanoseconds.add(s &* 1_000_000_000 &+ atto / 1_000_000_000, ordering: .relaxed)
    }

    static var stoppedSeconds: Double { Double(stoppedNanoseconds.load(ordering: .relaxed)) / 1e9 }

    private static func set(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = handler
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0 // no SA_RESTART: a blocked read must return EINTR
        sigaction(sig, &sa, nil)
    }
}
