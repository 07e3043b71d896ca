#if canImport(Glibc)
    import Glibc
#endif

/// `readlink` without Foundation (the Glibc overlay exposes it with a `CChar` buffer).
func readlinkShim(_ path: String, _ buf: UnsafeMutablePointer<CChar>, _ size: Int) -> Int {
    readlink(path, buf, size)
}
