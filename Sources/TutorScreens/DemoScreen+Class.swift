import MathEngine
import TerminalUI
import TutorSession

/// The live class demo's parts of the demo screen. The presenter sees, for the open step, how
/// many of the class answered, the share correct, each named mistake with its count, and
/// "other". A student sees the open step's prompt and their prediction; the work, the answer and
/// whether they were right appear only once the presenter reveals the step.
extension DemoScreen {
    var followerKeys: String {
        demo.isRevealed
            ? "Wait for the next step · Ctrl-C leave" : "Type your prediction · Enter send (you may change it) · Ctrl-C leave"
    }

    /// Before the presenter opens a step: the title and one line, nothing of the question's steps.
    func drawWaiting(in buffer: inout Buffer) -> Point? {
        let width = buffer.width, height = buffer.height
        StatusLine(
            left: " CLASS DEMO · \(demo.variant.id.uppercased()) · \(demo.variant.title)", style: .role(.selection),
            glyphs: glyphs
        )
        .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        let text = "Waiting for your instructor to open a step…"
        let line = glyphs.text(text)
        buffer.put(line, at: Point(x: max(1, (width - DisplayWidth.of(line)) / 2), y: height / 2), style: .role(.dim))
        StatusLine(left: " Ctrl-C leave", style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: height - 1, width: width, height: 1))
        return nil
    }

    /// The presenter's live counts for the open step.
    func tallyLines(width: Int) -> [StyledLine] {
        let step = demo.step
        let t = demo.tally.flatMap { $0.questionID == demo.variant.id && $0.stepID == step.id ? $0 : nil }
        guard let t, t.answered > 0 else {
            let joined = demo.tally.map { " of \($0.joined) joined" } ?? ""
            return [StyledLine(DisplayWidth.truncate("Class: no predictions yet\(joined)", to: width), .role(.title))]
        }
        let percent = Int((t.shareCorrect * 100).rounded())
        var out = [
            StyledLine(
                DisplayWidth.truncate(
                    "Class: \(t.answered)/\(t.joined) answered · \(percent)% correct (\(t.correct))", to: width),
                .role(.title).bold())
        ]
        for m in t.mistakes {
            out.append(StyledLine(DisplayWidth.truncate("  ×\(m.count) \(m.mistake)", to: width), .role(.wrong)))
        }
        if t.other > 0 { out.append(StyledLine("  ×\(t.other) other", .role(.wrong))) }
        return out
    }

    /// A student's view of the open step below its prompt.
    func followerLines(width: Int, roomy: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            out += TextWrap.wrap(glyphs.text(text), width: width).map { StyledLine($0, style) }
        }
        if let verdict = demo.verdict, let input = demo.judgedInput {
            add("\(input): \(verdict.message)", .role(.wrong))
        }
        add("Step \(demo.stepIndex + 1): \(demo.step.prompt)", .role(.prompt).bold())
        for (i, option) in demo.step.options.enumerated() {
            add("  \(Character(Unicode.Scalar(UInt8(97 + min(i, 25)))))) \(option)", .normal)
        }
        guard demo.isRevealed else {
            if let p = demo.prediction {
                add("Your prediction: \(p) (sent; you may change it until the reveal)", .role(.hint))
            } else {
                add("Predict: type your answer and press Enter; the work appears when your instructor reveals it.", .role(.dim))
            }
            return out
        }
        if let p = demo.prediction, let v = demo.predictionVerdict {
            let mark = v.isCorrect ? glyphs.check : glyphs.cross
            add("Your prediction \(p): \(mark) \(v.message)", v.isCorrect ? .role(.correct).bold() : .role(.wrong).bold())
        } else {
            add("You made no prediction for this step.", .role(.dim))
        }
        return out + workedLines(width: width, roomy: roomy)
    }
}
