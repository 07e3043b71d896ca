/// The one rule for characters that change how text looks without being seen: C0 controls but
/// tab and LF, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates. Text from
/// content or from an answer goes through it before it reaches a terminal, a CSV cell or a JSON
/// string, so a YAML `"\e"` escape or a pasted answer cannot clear a screen, change colours or
/// reorder what an instructor reads.
public func isHiddenControl(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}

/// `text` with every hidden control written as `<U+001B>`, so it is seen instead of obeyed.
public func visibleControls(_ text: String) -> String {
    visibleControls(text, keeping: { _ in false })
}

/// `text` with every hidden control but those `keep` accepts written as `<U+001B>` (a CSV cell
/// keeps CR, since the cell is quoted).
func visibleControls(_ text: String, keeping keep: (Unicode.Scalar) -> Bool) -> String {
    guard text.unicodeScalars.contains(where: { isHiddenControl($0) && !keep($0) }) else { return text }
    var out = ""
    for u in text.unicodeScalars {
        if isHiddenControl(u), !keep(u) { out += "<U+" + hex4(u.value) + ">" } else { out.unicodeScalars.append(u) }
    }
    return out
}

/// At least four upper-case hex digits, as in `U+001B`.
func hex4(_ v: UInt32) -> String {
    let h = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - h.count)) + h
}
