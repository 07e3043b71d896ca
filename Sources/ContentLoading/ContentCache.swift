import TutorContent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parsed exam kept in a compact binary file (`$XDG_CACHE_HOME/dltutor`, else `~/.cache/dltutor`),
/// so starting the tutor or a one-shot command skips YAML and formula parsing.
///
/// The key is a hash of the program's version, the cache format, the directory (its path, device
/// and inode) and the name and bytes of every `*.yaml` file in it: a changed, added or removed
/// file (or another build) misses and the YAML is loaded and the cache written again. The body
/// carries a checksum (with the key folded in), checked on every read, so a flipped bit or a
/// header pasted onto another folder's cache is a miss too; the decoder bounds nesting and every
/// count. A cache that cannot be read, decoded or written is ignored: the YAML is always there
/// to fall back on. Only a regular file is read (never a link, a FIFO or a device), and the cache
/// is written to a new file (O_EXCL, O_NOFOLLOW) renamed into place. Lint never uses the cache.
public struct ContentCache: Sendable {
    /// Bump whenever `ContentCodec` changes what it writes.
    static let format: UInt64 = 12
    private static let magic: [UInt8] = Array("dltutor-content".utf8)

    public let folder: String
    public let programVersion: String

    public init(folder: String, programVersion: String) {
        self.folder = folder
        self.programVersion = programVersion
    }

    /// `$XDG_CACHE_HOME/dltutor` (when absolute), else `$HOME/.cache/dltutor`; nil with neither.
    /// (The two variables, not the environment as a dictionary: the first `[String: String]` of a
    /// run costs the one-shot commands a quarter of a millisecond of runtime type lookups.)
    public static func defaultFolder(xdgCacheHome: String?, home: String?) -> String? {
        if let xdg = xdgCacheHome, xdg.hasPrefix("/") { return xdg + "/dltutor" }
        if let home, !home.isEmpty { return home + "/.cache/dltutor" }
        return nil
    }

    /// The exam from the cache when it matches the files, else from the YAML (refreshing the cache).
    public func load(directory: String) -> LoadResult {
        let key = key(directory: directory)
        if let key, let cached = fetch(path(directory: directory), key: key) { return cached }
        return loadYAML(directory: directory, key: key)
    }

    /// The exam from the YAML, written to the cache under `key` (nil: the files could not be read
    /// for a key, so nothing is written).
    private func loadYAML(directory: String, key: UInt64?) -> LoadResult {
        let result = ExamLoader.load(directory: directory)
        if let key { store(result, key: key, to: path(directory: directory)) }
        return result
    }

    /// One question: `pick` chooses its index among every question's id (in file order), and only
    /// that question is decoded from the cache (a miss loads the YAML and refreshes the cache as
    /// `load` does). The exam returned holds that question alone, or none when `pick` chose none;
    /// `ids` are all of them.
    public func load(directory: String, pick: ([String]) -> Int?) -> (result: LoadResult, ids: [String]) {
        let key = key(directory: directory)
        if let key, let cached = fetch(path(directory: directory), key: key, pick: pick) { return cached }
        let full = loadYAML(directory: directory, key: key)
        let ids = full.exam.questions.map(\.id)
        let chosen = pick(ids).map { [full.exam.questions[$0]] } ?? []
        let exam = Exam(
            id: full.exam.id, title: full.exam.title, questions: chosen, directory: full.exam.directory, log: full.exam.log)
        return (LoadResult(exam: exam, diagnostics: full.diagnostics), ids)
    }

    /// Whether the cache holds this directory's current content (for tests and the benchmark).
    public func isFresh(directory: String) -> Bool {
        guard let key = key(directory: directory) else { return false }
        return fetch(path(directory: directory), key: key) != nil
    }

    func path(directory: String) -> String {
        var h = WordHash()
        h.add(Array(directory.utf8))
        return folder + "/content-" + String(h.value, radix: 16) + ".bin"
    }

    /// The hash of everything the parsed content depends on; nil if the directory cannot be listed
    /// or a file read (then the loader reports it from the YAML).
    func key(directory: String) -> UInt64? {
        guard let names = Self.yamlFiles(in: directory) else { return nil }
        var h = WordHash()
        h.add(Self.format)
        h.add(Array(programVersion.utf8))
        h.add(0)
        h.add(Array(directory.utf8))
        h.add(0)
        var folder = stat()
        guard stat(directory, &folder) == 0 else { return nil }
        h.add(UInt64(folder.st_dev))
        h.add(UInt64(folder.st_ino))
        for name in names {
            guard case .success(let bytes) = ContentFile.bytes(directory + "/" + name, limit: ContentFile.maxYAMLBytes) else {
                return nil
            }
            h.add(Array(name.utf8))
            h.add(0)
            h.add(UInt64(bytes.count))
            h.add(bytes)
        }
        return h.value
    }

    private func fetch(_ file: String, key: UInt64) -> LoadResult? {
        guard var r = reader(file, key: key), let result = try? ContentCodec.readLoadResult(&r), r.isAtEnd else { return nil }
        return result
    }

    private func fetch(_ file: String, key: UInt64, pick: ([String]) -> Int?) -> (result: LoadResult, ids: [String])? {
        guard var r = reader(file, key: key) else { return nil }
        var ids: [String] = []
        let result = try? ContentCodec.readLoadResult(&r) { all in
            ids = all
            return pick(all).map { [$0] } ?? []
        }
        guard let result, r.isAtEnd else { return nil }
        return (result, ids)
    }

    /// The cache file's contents after its header, when the header is this format's and `key`
    /// and the body's checksum matches.
    private func reader(_ file: String, key: UInt64) -> CacheReader? {
        guard case .success(let bytes) = ContentFile.bytes(file, limit: ContentFile.maxCacheBytes, followLinks: false) else {
            return nil
        }
        var r = CacheReader(bytes)
        do {
            for m in Self.magic { guard try r.byte() == m else { return nil } }
            guard try r.uint() == Self.format, try r.uint() == key else { return nil }
            let sum = try r.uint()
            guard r.restChecksum(key: key) == sum else { return nil }
            return r
        } catch {
            return nil
        }
    }

    private func store(_ result: LoadResult, key: UInt64, to file: String) {
        var body = CacheWriter()
        ContentCodec.write(result, to: &body)
        var w = CacheWriter()
        for m in Self.magic { w.byte(m) }
        w.uint(Self.format)
        w.uint(key)
        w.uint(CacheReader.checksum(key: key, body.bytes[...]))
        w.append(body)
        guard Self.makeFolder(folder) else { return }
        // Written to a new file beside it (never through a link planted under that name) and
        // renamed over, so a reader never sees half a file.
        let temp = file + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let complete = w.bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        close(fd)
        if !complete || rename(temp, file) != 0 { unlink(temp) }
    }

    // MARK: Files

    /// The `*.yaml` names in `directory`, sorted; nil if it cannot be listed.
    static func yamlFiles(in directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasSuffix(".yaml") { names.append(name) }
        }
        return names.sorted()
    }

    static func makeFolder(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        var built = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
