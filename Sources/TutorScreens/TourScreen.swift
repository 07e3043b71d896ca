import TerminalUI
import TutorSession

/// The first-run tour: one page at a time in a centred frame, with the page count and the keys.
struct TourScreen {
    let tour: Tour
    let glyphs: Glyphs

    func draw(in buffer: inout Buffer) {
        buffer.clear()
        StatusLine(
            left: " dltutor tour", right: "page \(tour.index + 1) of \(tour.pages.count) ", style: .role(.selection),
            glyphs: glyphs
        )
        .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: buffer.width, height: 1))
        let width = min(buffer.width - 4, 76)
        let x = (buffer.width - width) / 2
        var y = 2
        buffer.put(glyphs.text(tour.page.title), at: Point(x: x, y: y), style: .role(.title).bold())
        y += 2
        for line in tour.page.lines {
            let indent = line.hasPrefix("  ") ? "            " : ""
            let wrapped = TextWrap.wrap(glyphs.text(line), width: width)
            for (i, part) in wrapped.enumerated() where y < buffer.height - 2 {
                buffer.put((i > 0 ? indent : "") + part, at: Point(x: x, y: y))
                y += 1
            }
        }
        let keys = tour.isLast ? "Enter start · ← back · Esc close" : "Enter / → next · ← back · Esc skip the tour"
        StatusLine(left: " " + glyphs.text(keys), style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1))
    }
}
