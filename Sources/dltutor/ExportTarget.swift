import ArgumentParser
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Where `export -o FILE` may write. An existing file is replaced only with `--force`, and the
/// progress database itself (or its `-wal`/`-shm`, under any name: a symlink, `./`, a hard link)
/// never, because overwriting it would destroy every mark it holds. Files are compared by device
/// and inode, so another spelling of the same path is caught.
enum ExportTarget {
    static func check(_ output: String, database: String, force: Bool) throws {
        guard let target = identity(output) else { return } // does not exist yet: fine
        for suffix in ["", "-wal", "-shm"] where identity(database + suffix) == target {
            throw ValidationError(
                "'\(output)' is the progress database\(suffix.isEmpty ? "" : " (its \(suffix) file)"); export to another file.")
        }
        if !force { throw ValidationError("'\(output)' exists; pass --force to replace it.") }
    }

    /// Writes without racing another writer: a new file is created exclusively (O_EXCL), so a
    /// file that appeared after the check is not overwritten; with `--force`, an atomic replace.
    static func write(_ text: String, to output: String, force: Bool) throws {
        if force {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw ValidationError("cannot write '\(output)': \(error.localizedDescription)")
            }
            return
        }
        let fd = open(output, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "it exists; pass --force to replace it" : String(cString: strerror(errno))
            throw ValidationError("cannot write '\(output)': \(why).")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do { try handle.write(contentsOf: Data(text.utf8)); try handle.synchronize() } catch {
            throw ValidationError("cannot write '\(output)': \(error.localizedDescription)")
        }
    }

    private struct Identity: Equatable { var device: UInt64; var inode: UInt64 }

    private static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}
