import TerminalUI
import TutorSession

/// A rendered frame: the cells and where the hardware cursor goes (on the focused field, so
/// screen readers and magnifiers follow it; nil hides it).
public struct RenderedFrame: Sendable, Equatable {
    public var buffer: Buffer
    public var cursor: Point?
}

/// Turns a session into a frame. Pure: the same session, size and capabilities always give the
/// same cells, which is what the snapshot tests compare.
public enum Screens {
    /// Smallest terminal the layout works in; below it a message asks for more room.
    public static let minimumSize = Size(width: 70, height: 20)

    /// `cache` (kept by a renderer from frame to frame) lets a frame reuse what the previous one
    /// drew; the cells are the same with or without it.
    public static func render(
        _ session: Session, size: Size, capabilities: TerminalCapabilities,
        keymap: Keymap = .standard, cache: FrameCache? = nil
    ) -> RenderedFrame {
        var buffer = cache?.blankFrame(size) ?? Buffer(size: size)
        let glyphs = capabilities.glyphs
        if size.width < minimumSize.width || size.height < minimumSize.height {
            drawTooSmall(&buffer, glyphs: glyphs)
            return RenderedFrame(buffer: buffer, cursor: nil)
        }
        var cursor = drawMode(session, on: &buffer, glyphs: glyphs, cache: cache)
        if let modal = session.modal {
            drawModal(modal, on: &buffer, session: session, keymap: keymap, glyphs: glyphs)
            cursor = nil
        }
        drawClassLine(&buffer, session: session, glyphs: glyphs)
        return RenderedFrame(buffer: buffer, cursor: cursor)
    }

    /// The mode's own screen, under any modal; returns where the cursor goes (nil: hidden).
    static func drawMode(_ session: Session, on buffer: inout Buffer, glyphs: Glyphs, cache: FrameCache?) -> Point? {
        var cursor: Point?
        switch session.mode {
        case .start:
            StartScreen(session: session, glyphs: glyphs).draw(in: &buffer)
        case .question:
            if let p = session.practice {
                cursor = QuestionScreen(practice: p, glyphs: glyphs, chrome: .practice(p, preview: session.preview))
                    .draw(in: &buffer, cache: cache)
                if p.showingSummary {
                    drawDialog(&buffer, title: "Finished", glyphs: glyphs, lines: summaryLines(p, width: buffer.width - 6))
                    cursor = nil
                }
            }
        case .demo(let d):
            cursor = DemoScreen(
                demo: d, glyphs: glyphs, role: session.settings.demo.audience,
                autoSeconds: session.settings.demo.autoSeconds, now: session.now
            )
            .draw(in: &buffer)
        case .quiz(let q):
            cursor = drawQuiz(q, session: session, on: &buffer, glyphs: glyphs, cache: cache)
        case .review(let r):
            cursor = drawReview(r, session: session, on: &buffer, glyphs: glyphs, cache: cache)
        case .stats(let report):
            StatsScreen(report: report, glyphs: glyphs).draw(in: &buffer)
        case .drill(let d):
            if d.phase == .results {
                DrillResultsScreen(drill: d, best: session.settings.drill.best, glyphs: glyphs).draw(in: &buffer)
            } else {
                cursor = QuestionScreen(
                    practice: d.practice, glyphs: glyphs,
                    chrome: .drill(d, now: session.now)
                ).draw(in: &buffer, cache: cache)
            }
        }
        return cursor
    }

    /// A quiz: the ready dialog, the results, or the question under way (with the end-now prompt).
    private static func drawQuiz(
        _ q: QuizState, session: Session, on buffer: inout Buffer, glyphs: Glyphs, cache: FrameCache?
    ) -> Point? {
        var cursor: Point?
        if q.phase == .ready {
            drawDialog(
                &buffer, title: "Quiz", glyphs: glyphs, lines: QuizReadyText.lines(q, settings: session.settings.quiz))
        } else if q.phase == .results || q.phase == .review {
            QuizResultsScreen(quiz: q, glyphs: glyphs, classSitting: session.settings.quiz.classSitting).draw(in: &buffer)
        } else if let p = session.practice {
            let chrome = QuestionChrome.quiz(
                q, now: session.now, quiet: session.settings.quiz.quietTimer,
                seed: session.settings.quiz.classSitting ? nil : q.seed, classSitting: session.settings.quiz.classSitting)
            cursor = QuestionScreen(practice: p, glyphs: glyphs, chrome: chrome)
                .draw(in: &buffer, cache: cache)
            if q.phase == .confirmEnd {
                drawDialog(
                    &buffer, title: "End quiz", glyphs: glyphs,
                    lines: [
                        "End the quiz now?", "", "Every answer given so far is submitted;",
                        "unanswered steps score 0.", "", "y  end now        n / Esc  keep going"
                    ])
                cursor = nil
            }
        }
        return cursor
    }

    /// A review: the step under review, or the closing summary once none is left.
    private static func drawReview(
        _ r: ReviewState, session: Session, on buffer: inout Buffer, glyphs: Glyphs, cache: FrameCache?
    ) -> Point? {
        var cursor: Point?
        if let p = r.practice {
            cursor = QuestionScreen(practice: p, glyphs: glyphs, chrome: .review(r))
                .draw(in: &buffer, cache: cache)
        } else {
            let capped =
                r.leftOverByCap > 0
                ? [
                    "\(r.leftOverByCap) more due step\(r.leftOverByCap == 1 ? " waits" : "s wait") for tomorrow (daily cap \(session.settings.review.maxPerDay)).",
                    ""
                ]
                : []
            drawDialog(
                &buffer, title: "Review", glyphs: glyphs,
                lines: [
                    "Review done: \(r.done) of \(r.items.count) steps settled.", "",
                    "Each comes back on its SM-2 schedule: sooner when missed.", ""
                ] + capped + ["Enter or Esc: back"])
        }
        return cursor
    }

    /// The modal on top of the mode's screen (the one the keys answer).
    static func drawModal(_ modal: Modal, on buffer: inout Buffer, session: Session, keymap: Keymap, glyphs: Glyphs) {
        switch modal {
        case .tour:
            if let tour = session.tour { TourScreen(tour: tour, glyphs: glyphs).draw(in: &buffer) }
        case .help:
            HelpOverlay(
                keymap: keymap, glyphs: glyphs, variant: session.practice?.variant ?? session.demo?.variant,
                scroll: session.helpScroll,
                quizClock: session.quizIsRunning
                    ? session.quiz.map { QuizState.clock($0.secondsLeft(at: session.now) ?? Int($0.minutes * 60)) + " left" }
                    : nil
            )
            .draw(in: &buffer)
        case .confirmQuit:
            drawConfirmQuit(&buffer, session: session, glyphs: glyphs)
        case .confirmVariant:
            drawDialog(&buffer, title: "Variant", glyphs: glyphs, lines: session.variantQuestionLines)
        case .quizOffer:
            if let offer = session.quizOffer {
                drawDialog(&buffer, title: "Unfinished quiz", glyphs: glyphs, lines: QuizOfferText.dialog(offer))
            }
        }
    }

    /// A class session's news on the last line, over the key hints, on every screen: the class
    /// server out of reach (answers queued), or the instructor ending the quiz or demo.
    static func drawClassLine(_ buffer: inout Buffer, session: Session, glyphs: Glyphs) {
        let wait = session.storageWait.flatMap { $0.cause == .unreachable ? $0.text : nil }
        guard let text = wait ?? session.announcement else { return }
        StatusLine(left: " " + glyphs.text(text), style: .role(.warning), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1))
    }

    /// The finished question's summary dialog.
    static func summaryLines(_ p: PracticeState, width: Int) -> [String] {
        let s = QuestionSummary(p)
        var lines = [
            "\(p.variant.id.uppercased()) finished: \(formatPoints(s.points)) of \(formatPoints(s.total)) points", "",
            "Earned unaided: \(formatPoints(s.split.unaided)) · with help: \(formatPoints(s.split.withHelp))",
            "Revealed: \(s.split.revealedSteps) step\(s.split.revealedSteps == 1 ? "" : "s") "
                + "(\(formatPoints(s.split.revealedPoints)) points, none earned)",
            "Right first time, without help: \(s.rightFirstTime) of \(s.steps) steps"
        ]
        if let seconds = s.seconds { lines.append("Time: " + QuestionSummary.clock(seconds)) }
        if s.mistakes.isEmpty {
            lines.append("Named mistakes met: none")
        } else {
            lines.append("Named mistakes met:")
            for m in s.mistakes.prefix(4) {
                lines += TextWrap.wrap("- " + m, width: max(20, min(width, 70) - 2)).enumerated().map {
                    $0.offset == 0 ? $0.element : "  " + $0.element
                }
            }
            if s.mistakes.count > 4 { lines.append("  and \(s.mistakes.count - 4) more (dltutor stats)") }
        }
        lines += ["", "Enter  next unfinished question     Esc  stay here"]
        return lines
    }

    static func drawTooSmall(_ buffer: inout Buffer, glyphs: Glyphs) {
        let s = buffer.size
        let text =
            "Terminal too small: \(s.width)×\(s.height). dltutor needs at least "
            + "\(minimumSize.width)×\(minimumSize.height). Enlarge the window, or press Ctrl-C to quit."
        let lines = TextWrap.wrap(glyphs.text(text), width: max(1, s.width - 2))
        for (i, line) in lines.enumerated() where i < s.height {
            buffer.put(line, at: Point(x: 1, y: i), style: .role(.warning))
        }
    }

    static func drawConfirmQuit(_ buffer: inout Buffer, session: Session, glyphs: Glyphs) {
        var lines = ["Quit dltutor?", ""]
        if session.quizIsRunning {
            lines += [
                "The quiz is paused with its answers and the time", "left: `dltutor quiz` continues it.",
                "(F10 ends it now and scores it.)"
            ]
        } else if let wait = session.storageWait {
            let what =
                switch wait.answers {
                case 0: "Your place in the exam is"
                case 1: "1 checked answer is"
                default: "\(wait.answers) checked answers are"
                }
            let why = wait.cause == .unreachable ? "(the class server is out of reach)" : "(another program holds its lock)"
            lines += [
                "\(what) waiting for the database", "\(why). Quitting waits", "for them; Ctrl-C then quits without them."
            ]
        } else if session.settings.answersAreSaved {
            lines += ["Checked answers are saved; answers typed", "but not yet checked are lost."]
        } else {
            lines += ["The answers you checked in this session are", "not saved (progress storage is off)."]
        }
        lines += ["", "y  quit        n / Esc  stay"]
        drawDialog(&buffer, title: "Quit", glyphs: glyphs, lines: lines)
    }

    /// A centred box with a title and lines, the first in bold.
    static func drawDialog(_ buffer: inout Buffer, title: String, glyphs: Glyphs, lines: [String]) {
        let width = min(buffer.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let rect = buffer.bounds.centered(Size(width: width, height: lines.count + 2))
        buffer.fill(rect)
        let inner = TerminalUI.Frame(title: title, glyphs: glyphs, borderStyle: .role(.warning)).draw(in: &buffer, rect: rect)
        for (i, line) in lines.enumerated() {
            buffer.put(line, at: Point(x: inner.x + 1, y: inner.y + i), style: i == 0 ? .role(.warning).bold() : .normal)
        }
    }
}

/// The mark beside a step: a glyph AND a word in the list, so state never depends on colour.
enum StepMark {
    static func glyph(_ status: StepStatus, _ glyphs: Glyphs) -> String {
        let u = glyphs.isUnicode
        switch status {
        case .notTried: return u ? "○" : "( )"
        case .wrong: return u ? "✗" : "[x]"
        case .partlyRight: return u ? "◐" : "[~]"
        case .correct: return u ? "✓" : "[v]"
        case .carriedForward: return u ? "↻" : "[c]"
        case .revealed: return u ? "◆" : "[r]"
        case .awaitingAssessment: return u ? "?" : "[?]"
        case .assessedCovered: return u ? "✓" : "[v]"
        case .assessedMissed: return u ? "✗" : "[x]"
        case .answered: return u ? "●" : "[*]"
        }
    }

    static func word(_ status: StepStatus) -> String {
        switch status {
        case .notTried: "not tried"
        case .wrong: "wrong"
        case .partlyRight: "partly right"
        case .correct: "correct"
        case .carriedForward: "carried forward"
        case .revealed: "revealed"
        case .awaitingAssessment: "self-assess"
        case .assessedCovered: "covered"
        case .assessedMissed: "missed"
        case .answered: "answered"
        }
    }

    static func role(_ status: StepStatus) -> Role {
        switch status {
        case .correct, .carriedForward, .assessedCovered: .correct
        case .wrong, .assessedMissed: .wrong
        case .partlyRight, .awaitingAssessment: .warning
        case .answered: .accent
        case .revealed: .hint
        case .notTried: .dim
        }
    }
}

func formatPoints(_ p: Double) -> String {
    p == p.rounded() ? String(Int(p)) : String(format1(p))
}

private func format1(_ p: Double) -> String {
    let r = (p * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : "\(r)"
}
