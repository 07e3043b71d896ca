import MathEngine
import TerminalUI
import TutorContent

/// The `?` screen: every key, drawn from the keymap itself (so help never disagrees with the
/// keys). It replaces the whole screen, in one or two columns as the size allows.
struct HelpOverlay {
    let keymap: Keymap
    let glyphs: Glyphs
    /// The question on screen, if any: the tip's examples are chosen to answer none of its steps,
    /// and its `log:` setting says what `log` means.
    var variant: Variant? = nil

    func draw(in buffer: inout Buffer) {
        buffer.clear()
        StatusLine(left: " dltutor keys", right: "Esc or ? closes ", style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: buffer.width, height: 1))
        var lines: [StyledLine] = []
        let keyWidth = 15
        for section in keymap.helpSections() where !section.rows.isEmpty {
            if !lines.isEmpty { lines.append(StyledLine("", .normal)) }
            lines.append(StyledLine(section.title, .role(.title).bold()))
            for (keys, what) in section.rows {
                lines.append(StyledLine(" " + DisplayWidth.pad(glyphs.text(keys), to: keyWidth) + glyphs.text(what), .normal))
            }
        }
        let area = Rect(x: 1, y: 2, width: buffer.width - 2, height: buffer.height - 4)
        let columns = lines.count > area.height ? 2 : 1
        let colWidth = area.width / columns
        var col = 0, row = 0
        for line in lines {
            if row >= area.height || (row == 0 && line.text.isEmpty && col > 0) {
                if row >= area.height { col += 1; row = 0 }
                if line.text.isEmpty { continue }
            }
            guard col < columns else { break }
            buffer.put(DisplayWidth.truncate(line.text, to: colWidth - 1, ellipsis: glyphs.ellipsis),
                       at: Point(x: area.x + col * colWidth, y: area.y + row), style: line.style)
            row += 1
        }
        // The log sentence first: it is what 80 columns always show.
        let tip = (variant?.log ?? .natural).sentence + " " + FormatExample.helpTip(for: variant)
        buffer.put(DisplayWidth.truncate(glyphs.text(tip), to: buffer.width - 2), at: Point(x: 1, y: buffer.height - 1), style: .role(.dim))
    }
}
