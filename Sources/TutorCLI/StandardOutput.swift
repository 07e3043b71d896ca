#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Standard output that was not written is an error: a command whose report went nowhere (a
/// full disk, `> /dev/full`, a closed file) exits with `failureStatus` and says so on stderr,
/// instead of exiting 0 with a truncated file. Every command ends through `ensureWritten`.
public enum StandardOutput {
    /// EX_IOERR from sysexits.h: an input/output error, distinct from every verdict status.
    public static let failureStatus: Int32 = 74

    /// Flushes standard output; when any of it could not be written, says why and exits.
    public static func ensureWritten() {
        if let problem = flushProblem() { fail(problem) }
    }

    /// Flushes and returns what went wrong (nil when everything printed so far was written).
    public static func flushProblem() -> String? {
        errno = 0
        let flushed = fflush(stdout) == 0
        let code = errno
        guard !flushed || ferror(stdout) != 0 else { return nil }
        return code != 0 ? String(cString: strerror(code)) : "a write failed"
    }

    /// Reports the failed output on stderr and exits with `failureStatus`.
    public static func fail(_ problem: String) -> Never {
        printError("dltutor: could not write the output to standard output (\(problem)); it is incomplete.")
        _exit(failureStatus) // not exit(): its own flush of stdout would fail again
    }
}
