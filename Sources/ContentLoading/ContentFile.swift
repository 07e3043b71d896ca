#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a content or cache file whole, but only a regular file and only up to a limit: a FIFO
/// would hang the reader (its `open` waits for a writer, so it is opened non-blocking and then
/// refused), a link to `/dev/zero` would fill memory, and a 40 MB question file is not content.
public enum ContentFile {
    /// The largest question or exam file read (the shipped ones are a few kilobytes).
    public static let maxYAMLBytes = 4 << 20
    /// The largest content cache read (the bundled exam's is about 100 kilobytes).
    public static let maxCacheBytes = 16 << 20

    /// Why a file was not read, as the end of "cannot read the file: …".
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case cannotOpen(String)
        case notRegular(String)
        case tooLarge(limit: Int)
        case readFailed(String)

        public var description: String {
            switch self {
            case .cannotOpen(let why), .readFailed(let why): why
            case .notRegular(let kind): "it is \(kind), not a regular file"
            case .tooLarge(let limit): "it is larger than \(limit >> 20) MiB"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them. `followLinks: false`
    /// refuses a symbolic link too (the cache, whose folder other programs may write).
    public static func bytes(_ path: String, limit: Int, followLinks: Bool = true) -> Result<[UInt8], Problem> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            return .failure(errno == ELOOP ? .notRegular("a symbolic link") : .cannotOpen(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.readFailed(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(kind(info.st_mode))) }
        guard info.st_size <= limit else { return .failure(.tooLarge(limit: limit)) }
        // One byte more than the size, so the end is seen at once; a file that grows meanwhile
        // is read up to the limit.
        var out = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == out.count {
                guard out.count <= limit else { return .failure(.tooLarge(limit: limit)) }
                out.append(contentsOf: repeatElement(0, count: min(out.count, limit + 1 - out.count)))
            }
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(.readFailed(String(cString: strerror(errno)))) }
            if n == 0 {
                out.removeLast(out.count - filled)
                return .success(out)
            }
            filled += n
        }
    }

    /// "a FIFO", "a folder", "a device", … for a mode that is not a regular file's.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }
}
