import MathEngine
import TerminalUI
import TutorContent
import TutorSession

/// The presenter view: one question, its steps revealed one at a time. It opens on the question
/// text (the data the class needs), with the picture beside it where there is room. A step shows
/// its prompt first (predict), then the derivation, the answer and the common mistakes with the
/// wrong value each gives. On a projector-sized terminal (160×45 and up) pictures grow while
/// text keeps a readable line length.
struct DemoScreen {
    let demo: DemoState
    let glyphs: Glyphs
    /// A live class demo's side (DemoScreen+Class.swift): the presenter sees the class's counts,
    /// a student sees only what the presenter has opened and revealed.
    var role: DemoAudienceRole = .none
    /// `--auto` seconds and the session clock, for the countdown.
    var autoSeconds: Double? = nil
    var now: Double? = nil

    /// Longest line of running text: longer lines are hard to follow from the back of a room.
    static let readableWidth = 78
    /// Narrowest picture worth drawing beside the text.
    static let pictureMinWidth = 44

    static func isLarge(_ width: Int, _ height: Int) -> Bool { width >= 160 && height >= 45 }

    func draw(in buffer: inout Buffer) -> Point? {
        let width = buffer.width, height = buffer.height
        // Blank: nothing at all on the wall; any key brings the view back.
        if demo.blanked { return nil }
        let v = demo.variant
        let variant = v.seed.map { "seed \($0)" } ?? "original exam"
        if role == .follower, demo.waiting { return drawWaiting(in: &buffer) }
        StatusLine(
            left: (role == .follower ? " CLASS DEMO ·" : " DEMO ·") + " \(v.id.uppercased()) · \(v.title)",
            right: "\(statusNote())step \(demo.stepIndex + 1)/\(v.steps.count) · \(variant) ", style: .role(.selection),
            glyphs: glyphs
        )
        .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        let roomy = height >= 34
        let large = Self.isLarge(width, height)
        let body = detailLines(width: min(width - 2, large ? 120 : width), roomy: roomy)
        let fieldRows = 2
        let available = height - 3 - fieldRows // title, rule, key bar, field + verdict
        let bodyRows = min(body.count, max(4, available - (large ? 16 : 6)))
        let panelRows = available - bodyRows
        let panel = Rect(x: 0, y: 1, width: width, height: panelRows)
        drawPanel(&buffer, rect: panel, large: large)
        var y = panel.maxY
        buffer.put(String(repeating: glyphs.horizontal, count: width), at: Point(x: 0, y: y), style: .role(.dim))
        y += 1
        for (i, line) in body.prefix(bodyRows).enumerated() {
            buffer.put(line.text, at: Point(x: 1, y: y + i), style: line.style)
        }
        if body.count > bodyRows {
            let more = glyphs.text("… (a larger terminal shows more)")
            buffer.put(more, at: Point(x: width - DisplayWidth.of(more) - 1, y: y + bodyRows - 1), style: .role(.dim))
        }
        y += bodyRows
        let cursor = drawCalledOut(&buffer, y: y)
        let keys =
            role == .follower
            ? followerKeys
            : demo.fieldFocused
                ? "Enter judge · Esc stop typing · F1 keys"
                : width >= 120
                    ? "→/Space reveal, next · ← back · 1-9 step · a all · t class says… · l large type · b blank · p text/picture · F1 keys"
                    : "→ reveal, next · ← back · 1-9 step · t class says · l large · b blank · F1 keys"
        StatusLine(left: " " + keys, style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: height - 1, width: width, height: 1))
        return cursor
    }

    /// The countdown of `--auto` (or that it is paused), and a step number being typed.
    private func statusNote() -> String {
        var notes: [String] = []
        if let n = demo.pendingStep { notes.append("go to \(n)… Enter") }
        if let left = demo.autoRemaining(every: autoSeconds, now: now) {
            notes.append(demo.autoPaused ? "auto paused (s)" : "next in \(Int(left.rounded(.up)))s")
        }
        return notes.map { $0 + " · " }.joined()
    }

    private func drawPanel(_ buffer: inout Buffer, rect: Rect, large: Bool) {
        let listWidth = min(24, max(16, rect.width / 5))
        let (list, rest) = rect.splitLeft(listWidth)
        for (i, s) in demo.variant.steps.enumerated() where i < list.height {
            let active = i == demo.stepIndex
            let mark = demo.revealed[i] ? (glyphs.isUnicode ? "●" : "[*]") : (glyphs.isUnicode ? "○" : "( )")
            let style: Style = active ? .role(.selection) : (demo.revealed[i] ? .role(.correct) : .role(.dim))
            if active { buffer.fill(Rect(x: list.x, y: list.y + i, width: list.width, height: 1), style: style) }
            let label = "\(String(i + 1).leftPad(2)) \(mark) \(glyphs.text(s.label))"
            buffer.put(
                DisplayWidth.truncate(label, to: list.width, ellipsis: glyphs.ellipsis), at: Point(x: list.x, y: list.y + i),
                style: style)
        }
        for y in rest.y..<rest.maxY { buffer.put(glyphs.vertical, at: Point(x: rest.x, y: y), style: .role(.dim)) }
        let area = rest.inset(left: 2)
        let picture = Picture(practice: demo.practiceView, glyphs: glyphs, large: large)
        let textWidth = min(Self.readableWidth, area.width)
        if picture.exists, demo.showText, area.width - textWidth - 2 >= Self.pictureMinWidth {
            // Side by side: the text at a readable width, the picture in the rest.
            let (text, right) = area.splitLeft(textWidth + 2)
            drawText(&buffer, rect: text.inset(right: 2))
            picture.draw(in: &buffer, rect: right)
        } else if picture.exists && !demo.showText {
            picture.draw(in: &buffer, rect: area)
        } else {
            drawText(&buffer, rect: Rect(x: area.x, y: area.y, width: textWidth, height: area.height))
        }
    }

    private func drawText(_ buffer: inout Buffer, rect: Rect) {
        let text = WrapCache.questionLines(demo.variant.text, width: rect.width, glyphs: glyphs)
        for (i, line) in text.prefix(rect.height).enumerated() {
            buffer.put(line, at: Point(x: rect.x, y: rect.y + i))
        }
        if text.count > rect.height, rect.height > 0 {
            let more = glyphs.text("… (more below: a taller terminal shows it)")
            buffer.fill(Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1))
            buffer.put(DisplayWidth.truncate(more, to: rect.width), at: Point(x: rect.x, y: rect.maxY - 1), style: .role(.dim))
        }
    }
}

extension String {
    /// Right-aligned in `width` columns (step numbers in the presenter's list).
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
