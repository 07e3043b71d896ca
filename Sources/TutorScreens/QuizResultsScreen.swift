import TerminalUI
import TutorSession

/// After a quiz: the score per question and per step with the time spent (results), then every
/// step with the student's answer, the correct one and the diagnosis (review). Enter switches
/// between the two; ↑/↓ and PgUp/PgDn scroll.
struct QuizResultsScreen {
    let quiz: QuizState
    let glyphs: Glyphs
    /// A class quiz: the seed is not shown (it reproduces the key); Esc ends the session.
    var classSitting = false

    /// Rows that are not the list: title, settings, gap, key bar.
    static let chromeRows = 4

    func draw(in buffer: inout Buffer) {
        guard let report = quiz.report else { return }
        let width = buffer.width, height = buffer.height
        let title = quiz.phase == .results ? "Quiz results" : "Quiz review"
        let score = "\(formatPoints(report.points))/\(formatPoints(report.maxPoints)) pts "
        StatusLine(left: " \(title)", right: score, style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        let seed = classSitting ? "class quiz" : report.seed.map { "seed \($0)" } ?? "original exam"
        let minutes = report.minutes == report.minutes.rounded() ? String(Int(report.minutes)) : String(report.minutes)
        let used = Int((report.endedAt - report.startedAt).rounded())
        var settings = "\(seed) · \(minutes) min · feedback: \(report.feedback.rawValue) · time used \(QuizState.clock(used))"
        if let banner = quiz.banner { settings = banner + "  " + settings }
        buffer.put(
            DisplayWidth.truncate(glyphs.text(settings), to: width - 2), at: Point(x: 1, y: 1),
            style: quiz.banner != nil ? .role(.warning) : .role(.dim))
        let lines = quiz.phase == .results ? resultLines(report, width: width - 2) : reviewLines(report, width: width - 2)
        let area = Rect(x: 1, y: 3, width: width - 2, height: height - Self.chromeRows)
        let maxScroll = max(0, lines.count - area.height)
        let scroll = min(quiz.scroll, maxScroll)
        for (i, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            buffer.put(DisplayWidth.truncate(line.text, to: area.width), at: Point(x: area.x, y: area.y + i), style: line.style)
        }
        let position =
            lines.count > area.height ? " · \(scroll + 1)-\(min(lines.count, scroll + area.height))/\(lines.count)" : ""
        let keys =
            (quiz.phase == .results ? "Enter review each step" : "Enter back to the scores")
            + " · ↑↓ scroll · PgDn/Space next screen · Esc done\(position)"
        StatusLine(left: " " + glyphs.text(keys), style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: height - 1, width: width, height: 1))
    }

    private func mark(_ s: QuizReport.StepResult) -> (String, Role) {
        guard s.answer != nil else { return (glyphs.isUnicode ? "·" : "-", .dim) }
        guard s.maxPoints > 0 else { return ("?", .hint) }
        if s.points >= s.maxPoints - 1e-9 { return (glyphs.check, .correct) }
        if s.points > 0 { return (glyphs.isUnicode ? "◐" : "~", .warning) }
        return (glyphs.cross, .wrong)
    }

    private func resultLines(_ report: QuizReport, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for q in report.questions {
            out.append(
                StyledLine(
                    "\(q.id.uppercased()) \(q.title): \(formatPoints(q.points))/\(formatPoints(q.maxPoints)) pts",
                    .role(.title).bold()))
            for s in q.steps {
                let (m, role) = mark(s)
                let pts = s.maxPoints > 0 ? "\(formatPoints(s.points))/\(formatPoints(s.maxPoints))" : "not scored"
                let time = QuizState.clock(Int(s.seconds.rounded()))
                out.append(
                    StyledLine("  \(m) \(DisplayWidth.pad(s.id, to: 20)) \(DisplayWidth.pad(pts, to: 11)) \(time)", .role(role)))
            }
            out.append(StyledLine("", .normal))
        }
        return out
    }

    private func reviewLines(_ report: QuizReport, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        /// Wrapped with a hanging indent: continuation lines start under the text, not the label.
        func add(_ label: String, _ text: String, _ style: Style) {
            let indent = DisplayWidth.of(glyphs.text(label))
            let lines = TextWrap.wrap(glyphs.text(text), width: max(10, width - indent))
            for (i, line) in lines.enumerated() {
                out.append(StyledLine((i == 0 ? glyphs.text(label) : String(repeating: " ", count: indent)) + line, style))
            }
        }
        for q in report.questions {
            add("", "\(q.id.uppercased()) \(q.title)", .role(.title).bold())
            for s in q.steps {
                let (m, role) = mark(s)
                add("\(m) \(s.id): ", s.prompt, .role(.prompt))
                add("    yours:   ", s.answer ?? "(no answer)", .role(role))
                add("    correct: ", s.expected, .role(.correct))
                add("    ", s.diagnosis, .role(.dim))
            }
            out.append(StyledLine("", .normal))
        }
        return out
    }
}

/// After a drill: the score, the items missed with their answers, and the best per topic.
struct DrillResultsScreen {
    let drill: DrillState
    let best: [String: Int]
    let glyphs: Glyphs

    func draw(in buffer: inout Buffer) {
        let width = buffer.width
        StatusLine(left: " Drill results", right: "topic: \(drill.topic) ", style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        let minutes = drill.minutes == drill.minutes.rounded() ? String(Int(drill.minutes)) : String(drill.minutes)
        var y = 2
        buffer.put(
            "\(drill.score) right out of \(drill.tried) tried in \(minutes) min.", at: Point(x: 2, y: y),
            style: .role(.title).bold())
        y += 2
        let isNewBest = drill.score > (drill.previousBest ?? 0)
        if isNewBest && drill.score > 0 {
            buffer.put(glyphs.text("New best for \(drill.topic)!"), at: Point(x: 2, y: y), style: .role(.correct).bold())
            y += 2
        }
        var all = best
        all[drill.topic] = drill.best
        // The misses get the rows the best scores leave (each wrapped with a hanging indent);
        // what does not fit is counted, never cut silently.
        let room = max(2, buffer.height - 1 - y - (2 + all.count) - 2)
        if !drill.misses.isEmpty {
            buffer.put("Missed (\(drill.misses.count)), with the correct answer:", at: Point(x: 2, y: y), style: .role(.title))
            y += 1
            let blocks = drill.misses.map { miss in
                TextWrap.wrap(glyphs.text(Self.line(miss)), width: width - 8).enumerated().map {
                    ($0.offset == 0 ? "" : "  ") + $0.element
                }
            }
            var used = 0, shown = 0
            for block in blocks {
                let last = shown == blocks.count - 1
                guard used + block.count <= (last ? room : room - 1) else { break }
                for line in block {
                    buffer.put(line, at: Point(x: 4, y: y))
                    y += 1
                }
                used += block.count
                shown += 1
            }
            if shown < blocks.count {
                buffer.put(glyphs.text("… and \(blocks.count - shown) more"), at: Point(x: 4, y: y), style: .role(.dim))
                y += 1
            }
            y += 1
        }
        buffer.put("Best score per topic:", at: Point(x: 2, y: y), style: .role(.title))
        y += 1
        for topic in all.keys.sorted() {
            buffer.put("  \(DisplayWidth.pad(topic, to: 12)) \(all[topic] ?? 0)", at: Point(x: 2, y: y))
            y += 1
        }
        StatusLine(left: " Enter or Esc: back to the start screen · q quit", style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: buffer.height - 1, width: width, height: 1))
    }

    /// "Q4 W^[1] shape (seed 1234): 5×20 · you: 20×5" (or "· skipped"): the answer before what was typed.
    static func line(_ m: DrillMiss) -> String {
        let seed = m.seed.map { " (seed \($0))" } ?? ""
        return "\(m.questionID.uppercased()) \(m.label)\(seed): \(m.answer) · " + (m.lastTry.map { "you: \($0)" } ?? "skipped")
    }
}
