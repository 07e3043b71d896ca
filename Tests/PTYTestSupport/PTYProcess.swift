import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Serialises pty creation and spawning within the test process: between `openpty` and setting
/// FD_CLOEXEC, a concurrent `posix_spawn` on another thread would inherit our pty descriptors.
let spawnLock = Mutex<Void>(())

/// A child process running on a fresh pseudo-terminal, for end-to-end tests of the real binary.
///
/// Spawned with `posix_spawn` (never `fork`, which is unsafe in the multithreaded test runner)
/// and `POSIX_SPAWN_SETSID`: the child starts a new session and then opens the slave by name, so
/// the slave becomes its *controlling* terminal. That is what makes ^C deliver SIGINT and a
/// `TIOCSWINSZ` on the master deliver SIGWINCH, exactly as in a real terminal. (Foundation's
/// `Process` gives no controlling tty.)
public final class PTYProcess {
    public enum ExitStatus: Hashable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)
        public var description: String {
            switch self {
            case .exited(let c): return "exit \(c)"
            case .signaled(let s): return "signal \(s)"
            }
        }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    public let pid: pid_t
    public let masterFD: Int32
    public private(set) var exitStatus: ExitStatus?
    /// True once reading the master returned EOF/EIO after the child exited.
    public private(set) var isDrained = false
    /// Reused by every `read`: allocating and zeroing 64 KiB per read added to every keystroke a
    /// benchmark times.
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    /// The environment every child gets unless overridden: a terminfo entry that ncurses and our
    /// VTScreen agree on (tmux-256color: no REP, Unicode line drawing) and a UTF-8 locale.
    public static var defaultEnvironment: [String: String] {
        var env = ["TERM": "tmux-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": testCacheFolder]
        for key in ["PATH", "HOME"] { if let v = getenv(key) { env[key] = String(cString: v) } }
        return env
    }

    /// The content cache of programs under test lives in the build folder, next to the test
    /// binaries, never in the user's `~/.cache`.
    public static var testCacheFolder: String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        let exe = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/tmp/dltutor-tests"
        return String(exe[..<(exe.lastIndex(of: "/") ?? exe.endIndex)]) + "/test-cache"
    }

    /// Starts `executable` with `arguments` on a `columns`x`rows` pty. `environment` replaces the
    /// default entirely when given; use `defaultEnvironment.merging(...)` to add to it.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String]? = nil,
        columns: Int = 80, rows: Int = 24
    ) throws {
        (pid, masterFD) = try spawnLock.withLock { _ in
            try Self.spawn(executable: executable, arguments: arguments, environment: environment, columns: columns, rows: rows)
        }
    }

    private static func spawn(
        executable: String, arguments: [String], environment: [String: String]?,
        columns: Int, rows: Int
    ) throws -> (pid_t, Int32) {
        var master: Int32 = -1, slave: Int32 = -1
        var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &ws) == 0 else {
            throw SpawnError(description: "openpty failed: errno \(errno)")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var nameBuf = [CChar](repeating: 0, count: 128) // ttyname() is not thread-safe
        guard ttyname_r(slave, &nameBuf, nameBuf.count) == 0 else {
            close(master)
            close(slave)
            throw SpawnError(description: "ttyname_r failed")
        }
        let slaveName = String(decoding: nameBuf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_addclose(&fa, master)
        posix_spawn_file_actions_addclose(&fa, slave)
        posix_spawn_file_actions_addopen(&fa, 0, slaveName, O_RDWR, 0) // after setsid: controlling tty
        posix_spawn_file_actions_adddup2(&fa, 0, 1)
        posix_spawn_file_actions_adddup2(&fa, 0, 2)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)
        let POSIX_SPAWN_SETSID: Int32 = 0x80 // hidden behind __USE_GNU in Glibc's module
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSID | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        let env = (environment ?? defaultEnvironment).map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &fa, &attr, &cArgv, &cEnv)
        close(slave)
        guard rc == 0 else {
            close(master)
            throw SpawnError(description: "posix_spawn \(executable) failed: \(String(cString: strerror(rc)))")
        }
        return (child, master)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var st: Int32 = 0
            waitpid(pid, &st, 0)
        }
        close(masterFD)
    }

    // MARK: Output

    /// Reads what the child has written, waiting up to `timeout` for the first byte. Returns an
    /// empty array on timeout or once the child has exited and its output is drained.
    public func read(timeout: Duration) -> [UInt8] {
        var pfd = pollfd(fd: masterFD, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(0, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let n = poll(&pfd, 1, ms)
        guard n > 0 else { return [] }
        let got = readBuffer.withUnsafeMutableBytes { Glibc.read(masterFD, $0.baseAddress, $0.count) }
        if got > 0 { return Array(readBuffer[0..<got]) }
        // EIO: no process has the slave open. Before the child opens it this is transient.
        if reap() != nil { isDrained = true } else { usleep(1000) }
        return []
    }

    // MARK: Input

    public func write(_ bytes: [UInt8]) {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.write(masterFD, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            off += n
        }
    }
    public func write(_ text: String) { write(Array(text.utf8)) }

    /// Changes the pty size; the kernel sends SIGWINCH to the child's foreground process group.
    public func resize(columns: Int, rows: Int) {
        var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(masterFD, UInt(TIOCSWINSZ), &ws)
    }

    public func signal(_ sig: Int32) { kill(pid, sig) }

    /// The pty's current line discipline settings (on Linux the master reports the slave's).
    public func termios() -> termios? {
        var t = Glibc.termios()
        return tcgetattr(masterFD, &t) == 0 ? t : nil
    }

    /// Canonical mode and echo are both on, as a shell expects after a TUI exits.
    public var isCookedMode: Bool {
        guard let t = termios() else { return false }
        return t.c_lflag & tcflag_t(ICANON) != 0 && t.c_lflag & tcflag_t(ECHO) != 0
    }

    // MARK: Exit

    /// Non-blocking check; records and returns the status once the child has exited.
    @discardableResult
    public func reap() -> ExitStatus? {
        if let exitStatus { return exitStatus }
        var st: Int32 = 0
        let r = waitpid(pid, &st, WNOHANG)
        guard r == pid else { return nil }
        // WIFEXITED & co. are macros that do not import: decode by hand.
        let sig = st & 0x7f
        exitStatus = sig == 0 ? .exited((st >> 8) & 0xff) : .signaled(sig)
        return exitStatus
    }

    /// Waits up to `timeout` for the child to exit, draining its output meanwhile (a child
    /// blocked on a full pty buffer would never exit) into `onOutput`.
    public func waitForExit(timeout: Duration = .seconds(5), onOutput: ([UInt8]) -> Void = { _ in }) -> ExitStatus? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            let bytes = read(timeout: .milliseconds(10))
            if !bytes.isEmpty { onOutput(bytes) }
            if let s = reap() {
                // Drain what is left.
                while true {
                    let more = read(timeout: .milliseconds(5))
                    if more.isEmpty { break }
                    onOutput(more)
                }
                return s
            }
        }
        return reap()
    }
}
