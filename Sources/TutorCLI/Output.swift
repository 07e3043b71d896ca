// The one hidden-control filter: every line the CLI prints goes through it.
import TutorOutput

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Writes a line to standard error (Swift 6 forbids touching Glibc's `stderr` global directly
/// without `@preconcurrency`; keeping it here keeps the rest of the CLI clean).
public func printError(_ line: String) {
    let text = line.hasSuffix("\n") ? line : line + "\n"
    _ = visibleControls(text).withCString { fputs($0, stderr) }
}

/// Prints text that came from content or from an answer without letting it drive the terminal:
/// hidden controls (`isHiddenControl`) are shown as `<U+001B>`.
public func printSafe(_ text: String, terminator: String = "\n") {
    print(visibleControls(text), terminator: terminator)
}
