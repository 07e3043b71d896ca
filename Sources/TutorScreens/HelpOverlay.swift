import MathEngine
import TerminalUI
import TutorContent

/// The help screen: every key, drawn from the keymap itself (so help never disagrees with the
/// keys). It replaces the whole screen: one column below 100 columns, two above, and it scrolls
/// (↑/↓, PgUp/PgDn) so every section is reachable at 70×20; "more" says when rows are hidden.
struct HelpOverlay {
    let keymap: Keymap
    let glyphs: Glyphs
    /// The question on screen, if any: the tip's examples are chosen to answer none of its steps,
    /// and its `log:` setting says what `log` means.
    var variant: Variant? = nil
    /// First visible row (clamped to what there is).
    var scroll = 0
    /// A running quiz's clock ("12:34 left"): it stays in the title while the help is open, and
    /// the tour is not offered over the quiz.
    var quizClock: String? = nil

    static let keyWidth = 15

    /// The help's rows per column for a screen of `size`.
    static func columns(
        keymap: Keymap, glyphs: Glyphs, size: Size, log: LogBase = .natural, tour: Bool = true
    ) -> [[StyledLine]] {
        var sections: [[StyledLine]] = []
        let all = keymap.helpSections(log: log, tour: tour) + [PracticeScoringText.helpSection]
        for section in all where !section.rows.isEmpty {
            var lines = [StyledLine(section.title, .role(.title).bold())]
            for (keys, what) in section.rows {
                lines.append(StyledLine(" " + DisplayWidth.pad(glyphs.text(keys), to: keyWidth) + glyphs.text(what), .normal))
            }
            sections.append(lines)
        }
        let count = size.width >= 100 ? 2 : 1
        let total = sections.reduce(0) { $0 + $1.count + 1 }
        var out: [[StyledLine]] = Array(repeating: [], count: count)
        var col = 0
        for section in sections {
            // The next column starts at a section boundary once this one holds its share.
            if col < count - 1, !out[col].isEmpty, out[col].count + section.count / 2 > total / count { col += 1 }
            if !out[col].isEmpty { out[col].append(StyledLine("", .normal)) }
            out[col] += section
        }
        return out
    }

    /// Rows of help visible at once on a screen of `size` (title, more-line and tip excluded).
    static func visibleRows(_ size: Size) -> Int { max(1, size.height - 4) }

    /// The largest useful scroll for a screen of `size`.
    static func maxScroll(keymap: Keymap, glyphs: Glyphs, size: Size, tour: Bool = true) -> Int {
        let longest = columns(keymap: keymap, glyphs: glyphs, size: size, tour: tour).map(\.count).max() ?? 0
        return max(0, longest - visibleRows(size))
    }

    func draw(in buffer: inout Buffer) {
        buffer.clear()
        let right = quizClock.map { "quiz: \($0) · Esc closes " } ?? "↑↓ PgUp PgDn scroll · t tour · Esc closes "
        StatusLine(left: " dltutor keys", right: right, style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: buffer.width, height: 1))
        let tour = quizClock == nil
        let columns = Self.columns(
            keymap: keymap, glyphs: glyphs, size: buffer.size, log: variant?.log ?? .natural, tour: tour)
        let rows = Self.visibleRows(buffer.size)
        let top = min(scroll, Self.maxScroll(keymap: keymap, glyphs: glyphs, size: buffer.size, tour: tour))
        let area = Rect(x: 1, y: 1, width: buffer.width - 2, height: rows)
        let colWidth = area.width / columns.count
        for (c, lines) in columns.enumerated() {
            for (i, line) in lines.dropFirst(top).prefix(rows).enumerated() {
                buffer.put(
                    DisplayWidth.truncate(line.text, to: colWidth - 1, ellipsis: glyphs.ellipsis),
                    at: Point(x: area.x + c * colWidth, y: area.y + i), style: line.style)
            }
        }
        let longest = columns.map(\.count).max() ?? 0
        let below = longest - top - rows
        if top > 0 || below > 0 {
            let down = glyphs.isUnicode ? "↓" : "v", up = glyphs.isUnicode ? "↑" : "^"
            let more = below > 0 ? "\(down) \(below) more rows: ↓ / PgDn" : "\(up) top: PgUp"
            let text = glyphs.text(more)
            buffer.put(text, at: Point(x: buffer.width - 1 - DisplayWidth.of(text), y: buffer.height - 2), style: .role(.accent))
        }
        // The log sentence first: it is what 80 columns always show.
        let tip = (variant?.log ?? .natural).sentence + " " + FormatExample.helpTip(for: variant)
        buffer.put(
            DisplayWidth.truncate(glyphs.text(tip), to: buffer.width - 2), at: Point(x: 1, y: buffer.height - 1),
            style: .role(.dim))
    }
}
