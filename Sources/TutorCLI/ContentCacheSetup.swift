import ContentLoading
import TutorContent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ContentOptions {
    /// The version both executables report (`dltutor --version`); part of the cache key.
    public static let programVersion = "0.1.0"

    /// The compiled content cache every content command reads through (lint reads the YAML).
    /// Its key includes this build of the program (version, size and time of the executable), so
    /// a rebuilt dltutor never reads what another build wrote. `DLTUTOR_CACHE=off` turns it off.
    public static let cache: ContentCache? = {
        if let setting = getenv("DLTUTOR_CACHE").map({ String(cString: $0) }), setting == "off" { return nil }
        let variable = { (name: String) in getenv(name).map { String(cString: $0) } }
        guard let folder = ContentCache.defaultFolder(xdgCacheHome: variable("XDG_CACHE_HOME"), home: variable("HOME"))
        else { return nil }
        return ContentCache(folder: folder, programVersion: ContentOptions.programVersion + "+" + buildFingerprint())
    }()

    /// Size and modification time of the running executable.
    private static func buildFingerprint() -> String {
        var st = stat()
        #if os(Linux)
            let exe = "/proc/self/exe"
        #else
            let exe = CommandLine.arguments[0]
        #endif
        guard stat(exe, &st) == 0 else { return "unknown" }
        #if os(Linux)
            return "\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
        #else
            return "\(st.st_size)-\(st.st_mtimespec.tv_sec)-\(st.st_mtimespec.tv_nsec)"
        #endif
    }
}
