import TerminalUI
import TutorSession

/// What differs between practice, quiz and drill around the same question screen: the title's
/// right side, a timer row, a banner, and the key bar.
struct QuestionChrome: Equatable {
    struct Timer: Equatable {
        var fraction: Double
        var label: String
        var role: Role
    }

    var titleRight: String
    var timer: Timer?
    var banner: String?
    var keys: String
    var showsSteps = true
    /// Quiz: mark steps with unsubmitted text (✎) and flagged steps (⚑) in the step list.
    var flagged: [Bool] = []
    var marksDrafts = false
    /// Preview: the open question's file has errors; this shows in place of its text.
    var contentError: String?

    /// `preview` (from `dltutor preview`) adds its reload note to the title and its content error.
    static func practice(_ p: PracticeState, preview: PreviewState? = nil) -> QuestionChrome {
        let variant = p.variant.seed.map { "variant seed \($0)" } ?? "original exam"
        let note = preview?.note.map { "\($0) · " } ?? ""
        var chrome = QuestionChrome(
            titleRight: "\(note)\(variant) · \(formatPoints(p.score))/\(formatPoints(p.totalPoints)) pts ",
            keys: "Enter check · Tab next · F2 hint · F3 reveal · F5 new · F8 original · F1 keys · F4 calc · Esc back")
        chrome.contentError = preview?.contentError(for: p.variant.id)
        return chrome
    }

    /// `classSitting`: a class quiz, whose seed is never shown (it reproduces the key).
    static func quiz(_ q: QuizState, now: Double?, quiet: Bool, seed: UInt64?, classSitting: Bool = false) -> QuestionChrome {
        let total = q.minutes * 60
        let left = q.secondsLeft(at: now) ?? Int(total)
        // Urgency (colour and "!") only once a warning applies: under 5 minutes of a longer quiz,
        // or the last minute.
        let urgent = left <= 60 || (left <= 300 && total > 300)
        let role: Role = left <= 60 ? .wrong : urgent ? .warning : .accent
        let label = quiet ? "time: F7 tells" : QuizState.clock(left) + (urgent ? " left!" : " left")
        let answered = q.questions.reduce(0) { $0 + $1.records.filter { $0.status != .notTried }.count }
        let steps = q.questions.reduce(0) { $0 + $1.records.count }
        let timer = Timer(fraction: quiet ? 1 : Double(left) / max(1, total), label: label, role: role)
        // Short enough that the whole right side fits 80 columns next to the question's id.
        var right = "Q\(q.current + 1)/\(q.questions.count) · \(answered)/\(steps) sent"
        if q.unsubmittedCount > 0 { right += " · \(q.unsubmittedCount) unsent" }
        if q.flaggedCount > 0 { right += " · \(q.flaggedCount) flagged" }
        right += " · " + (classSitting ? "class quiz" : seed.map { "seed \($0)" } ?? "original") + " "
        var chrome = QuestionChrome(
            titleRight: right, timer: timer, banner: q.banner,
            keys: quiet
                ? "Enter: next step · F4 calc · F7 time · F11 next Q · F12 flag · F10 end · F1"
                : "Enter: next step · F4 calc · F11 next Q · F12 flag · F10 end · F1 keys")
        chrome.flagged = q.flagged[q.current]
        chrome.marksDrafts = true
        return chrome
    }

    static func drill(_ d: DrillState, now: Double?) -> QuestionChrome {
        let total = d.minutes * 60
        let left = max(0, Int(((d.deadline ?? 0) - (now ?? 0)).rounded(.up)))
        let timer = Timer(
            fraction: Double(left) / max(1, total), label: QuizState.clock(left) + " left",
            role: left <= 60 ? .warning : .accent)
        return QuestionChrome(
            titleRight: "drill: \(d.topic) · \(d.score) right ",
            timer: timer, banner: nil,
            keys: d.showingAnswer
                ? "Enter next one · Esc end drill · F1 keys"
                : "Enter check · Tab skip (shows the answer) · F4 calc · Esc end · F1 keys",
            showsSteps: false)
    }

    static func review(_ r: ReviewState) -> QuestionChrome {
        let variant = r.practice?.variant.seed.map { "variant seed \($0)" } ?? "original exam"
        let settled = r.practice?.record.status.isDone == true
        // The interval SM-2 chose, once the item is settled (storage schedules it at the first check).
        let next = r.nextInDays.map { $0 == 1 ? "Next review tomorrow · " : "Next review in \($0) days · " } ?? ""
        return QuestionChrome(
            titleRight: "review \(r.index + 1)/\(r.items.count) · \(variant) ",
            keys: settled
                ? next + "Enter next step · Esc stop · F1 keys"
                : "Enter check · F2 hint · F3 reveal · F4 calc · Tab skip · Esc stop · F1 keys",
            showsSteps: false)
    }

    /// Draws the timer row (bar and mm:ss) with the banner after it; returns rows used.
    func drawTimer(in buffer: inout Buffer, y: Int, glyphs: Glyphs) -> Int {
        guard let timer else { return 0 }
        let bannerText = banner.map { "  " + glyphs.text($0) } ?? ""
        let bannerWidth = DisplayWidth.of(bannerText)
        let barWidth = max(10, buffer.width - bannerWidth - 2)
        Gauge(
            fraction: timer.fraction, label: timer.label, glyphs: glyphs, filledStyle: .role(timer.role),
            labelStyle: .role(timer.role).bold()
        )
        .draw(in: &buffer, rect: Rect(x: 1, y: y, width: barWidth - 1, height: 1))
        if !bannerText.isEmpty {
            buffer.put(bannerText, at: Point(x: barWidth, y: y), style: .role(.warning).bold())
        }
        return 1
    }
}
