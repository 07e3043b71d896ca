import TerminalUI
import TutorContent
import TutorSession

/// The start screen: the exam's questions with their progress, and the modes available.
struct StartScreen {
    let session: Session
    let glyphs: Glyphs

    func draw(in buffer: inout Buffer) {
        let width = buffer.width
        let exam = session.exam
        StatusLine(left: " dltutor", right: glyphs.text(variantLabel) + " ", style: .role(.selection), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: 1))
        buffer.put(glyphs.text(exam.title), at: Point(x: 2, y: 2), style: .role(.title).bold())
        buffer.put(
            "Choose a question to practise step by step; every value is checked as you type.",
            at: Point(x: 2, y: 3), style: .role(.dim))
        let y = drawQuestionList(&buffer, top: 5)
        let modesY = min(buffer.height - 3, y + 1)
        buffer.put(
            "Modes: Enter practise · d demo for a class · timed: dltutor quiz / drill", at: Point(x: 2, y: modesY),
            style: .role(.dim))
        let finished = exam.questions.filter { session.opened[$0.id]?.isFinished == true }.count
        let earned = exam.questions.reduce(0.0) { $0 + (session.opened[$1.id]?.score ?? 0) }
        let total = exam.questions.reduce(0.0) { $0 + $1.points }
        buffer.put(
            "Progress: \(finished) of \(exam.questions.count) questions done · \(formatPoints(earned)) of \(formatPoints(total)) points",
            at: Point(x: 2, y: 4), style: finished > 0 || earned > 0 ? .role(.accent) : .role(.dim))
        let split = exam.questions.compactMap { session.opened[$0.id] }.reduce(PointsSplit()) { $0 + PointsSplit($1) }
        buffer.put(
            DisplayWidth.truncate(glyphs.text(Self.splitLine(split)), to: width - 4), at: Point(x: 2, y: modesY + 1),
            style: .role(.dim))
        let due = session.dueCount
        let reviewLine =
            due == 0 ? "Review: nothing due · s stats" : "Review: \(due) step\(due == 1 ? "" : "s") due (r) · s stats"
        buffer.put(reviewLine, at: Point(x: 2, y: modesY + 2), style: due > 0 ? .role(.warning).bold() : .role(.dim))
        if let offer = session.quizOffer, modesY + 3 < buffer.height - 2 {
            let line = DisplayWidth.truncate(glyphs.text(QuizOfferText.startLine(offer)), to: width - 4)
            buffer.put(line, at: Point(x: 2, y: modesY + 3), style: .role(.warning).bold())
        }
        if let notice = session.notice ?? session.storageWait?.text
            ?? session.storageWarning.map({ "Not saving: " + Self.withoutProgramName($0) })
        {
            let lines = TextWrap.wrap(glyphs.text(notice), width: width - 4).prefix(3)
            for (i, line) in lines.enumerated() {
                buffer.put(line, at: Point(x: 2, y: buffer.height - 1 - lines.count + i), style: .role(.warning))
            }
        }
        let keys = "↑↓ choose · Enter practise · d demo · r review · s stats · ? keys · q quit"
        StatusLine(left: " " + glyphs.text(keys), style: .role(.dim), glyphs: glyphs)
            .draw(in: &buffer, rect: Rect(x: 0, y: buffer.height - 1, width: width, height: 1))
    }

    /// "Points: 10 unaided · 4.5 with help · 3 revealed · 9 first try": how the points were
    /// earned, how many steps were revealed (earning 0) and how many were right at the first try
    /// without help (the scoring rule is on the help screen).
    static func splitLine(_ s: PointsSplit) -> String {
        "Points: \(formatPoints(s.unaided)) unaided · \(formatPoints(s.withHelp)) with help · "
            + "\(s.revealedSteps) revealed · \(s.firstTry) first try"
    }

    /// The questions, one row each, with the ones whose files have errors in their places;
    /// returns the row after the list.
    private func drawQuestionList(_ buffer: inout Buffer, top: Int) -> Int {
        let width = buffer.width
        let exam = session.exam
        // The title gets every column the progress text leaves.
        let progressWidth = exam.questions.map { DisplayWidth.of(progress($0).0) }.max() ?? 0
        let titleWidth = max(20, width - 2 - 12 - 2 - progressWidth - 1)
        var y = top
        for (i, q) in exam.questions.enumerated() {
            y = drawBroken(&buffer, before: i, from: y)
            guard y < buffer.height - 4 else { break }
            let selected = i == session.selection
            let style: Style = selected ? .role(.selection) : .normal
            let marker = selected ? glyphs.arrowRight : " "
            let title = DisplayWidth.truncate(glyphs.text(q.title), to: titleWidth)
            let line = " \(marker) \(i + 1)  \(q.id.uppercased())  \(DisplayWidth.pad(title, to: titleWidth))  "
            buffer.fill(Rect(x: 1, y: y, width: width - 2, height: 1), style: style)
            let used = buffer.put(line, at: Point(x: 1, y: y), style: style)
            let (text, role) = progress(q)
            buffer.put(glyphs.text(text), at: Point(x: 1 + used, y: y), style: selected ? style : .role(role))
            y += 1
        }
        return drawBroken(&buffer, before: exam.questions.count, from: y)
    }

    /// The questions whose files have errors that come before loaded question `index` (or
    /// after the last), one row each and not selectable; returns the next free row.
    private func drawBroken(_ buffer: inout Buffer, before index: Int, from top: Int) -> Int {
        var y = top
        let atEnd = index == session.exam.questions.count
        for b in session.exam.broken where b.position == index || (atEnd && b.position > index) {
            guard y < buffer.height - 4 else { break }
            let line = "  !  \(b.id.uppercased())  \(Self.brokenLine(b))"
            buffer.put(
                DisplayWidth.truncate(glyphs.text(line), to: buffer.width - 3, ellipsis: glyphs.ellipsis),
                at: Point(x: 1, y: y), style: .role(.wrong))
            y += 1
        }
        return y
    }

    /// "Softmax — has errors: run dltutor lint": a question whose file did not load.
    static func brokenLine(_ b: BrokenQuestion) -> String { "\(b.name) — has errors: run dltutor lint" }

    static func withoutProgramName(_ s: String) -> String {
        s.hasPrefix("dltutor: ") ? String(s.dropFirst(9)) : s
    }

    private var variantLabel: String {
        let note = session.preview?.note.map { "\($0) · " } ?? ""
        return note + (session.settings.seed.map { "variant: seed \($0)" } ?? "original exam")
    }

    /// "not started", "in progress · 3/15 steps · 2.5/10 pts", "done · 8/10 pts".
    private func progress(_ q: Question) -> (String, Role) {
        guard let p = session.opened[q.id], p.isStarted else { return ("not started", .dim) }
        let done = p.records.filter { $0.status.isDone }.count
        let score = "\(formatPoints(p.score))/\(formatPoints(p.totalPoints)) pts"
        if p.isFinished { return ("done · \(score)", .correct) }
        return ("in progress · \(done)/\(p.records.count) steps · \(score)", .warning)
    }
}
