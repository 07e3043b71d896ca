#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Writes a line to standard error (Swift 6 forbids touching Glibc's `stderr` global directly
/// without `@preconcurrency`; keeping it here keeps the rest of the CLI clean).
public func printError(_ line: String) {
    let text = line.hasSuffix("\n") ? line : line + "\n"
    _ = text.withCString { fputs($0, stderr) }
}
