import TerminalUI
import TutorSession

/// Progress at a glance: accuracy per question and topic, the most frequent named mistakes, time
/// per step, and quiz scores over time as a small chart.
struct StatsScreen {
    let report: StatsReport?
    let glyphs: Glyphs

    func draw(in buffer: inout Buffer) {
        let width = buffer.width, height = buffer.height
        StatusLine(
            left: " Your progress", right: "\(report?.dueCount ?? 0) due for review ", style: .role(.selection), glyphs: glyphs
        )
        .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        StatusLine(
            left: " Esc back · dltutor stats prints this; dltutor export gives every attempt", style: .role(.dim), glyphs: glyphs
        )
        .draw(in: &buffer, rect: Rect(x: 0, y: height - 1, width: width, height: 1))
        guard let report else {
            buffer.put("Reading your progress…", at: Point(x: 2, y: 2), style: .role(.dim))
            return
        }
        buffer.put(DisplayWidth.truncate(glyphs.text(report.storage), to: width - 4), at: Point(x: 2, y: 1), style: .role(.dim))
        let lines = StatsText.lines(report, width: width / 2 - 3)
        let (left, right) = Rect(x: 0, y: 2, width: width, height: height - 3).splitLeft(width / 2)
        for (i, line) in lines.left.prefix(left.height).enumerated() {
            buffer.put(
                DisplayWidth.truncate(glyphs.text(line.text), to: left.width - 2), at: Point(x: 2, y: left.y + i),
                style: line.style)
        }
        var y = right.y
        for line in lines.right where y < right.maxY - (report.quizzes.count >= 2 ? 7 : 0) {
            buffer.put(
                DisplayWidth.truncate(glyphs.text(line.text), to: right.width - 2), at: Point(x: right.x + 1, y: y),
                style: line.style)
            y += 1
        }
        if report.quizzes.count >= 2, right.height >= 9 {
            let points = report.quizzes.enumerated().map {
                (x: Double($0.offset + 1), y: $0.element.maxScore > 0 ? 100 * $0.element.score / $0.element.maxScore : 0)
            }
            let plot = Plot(
                series: [Plot.Series("quiz %", points: points, style: .role(.accent))],
                marks: points.map { Plot.Mark(x: $0.x, y: $0.y, glyph: glyphs.isUnicode ? "●" : "o") },
                yRange: 0...100, glyphs: glyphs)
            buffer.put("Quiz scores over time (%)", at: Point(x: right.x + 1, y: right.maxY - 7), style: .role(.title))
            plot.draw(in: &buffer, rect: Rect(x: right.x + 1, y: right.maxY - 6, width: right.width - 2, height: 6))
        }
    }
}

/// The stats as lines, shared by the screen (two columns) and `dltutor stats` (one).
public enum StatsText {
    static func percent(_ r: StatsReport.Rate) -> String {
        r.attempts == 0 ? "-" : "\(Int((100 * Double(r.correct) / Double(r.attempts)).rounded()))%"
    }

    static func lines(_ report: StatsReport, width: Int) -> (left: [StyledLine], right: [StyledLine]) {
        var left: [StyledLine] = [StyledLine("Accuracy per question", .role(.title).bold())]
        if report.byQuestion.isEmpty { left.append(StyledLine("  nothing checked yet", .role(.dim))) }
        for r in report.byQuestion {
            left.append(
                StyledLine(
                    "  \(DisplayWidth.pad(r.label, to: 8)) \(DisplayWidth.pad(percent(r), to: 5)) \(r.correct)/\(r.attempts)",
                    .normal))
        }
        left.append(StyledLine("", .normal))
        left.append(StyledLine("Accuracy per topic", .role(.title).bold()))
        for r in report.byTopic {
            left.append(
                StyledLine(
                    "  \(DisplayWidth.pad(r.label, to: 10)) \(DisplayWidth.pad(percent(r), to: 5)) \(r.correct)/\(r.attempts)",
                    .normal))
        }
        left.append(StyledLine("", .normal))
        left.append(StyledLine("Median time per step", .role(.title).bold()))
        for t in report.times.prefix(8) {
            left.append(
                StyledLine("  \(DisplayWidth.pad(t.label, to: 18)) \(Int(t.medianSeconds.rounded())) s (\(t.count)×)", .normal))
        }
        var right: [StyledLine] = [StyledLine("Most frequent mistakes", .role(.title).bold())]
        if report.mistakes.isEmpty { right.append(StyledLine("  none named yet", .role(.dim))) }
        for m in report.mistakes.prefix(6) {
            right += TextWrap.wrap("\(m.count)× \(m.label)", width: max(10, width - 3)).map {
                StyledLine("  " + $0, .role(.wrong))
            }
        }
        right.append(StyledLine("", .normal))
        right.append(StyledLine("Quizzes", .role(.title).bold()))
        if report.quizzes.isEmpty { right.append(StyledLine("  none yet", .role(.dim))) }
        for q in report.quizzes.suffix(5) {
            right.append(StyledLine("  \(q.date)  \(formatPoints(q.score))/\(formatPoints(q.maxScore))", .normal))
        }
        return (left, right)
    }

    /// Plain text for `dltutor stats`.
    public static func plain(_ report: StatsReport) -> String {
        let (l, r) = lines(report, width: 76)
        var out = [report.storage, "Due for review: \(report.dueCount)", ""]
        out += l.map(\.text) + [""] + r.map(\.text)
        if !report.quizzes.isEmpty {
            out.append("")
            out.append("Quiz scores over time:")
            for q in report.quizzes {
                let pct = q.maxScore > 0 ? q.score / q.maxScore : 0
                out.append(
                    "  \(q.date)  " + String(repeating: "#", count: Int((pct * 40).rounded())) + " \(Int((pct * 100).rounded()))%"
                )
            }
        }
        return out.joined(separator: "\n")
    }
}
