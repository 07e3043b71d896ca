import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes a terminal sends for each key, read from terminfo for the child's TERM.
///
/// Why not hard-code `ESC [ A`: ncurses decodes only what terminfo lists for $TERM, and with
/// `keypad(TRUE)` the terminal is in application mode, so tmux-256color's Up is `ESC O A`. A test
/// that sends the wrong form delivers a bare ESC plus "[A" (in the prototype that quit the app).
/// The values come from `tput -T <term> <cap>` at runtime; the constants are tmux-256color's
/// (ncurses 6.4), used when tput is unavailable.
public struct TerminalKeys: Sendable {
    public let term: String
    private let table: [Key: [UInt8]]

    public static let tmuxFallback: [Key: String] = [
        .up: "\u{1B}OA", .down: "\u{1B}OB", .right: "\u{1B}OC", .left: "\u{1B}OD",
        .home: "\u{1B}[1~", .end: "\u{1B}[4~", .delete: "\u{1B}[3~", .backspace: "\u{7F}",
        .backTab: "\u{1B}[Z", .pageUp: "\u{1B}[5~", .pageDown: "\u{1B}[6~", .function(1): "\u{1B}OP"
    ]
    private static let capabilities: [(Key, String)] =
        [
            (.up, "kcuu1"), (.down, "kcud1"), (.right, "kcuf1"), (.left, "kcub1"), (.home, "khome"),
            (.end, "kend"), (.delete, "kdch1"), (.backspace, "kbs"), (.backTab, "kcbt"), (.pageUp, "kpp"),
            (.pageDown, "knp")
        ] + (1...12).map { (.function($0), "kf\($0)") }

    public init(term: String = "tmux-256color") {
        self.term = term
        var t: [Key: [UInt8]] = [:]
        for (key, cap) in Self.capabilities {
            if let bytes = Self.tput(term: term, capability: cap), !bytes.isEmpty { t[key] = bytes }
        }
        if term == "tmux-256color" {
            for (k, v) in Self.tmuxFallback where t[k] == nil { t[k] = Array(v.utf8) }
        }
        table = t
    }

    /// Shared instance for tmux-256color (tput runs once per process).
    public static let tmux = TerminalKeys()

    /// Bytes for a key: terminfo's sequence for special keys; the character's UTF-8 otherwise;
    /// control characters for Enter (CR, as a terminal sends), Tab, Esc and Ctrl-letters.
    public func bytes(for key: Key) -> [UInt8] {
        if let b = table[key] { return b }
        switch key {
        case .char(let c): return Array(String(c).utf8)
        case .enter: return [13]
        case .tab: return [9]
        case .escape: return [27]
        case .backspace: return [127]
        case .ctrl(let c):
            guard let a = c.asciiValue else { return [] }
            return [a & 0x1F]
        default: return []
        }
    }

    /// Runs `tput -T term cap` and returns its raw output (nil if tput fails or lacks the cap).
    static func tput(term: String, capability: String) -> [UInt8]? {
        var fds: [Int32] = [0, 0]
        let ok = spawnLock.withLock { _ -> Bool in // pipe2 is hidden behind _GNU_SOURCE
            guard pipe(&fds) == 0 else { return false }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            return true
        }
        guard ok else { return nil }
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_adddup2(&fa, fds[1], 1)
        posix_spawn_file_actions_addclose(&fa, fds[0])
        posix_spawn_file_actions_addclose(&fa, fds[1])
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tput", "-T", term, capability]
        var cArgv = argv.map { strdup($0) } + [nil]
        defer { cArgv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = spawnLock.withLock { _ in posix_spawnp(&pid, "tput", &fa, nil, &cArgv, nil) }
        close(fds[1])
        defer { close(fds[0]) }
        guard rc == 0 else { return nil }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 256)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n > 0 { out += buf[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        var st: Int32 = 0
        waitpid(pid, &st, 0)
        return st == 0 ? out : nil
    }
}
