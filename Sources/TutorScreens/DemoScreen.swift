import MathEngine
import TerminalUI
import TutorContent
import TutorSession

/// The presenter view: one question, its steps revealed one at a time. A step shows its prompt
/// first (predict), then the derivation, the answer and the common mistakes with the wrong value
/// each gives. On a large terminal the sections get room to breathe for a projector.
struct DemoScreen {
    let demo: DemoState
    let glyphs: Glyphs

    func draw(in buffer: inout Buffer) -> Point? {
        let width = buffer.width, height = buffer.height
        let v = demo.variant
        let variant = v.seed.map { "seed \($0)" } ?? "original exam"
        StatusLine(left: " DEMO · \(v.id.uppercased()) · \(v.title)",
                   right: "step \(demo.stepIndex + 1)/\(v.steps.count) · \(variant) ", style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        let roomy = height >= 34
        let body = detailLines(width: width - 2, roomy: roomy)
        let fieldRows = 2
        let available = height - 3 - fieldRows           // title, rule, key bar, field + verdict
        let bodyRows = min(body.count, max(4, available - 6))
        let panelRows = available - bodyRows
        let panel = Rect(x: 0, y: 1, width: width, height: panelRows)
        drawPanel(&buffer, rect: panel)
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
        let keys = demo.fieldFocused
            ? "Enter judge · Esc stop typing · F1 keys"
            : "→/Space reveal, next · ← back · 1-9 step · a all · t class says… · F6 text/picture · Esc back"
        StatusLine(left: " " + keys, style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: height - 1, width: width, height: 1))
        return cursor
    }

    private func drawPanel(_ buffer: inout Buffer, rect: Rect) {
        let listWidth = min(24, max(16, rect.width / 5))
        let (list, rest) = rect.splitLeft(listWidth)
        for (i, s) in demo.variant.steps.enumerated() where i < list.height {
            let active = i == demo.stepIndex
            let mark = demo.revealed[i] ? (glyphs.isUnicode ? "●" : "[*]") : (glyphs.isUnicode ? "○" : "( )")
            let style: Style = active ? .role(.selection) : (demo.revealed[i] ? .role(.correct) : .role(.dim))
            if active { buffer.fill(Rect(x: list.x, y: list.y + i, width: list.width, height: 1), style: style) }
            let label = "\(String(i + 1).leftPad(2)) \(mark) \(glyphs.text(s.label))"
            buffer.put(DisplayWidth.truncate(label, to: list.width, ellipsis: glyphs.ellipsis), at: Point(x: list.x, y: list.y + i), style: style)
        }
        for y in rest.y..<rest.maxY { buffer.put(glyphs.vertical, at: Point(x: rest.x, y: y), style: .role(.dim)) }
        let area = rest.inset(left: 2)
        let view = demo.practiceView
        let picture = Picture(practice: view, glyphs: glyphs)
        if picture.exists && !demo.showText {
            picture.draw(in: &buffer, rect: area)
        } else {
            let text = WrapCache.questionLines(demo.variant.text, width: area.width, glyphs: glyphs)
            for (i, line) in text.prefix(area.height).enumerated() {
                buffer.put(line, at: Point(x: area.x, y: area.y + i))
            }
        }
    }

    /// The active step: prompt, and once revealed the worked step, answer and common mistakes.
    private func detailLines(width: Int, roomy: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            out += TextWrap.wrap(glyphs.text(text), width: width).map { StyledLine($0, style) }
        }
        func gap() { if roomy { out.append(StyledLine("", .normal)) } }
        let step = demo.step
        if let verdict = demo.verdict, let input = demo.judgedInput {
            let mark = verdict.isCorrect ? glyphs.check : glyphs.cross
            add("Class said \(input): \(mark) \(verdict.message)", verdict.isCorrect ? .role(.correct).bold() : .role(.wrong).bold())
        }
        add("Step \(demo.stepIndex + 1): \(step.prompt)", .role(.prompt).bold())
        for (i, option) in step.options.enumerated() {
            add("  \(Character(Unicode.Scalar(UInt8(97 + min(i, 25)))))) \(option)", .normal)
        }
        guard demo.isRevealed else {
            gap()
            add("Predict first: what does the class think? (→ reveals, t types a called-out value)", .role(.dim))
            return out
        }
        gap()
        add("Worked: \(step.solution)", .role(.hint))
        let answer = step.kind == .text ? (step.model ?? "") : (step.expected.textValue ?? step.expected.display)
        add("Answer: \(answer)", .role(.correct).bold())
        if !step.mistakes.isEmpty {
            gap()
            add("Common mistakes:", .role(.title))
            for m in step.mistakes {
                let value = m.value.textValue ?? m.value.display
                add("  \(value) \(glyphs.isUnicode ? "←" : "<-") \(m.explanation)", .role(.wrong))
            }
        }
        return out
    }

    private func drawCalledOut(_ buffer: inout Buffer, y: Int) -> Point? {
        let label = " Class says \(demo.fieldFocused ? (glyphs.isUnicode ? "→" : ">") : " ") "
        let x0 = buffer.put(label, at: Point(x: 0, y: y), style: demo.fieldFocused ? .role(.prompt).bold() : .role(.dim))
        var cursor: Point?
        if demo.fieldFocused {
            buffer.fill(Rect(x: x0, y: y, width: buffer.width - x0 - 1, height: 1), style: .role(.field))
            let end = buffer.put(demo.draft.text, at: Point(x: x0, y: y), style: .role(.field))
            let before = String(demo.draft.characters.prefix(demo.draft.cursor))
            cursor = Point(x: min(end, x0 + DisplayWidth.of(before)), y: y)
            LiveLine.draw(demo.live, in: &buffer, x0: x0, y: y + 1, scroll: 0, glyphs: glyphs)
        } else {
            buffer.put("t: type a value a student calls out; the engine judges it", at: Point(x: x0, y: y), style: .role(.dim))
        }
        return cursor
    }
}

extension String {
    /// Right-aligned in `width` columns (step numbers in the presenter's list).
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
