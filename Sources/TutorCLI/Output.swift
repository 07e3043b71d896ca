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
/// control characters (but tab and newline), DEL, C1 controls and the bidi controls are shown as
/// `<U+001B>`. YAML's `"\e"` escape or a pasted answer can otherwise clear a screen, change
/// colours or reorder what an instructor reads.
public func printSafe(_ text: String, terminator: String = "\n") {
    print(visibleControls(text), terminator: terminator)
}

public func visibleControls(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHiddenControl) else { return text }
    var out = ""
    for u in text.unicodeScalars {
        if isHiddenControl(u) {
            let hex = String(u.value, radix: 16, uppercase: true)
            out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        } else {
            out.unicodeScalars.append(u)
        }
    }
    return out
}

/// C0 controls but tab and LF, DEL, C1 controls, and bidi marks, embeddings, overrides, isolates.
public func isHiddenControl(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
