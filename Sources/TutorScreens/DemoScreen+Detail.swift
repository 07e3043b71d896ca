import MathEngine
import TerminalUI
import TutorContent
import TutorSession

/// The lower half of the presenter view: the active step, in large type when asked for, and the
/// value a class called out.
extension DemoScreen {
    /// The active step: prompt, and once revealed the worked step, answer and common mistakes.
    func detailLines(width: Int, roomy: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            out += TextWrap.wrap(glyphs.text(text), width: width).map { StyledLine($0, style) }
        }
        func gap() { if roomy { out.append(StyledLine("", .normal)) } }
        let step = demo.step
        if role == .presenter { out += tallyLines(width: width) }
        if role == .follower { return out + followerLines(width: width, roomy: roomy) }
        if let verdict = demo.verdict, let input = demo.judgedInput {
            let mark = verdict.isCorrect ? glyphs.check : glyphs.cross
            add(
                "Class said \(input): \(mark) \(verdict.message)",
                verdict.isCorrect ? .role(.correct).bold() : .role(.wrong).bold())
        }
        if demo.largeType { out += largeLines(width: width) }
        add("Step \(demo.stepIndex + 1): \(step.prompt)", .role(.prompt).bold())
        for (i, option) in step.options.enumerated() {
            add("  \(Character(Unicode.Scalar(UInt8(97 + min(i, 25)))))) \(option)", .normal)
        }
        guard demo.isRevealed else {
            gap()
            add("Predict first: what does the class think? (→ reveals, t types a called-out value)", .role(.dim))
            return out
        }
        return out + workedLines(width: width, roomy: roomy)
    }

    /// The revealed step's work: derivation, answer, common mistakes (presenter and students).
    func workedLines(width: Int, roomy: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            out += TextWrap.wrap(glyphs.text(text), width: width).map { StyledLine($0, style) }
        }
        func gap() { if roomy { out.append(StyledLine("", .normal)) } }
        let step = demo.step
        gap()
        add("Worked: \(step.solution)", .role(.hint))
        add("Answer: \(answerText)", .role(.correct).bold())
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

    /// The answer as the key states it (a free-text step: its model answer).
    var answerText: String {
        let step = demo.step
        return step.kind == .text ? (step.model ?? "") : step.answerDisplay
    }

    /// Large type: the step number and label, and the answer once revealed (`?` before). Long
    /// answers (free text, long lists) stay in normal type: large type is for values.
    func largeLines(width: Int) -> [StyledLine] {
        let number = "\(demo.stepIndex + 1)"
        let answer = demo.isRevealed ? glyphs.text(answerText) : "?"
        let head = BigText.render(number, glyphs: glyphs)
        let headWidth = BigText.width(number, glyphs: glyphs)
        let label = glyphs.text(demo.step.label)
        let bigAnswer = BigText.render(answer, glyphs: glyphs)
        let fits = headWidth + 3 + DisplayWidth.of(label) + 3 + BigText.width(answer, glyphs: glyphs) <= width
        var out: [StyledLine] = []
        for r in 0..<BigText.rows {
            let middle = r == 1
            var line = head[r] + "   " + (middle ? label : String(repeating: " ", count: DisplayWidth.of(label))) + "   "
            if fits { line += bigAnswer[r] } else if middle { line += answer }
            out.append(StyledLine(line, demo.isRevealed ? .role(.correct).bold() : .role(.prompt).bold()))
        }
        out.append(StyledLine("", .normal))
        return out
    }

    func drawCalledOut(_ buffer: inout Buffer, y: Int) -> Point? {
        let label =
            " \(role == .follower ? "Your prediction" : "Class says") \(demo.fieldFocused ? (glyphs.isUnicode ? "→" : ">") : " ") "
        let x0 = buffer.put(label, at: Point(x: 0, y: y), style: demo.fieldFocused ? .role(.prompt).bold() : .role(.dim))
        var cursor: Point?
        if demo.fieldFocused {
            buffer.fill(Rect(x: x0, y: y, width: buffer.width - x0 - 1, height: 1), style: .role(.field))
            let end = buffer.put(demo.draft.text, at: Point(x: x0, y: y), style: .role(.field))
            let before = String(demo.draft.characters.prefix(demo.draft.cursor))
            cursor = Point(x: min(end, x0 + DisplayWidth.of(before)), y: y)
            LiveLine.draw(demo.live, in: &buffer, x0: x0, y: y + 1, scroll: 0, glyphs: glyphs)
        } else if role == .follower {
            buffer.put(
                demo.isRevealed ? "revealed: predictions for this step are closed" : "", at: Point(x: x0, y: y),
                style: .role(.dim))
        } else {
            buffer.put("t: type a value a student calls out; the engine judges it", at: Point(x: x0, y: y), style: .role(.dim))
        }
        return cursor
    }
}
