import MathEngine
import TerminalUI
import TutorContent
import TutorSession

/// The practice screen for one question:
///
///     title bar: question, variant, score
///     steps list (marks) │ question text or picture
///     ─────────────────────────────────────────────
///     active step prompt (and options)
///     Answer ▸ field
///     live state: = preview, … incomplete, or ^ caret + reason
///     feedback: verdict, hints, worked step, model answer
///     Calc ▸ calculator line
///     key bar
///
/// Rows for the prompt and feedback are given first; the panel gets the rest, so a large terminal
/// shows more of the text and a bigger picture.
struct QuestionScreen {
    let practice: PracticeState
    let glyphs: Glyphs
    var chrome: QuestionChrome

    private var step: VariantStep { practice.step }
    private var record: StepRecord { practice.record }

    /// Where each part goes: rows for the prompt and feedback are given first; the panel gets
    /// the rest, so a large terminal shows more of the text and a bigger picture.
    struct Layout {
        var promptLines: [StyledLine]
        var feedback: [StyledLine]
        var timerRows: Int
        /// 1 when the calculator's result has its own row above the calculator line.
        var calcResultRows: Int
        var promptRows: Int
        var feedbackRows: Int
        var panel: Rect
        var fieldY: Int
        var calcY: Int
    }

    func layout(_ size: Size) -> Layout {
        let width = size.width, height = size.height
        let timerRows = chrome.timer == nil ? 0 : 1
        let contentWidth = width - 2
        let promptLines = self.promptLines(width: contentWidth)
        let feedback = FeedbackLines(practice: practice, glyphs: glyphs).lines(width: contentWidth)
        // The calculator's result has its own row above the calculator line, never the answer's.
        let calcResultRows = practice.focus == .calculator || practice.calculatorResult != nil ? 1 : 0
        let fixed =
            1 /*title*/ + timerRows + 1 /*rule*/ + 1 /*field*/ + 1 /*live*/ + calcResultRows + 1 /*calc*/ + 1 /*keys*/
        let available = height - fixed
        // The prompt (with a choice step's options) comes first: it is what the student answers.
        // Then the feedback; the panel gets what is left, at least a few rows.
        let minPanel = 3
        let promptRows = min(promptLines.count, max(2, available - minPanel))
        let feedbackRows = min(feedback.count, max(0, available - minPanel - promptRows))
        let panelRows = available - promptRows - feedbackRows
        let panel = Rect(x: 0, y: 1 + timerRows, width: width, height: panelRows)
        return Layout(
            promptLines: promptLines, feedback: feedback, timerRows: timerRows, calcResultRows: calcResultRows,
            promptRows: promptRows, feedbackRows: feedbackRows, panel: panel,
            fieldY: panel.maxY + 1 + promptRows, calcY: height - 2)
    }

    /// Draws the screen into `buffer` (blank when given) and returns where the hardware cursor
    /// goes. With a `cache`, the screen without its answer field (the layer) is taken from the
    /// previous frame when everything it shows is unchanged (`QuestionLayerKey`), as it is while
    /// the student types; only the field and its live line are drawn afresh.
    func draw(in buffer: inout Buffer, cache: FrameCache? = nil) -> Point? {
        let layout = self.layout(buffer.size)
        if let cache {
            assert(buffer == Buffer(size: buffer.size), "the layer replaces the buffer: it must be blank")
            let key = QuestionLayerKey(self, layout, size: buffer.size)
            if let layer = cache.questionLayer(for: key) {
                // Debug builds (every test) prove the reuse right: the layer drawn afresh is the same.
                assert(
                    layer
                        == {
                            var fresh = buffer
                            drawLayer(in: &fresh, layout)
                            return fresh
                        }(), "stale layer")
                buffer = layer
            } else {
                drawLayer(in: &buffer, layout)
                cache.storeQuestionLayer(buffer, for: key)
            }
        } else {
            drawLayer(in: &buffer, layout)
        }
        return drawFields(in: &buffer, layout)
    }

    /// Everything but the answer field and its live line: title, timer, panel, rule, prompt,
    /// feedback, the calculator's rows and the key bar. The rows are disjoint from the field's
    /// rows (see `layout`), so the two draw in any order.
    func drawLayer(in buffer: inout Buffer, _ layout: Layout) {
        let width = buffer.width, height = buffer.height
        drawTitle(&buffer)
        _ = chrome.drawTimer(in: &buffer, y: 1, glyphs: glyphs)
        drawPanel(&buffer, rect: layout.panel)
        var y = layout.panel.maxY
        buffer.put(String(repeating: glyphs.horizontal, count: width), at: Point(x: 0, y: y), style: .role(.dim))
        y += 1
        for (i, line) in layout.promptLines.prefix(layout.promptRows).enumerated() {
            buffer.put(line.text, at: Point(x: 1, y: y + i), style: line.style)
        }
        drawFeedback(&buffer, layout.feedback, y: layout.fieldY + 2, rows: layout.feedbackRows)
        let calcY = layout.calcY
        if layout.calcResultRows > 0 { drawCalculatorResult(&buffer, y: calcY - 1) }
        _ = drawField(
            &buffer, y: calcY, label: "Calc", draft: practice.calculator,
            focused: practice.focus == .calculator, placeholder: "F4: calculator (log = \(Keymap.logName(practice.variant.log)))")
        drawKeyBar(&buffer, y: height - 1)
    }

    /// The answer field and its live line (the rows that change as the student types into it);
    /// returns where the hardware cursor goes.
    func drawFields(in buffer: inout Buffer, _ layout: Layout) -> Point? {
        let width = buffer.width
        let fieldY = layout.fieldY
        // A locked quiz step shows what was submitted (its field no longer takes typing).
        let submitted = record.locked ? record.attempts.last.map { "submitted: \($0.input) (locked)" } : nil
        let answerCursor = drawField(
            &buffer, y: fieldY, label: "Answer", draft: record.draft,
            focused: practice.focus == .answer, placeholder: submitted ?? placeholder,
            alwaysShowPlaceholder: submitted != nil)
        LiveLine.draw(
            practice.live, in: &buffer, x0: fieldLabelWidth, y: fieldY + 1,
            scroll: fieldScroll(record.draft, width: width), glyphs: glyphs)
        if record.status == .awaitingAssessment { return nil }
        return practice.focus == .answer
            ? answerCursor : fieldCursor(practice.calculator, y: layout.calcY, width: width)
    }

    // MARK: Title and panel

    private func drawTitle(_ buffer: inout Buffer) {
        let v = practice.variant
        StatusLine(left: " \(v.id.uppercased()) · \(v.title)", right: chrome.titleRight, style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: buffer.width, height: 1))
    }

    private func drawPanel(_ buffer: inout Buffer, rect: Rect) {
        var area = rect.inset(left: 1)
        if chrome.showsSteps {
            let listWidth = min(28, max(22, rect.width / 4))
            let (list, rest) = rect.splitLeft(listWidth)
            drawStepList(&buffer, rect: list)
            for y in rest.y..<rest.maxY { buffer.put(glyphs.vertical, at: Point(x: rest.x, y: y), style: .role(.dim)) }
            area = rest.inset(left: 2)
        }
        let picture = Picture(practice: practice, glyphs: glyphs)
        if let error = chrome.contentError {
            drawContentError(&buffer, error, rect: area)
        } else if picture.exists && area.width >= 100 {
            let (left, right) = area.splitLeft(area.width / 2)
            drawText(&buffer, rect: left.inset(right: 2))
            picture.draw(in: &buffer, rect: right)
        } else if picture.exists && practice.panel == .picture {
            picture.draw(in: &buffer, rect: area)
        } else {
            drawText(&buffer, rect: area)
        }
    }

    private func drawStepList(_ buffer: inout Buffer, rect: Rect) {
        let steps = practice.variant.steps
        let visible = rect.height
        let first = max(0, min(practice.stepIndex - visible / 2, steps.count - visible))
        for (row, i) in (first..<min(steps.count, first + visible)).enumerated() {
            let status = practice.records[i].status
            let active = i == practice.stepIndex
            let y = rect.y + row
            let mark = StepMark.glyph(status, glyphs)
            let style: Style = active ? .role(.selection) : .role(StepMark.role(status))
            if active { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            let pointer = active ? (glyphs.isUnicode ? "→" : ">") : " "
            var label = "\(pointer)\(mark) \(glyphs.text(steps[i].label))"
            // Quiz marks at the end of the row: unsubmitted text, and the student's own flag.
            var extra = ""
            if chrome.marksDrafts && practice.records[i].hasUnsubmittedDraft { extra += glyphs.isUnicode ? " ✎" : " *" }
            if chrome.flagged.indices.contains(i) && chrome.flagged[i] { extra += glyphs.isUnicode ? " ⚑" : " F" }
            if !extra.isEmpty {
                label = DisplayWidth.truncate(label, to: rect.width - DisplayWidth.of(extra), ellipsis: glyphs.ellipsis)
                label = DisplayWidth.pad(label, to: rect.width - DisplayWidth.of(extra)) + extra
            }
            buffer.put(
                DisplayWidth.truncate(label, to: rect.width, ellipsis: glyphs.ellipsis), at: Point(x: rect.x, y: y), style: style)
        }
    }

    private func drawText(_ buffer: inout Buffer, rect: Rect) {
        guard rect.width > 4, rect.height > 0 else { return }
        let lines = WrapCache.questionLines(practice.variant.text, width: rect.width, glyphs: glyphs)
        // When the text overflows, the last row says so instead of showing a clipped line.
        let overflows = lines.count > rect.height
        let rows = overflows ? rect.height - 1 : rect.height
        let maxScroll = max(0, lines.count - rows)
        let scroll = min(practice.textScroll, maxScroll)
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            buffer.put(line, at: Point(x: rect.x, y: rect.y + i))
        }
        if overflows {
            let down = glyphs.isUnicode ? "↓" : "v", up = glyphs.isUnicode ? "↑" : "^"
            let more = scroll < maxScroll ? "\(down) more: PgDn" : "\(up) top: PgUp"
            buffer.put(more, at: Point(x: rect.maxX - DisplayWidth.of(more), y: rect.maxY - 1), style: .role(.accent))
        }
    }

    /// A preview's question whose file no longer loads: its first error and what to do, in
    /// place of the text (the steps are those of the last version that loaded).
    private func drawContentError(_ buffer: inout Buffer, _ error: String, rect: Rect) {
        guard rect.width > 4, rect.height > 0 else { return }
        let heading = "This question's file has errors (the steps are from the last version that loaded):"
        var lines = TextWrap.wrap(glyphs.text(heading), width: rect.width).map { StyledLine($0, .role(.warning).bold()) }
        lines += TextWrap.wrap(glyphs.text(error), width: rect.width).map { StyledLine($0, .role(.wrong)) }
        lines += TextWrap.wrap("Save a fix and the question comes back; dltutor lint lists every problem.", width: rect.width)
            .map { StyledLine($0, .role(.dim)) }
        for (i, line) in lines.prefix(rect.height).enumerated() {
            buffer.put(line.text, at: Point(x: rect.x, y: rect.y + i), style: line.style)
        }
    }

    /// The calculator's row: what it reads now (or why not), then `ans` and the Tab hint.
    private func drawCalculatorResult(_ buffer: inout Buffer, y: Int) {
        buffer.put(" Result", at: Point(x: 0, y: y), style: .role(.dim))
        if practice.calculatorLive != .empty {
            LiveLine.draw(
                practice.calculatorLive, in: &buffer, x0: fieldLabelWidth, y: y,
                scroll: fieldScroll(practice.calculator, width: buffer.width), glyphs: glyphs)
        } else if let ans = practice.calculatorResult {
            buffer.put(glyphs.text("ans = " + ans.display), at: Point(x: fieldLabelWidth, y: y), style: .role(.accent))
        }
        if practice.focus == .calculator {
            let tip = "Tab: into the answer"
            let x = buffer.width - 1 - DisplayWidth.of(tip)
            if buffer.line(y).dropFirst(x).allSatisfy({ $0 == " " }) {
                buffer.put(tip, at: Point(x: x, y: y), style: .role(.dim))
            }
        }
    }

    /// The feedback lines; when they do not all fit, the last row says how many more there are
    /// and PgDn/PgUp scroll them, so nothing is cut silently.
    private func drawFeedback(_ buffer: inout Buffer, _ lines: [StyledLine], y: Int, rows: Int) {
        guard rows > 0 else { return }
        let overflows = lines.count > rows
        let shown = overflows ? rows - 1 : rows
        let top = overflows ? min(practice.feedbackScroll, lines.count - shown) : 0
        for (i, line) in lines.dropFirst(top).prefix(shown).enumerated() {
            buffer.put(line.text, at: Point(x: 1, y: y + i), style: line.style)
        }
        if overflows {
            let below = lines.count - top - shown
            let down = glyphs.isUnicode ? "↓" : "v", up = glyphs.isUnicode ? "↑" : "^"
            let more = below > 0 ? "\(down) \(below) more line\(below == 1 ? "" : "s"): PgDn" : "\(up) earlier lines: PgUp"
            buffer.put(more, at: Point(x: buffer.width - 1 - DisplayWidth.of(more), y: y + rows - 1), style: .role(.accent))
        }
    }

    // MARK: Prompt, field, live state

    private func promptLines(width: Int) -> [StyledLine] {
        let number =
            chrome.showsSteps
            ? "Step \(practice.stepIndex + 1)/\(practice.variant.steps.count) (\(formatPoints(step.points)) pt, \(StepMark.word(record.status))): "
            : ""
        // Review and drill show one step alone: the earlier values it builds on are given first.
        let standalone = !chrome.showsSteps
        var out: [StyledLine] = []
        if standalone {
            for given in practice.givenLines {
                out += TextWrap.wrap(glyphs.text(given), width: width).map { StyledLine($0, .role(.accent)) }
            }
        }
        out += TextWrap.wrap(glyphs.text(number + (standalone ? practice.standalonePrompt : step.prompt)), width: width)
            .map { StyledLine($0, .role(.prompt)) }
        for (i, option) in step.options.enumerated() {
            let letter = Character(Unicode.Scalar(UInt8(97 + min(i, 25))))
            // Hanging indent, so each option's first line (with its letter) stands out.
            let lines = TextWrap.wrap(glyphs.text(option), width: max(10, width - 5))
            for (j, line) in lines.enumerated() {
                out.append(StyledLine((j == 0 ? "  \(letter)) " : "     ") + line, .normal))
            }
        }
        return out
    }

    private var fieldLabelWidth: Int { 10 }

    /// " Answer " padded with spaces (or cut) to `width` characters. The labels are fixed ASCII
    /// words; this is what Foundation's `padding(toLength:)` gave, without its NSString bridge
    /// on every frame.
    static func fieldLabel(_ label: String, width: Int) -> String {
        let text = " \(label) "
        let n = text.count
        return n >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - n)
    }

    /// The answer field's example: the format of the step's kind, with values that answer no step
    /// of this variant (`FormatExample`, checked by `lint`).
    private var placeholder: String {
        FormatExample.placeholder(for: step, in: practice.variant)
    }

    /// First visible character of a draft in a field of the screen's width.
    private func fieldScroll(_ draft: Draft, width: Int) -> Int {
        let room = width - fieldLabelWidth - 3
        return max(0, draft.cursor - room)
    }

    private func drawField(
        _ buffer: inout Buffer, y: Int, label: String, draft: Draft, focused: Bool,
        placeholder: @autoclosure () -> String, alwaysShowPlaceholder: Bool = false
    ) -> Point {
        let marker = focused ? (glyphs.isUnicode ? "→" : ">") : " "
        buffer.put(
            Self.fieldLabel(label, width: fieldLabelWidth - 2) + marker,
            at: Point(x: 0, y: y), style: focused ? .role(.prompt).bold() : .role(.dim))
        let x0 = fieldLabelWidth
        let room = buffer.width - x0 - 1
        buffer.fill(Rect(x: x0, y: y, width: room, height: 1), style: focused ? .role(.field) : .normal)
        if draft.isEmpty {
            if focused || alwaysShowPlaceholder {
                buffer.put(glyphs.text(placeholder()), at: Point(x: x0 + 1, y: y), style: .role(.dim))
            }
            return Point(x: x0, y: y)
        }
        let scroll = fieldScroll(draft, width: buffer.width)
        let visible = String(draft.characters.dropFirst(scroll))
        buffer.put(
            visible, at: Point(x: x0, y: y), style: focused ? .role(.field) : .normal,
            clip: Rect(x: x0, y: y, width: room, height: 1))
        return fieldCursor(draft, y: y, width: buffer.width)
    }

    /// Where the hardware cursor sits in a field on row `y` holding `draft`.
    private func fieldCursor(_ draft: Draft, y: Int, width: Int) -> Point {
        let x0 = fieldLabelWidth
        if draft.isEmpty { return Point(x: x0, y: y) }
        let scroll = fieldScroll(draft, width: width)
        let cursorX = x0 + DisplayWidth.of(String(draft.characters[scroll..<draft.cursor]))
        return Point(x: min(cursorX, width - 1), y: y)
    }

    private func drawKeyBar(_ buffer: inout Buffer, y: Int) {
        let keys: String
        if record.status == .awaitingAssessment {
            keys = "y covered · n missed · Tab next step · F1 keys"
        } else if practice.focus == .calculator {
            keys = "Enter evaluate · Tab result into the answer · ans last result · Esc back · F1 keys"
        } else {
            keys = chrome.keys
        }
        StatusLine(left: " " + keys, style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: y, width: buffer.width, height: 1))
    }
}

/// A line of text with its style.
struct StyledLine: Equatable {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style) {
        self.text = text
        self.style = style
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return String(s)
    }
}
