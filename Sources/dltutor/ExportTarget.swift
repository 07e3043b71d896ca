import ArgumentParser
import Foundation
import TutorCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Where `export -o FILE` may write. Only a regular file, or a name not yet taken: a device, a
/// FIFO, a socket, a folder or a symlink is refused with or without `--force` (replacing
/// `/dev/null` with a CSV file, or following a link somewhere else, is never what was meant). An
/// existing regular file is replaced only with `--force`, and the progress database itself (or
/// its `-wal`/`-shm`/`-journal`, under any name: a hard link, `./`) never, because overwriting it
/// would destroy every mark it holds. Files are compared by device and inode.
enum ExportTarget {
    static func check(_ output: String, database: String, force: Bool) throws {
        var st = stat()
        guard lstat(output, &st) == 0 else { return } // does not exist yet: fine
        let target = identity(output) // a symlink to the database is caught here too
        for suffix in ["", "-wal", "-shm", "-journal"] where target != nil && identity(database + suffix) == target {
            throw ValidationError(
                "'\(output)' is the progress database\(suffix.isEmpty ? "" : " (its \(suffix) file)"); export to another file.")
        }
        if let kind = nonRegularKind(st.st_mode) {
            throw ValidationError("'\(output)' is \(kind), not a regular file; export to a file (or to standard output).")
        }
        if !force { throw ValidationError("'\(output)' exists; pass --force to replace it.") }
    }

    /// Writes without racing another writer: a new file is created exclusively (O_EXCL, never
    /// through a symlink), so a file that appeared after the check is not overwritten; with
    /// `--force`, a temporary file beside it is written and renamed over it. A write that fails
    /// (a full disk) removes the file it created, so a retry finds the name free.
    static func write(_ text: String, to output: String, force: Bool) throws {
        let target = force ? temporaryName(for: output) : output
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "it exists; pass --force to replace it" : String(cString: strerror(errno))
            throw failure(output, why)
        }
        let written = writeAll(Array(text.utf8), to: fd)
        let synced = written == nil && fsync(fd) == 0
        let error = written ?? (synced ? nil : errno)
        let closed = close(fd) == 0
        if let error = error ?? (closed ? nil : errno) {
            unlink(target)
            throw failure(output, String(cString: strerror(error)))
        }
        guard force else { return }
        do { try check(output, database: "", force: true) } catch { // still a regular file (or gone)?
            unlink(target)
            throw error
        }
        if rename(target, output) != 0 {
            let why = String(cString: strerror(errno))
            unlink(target)
            throw failure(output, why)
        }
    }

    /// Writes every byte, or returns the errno of the write that failed.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n < 0 ? errno : ENOSPC }
            offset += n
        }
        return nil
    }

    private static func failure(_ output: String, _ why: String) -> any Error {
        printError("dltutor: cannot write '\(output)': \(why); nothing was written.")
        return ExitCode(1)
    }

    /// `.NAME.dltutor-XXXXXX` in the target's folder (a rename cannot cross file systems).
    private static func temporaryName(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).dltutor-\(suffix)").path
    }

    /// "a device", "a FIFO", … for anything but a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    private static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard !path.isEmpty, stat(path, &st) == 0 else { return nil }
        return Identity(st)
    }
}
