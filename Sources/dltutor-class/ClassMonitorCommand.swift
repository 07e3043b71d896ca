import ArgumentParser
import ClassroomStore
import Foundation
import TutorCLI
import TutorOutput

/// `dltutor class monitor NAME`: who has joined, progress per student, time left and the most
/// common mistakes per step, redrawn when an answer arrives (LISTEN/NOTIFY) and every second for
/// the clock. Plain text on purpose: it works in any terminal and on a projector. Every count is
/// regraded here from the stored inputs (`ClassRegrade`), and everything a student could have
/// written is shown as text (`MonitorText.cell`), never as terminal control.
struct ClassMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Watch a class quiz live: joined, progress, time left, common mistakes.")
    @OptionGroup var db: ClassDBOptions
    @OptionGroup var options: ContentOptions
    @Argument var name: String
    @Flag(help: "Print the view once and exit (for scripts).")
    var once = false

    func run() async throws {
        let url = try db.parsed()
        try await withClassDatabase(db) { conn in
            let activity = try await requireActivity(conn, name)
            var regrade = ClassRegrade(exam: try loadActivityExam(activity, options: options), questions: activity.questions)
            if once {
                print(try await Self.view(conn, activity, regrade: &regrade))
                return
            }
            try await Self.watch(url: url, conn: conn, activity: activity, regrade: regrade)
        }
    }

    /// Redraws on a notification or once a second. While the server is out of reach the last
    /// view stays, with its clock still counting down on the server's time as last read, under
    /// a line that says so; the view is read again as soon as the server is back.
    static func watch(url: ClassURL, conn: ClassDatabase, activity: ClassActivity, regrade: ClassRegrade) async throws {
        var regrade = regrade
        let link = ClassLink(adopting: conn, timeout: .seconds(3))
        let (listener, events) = await ClassListener.open(url, activity: activity.name)
        defer { Task { await listener.close() } }
        let ticks = AsyncStream<Void> { c in
            let t = Task {
                while !Task.isCancelled {
                    c.yield()
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            c.onTermination = { _ in t.cancel() }
        }
        let merged = AsyncStream<Void> { c in
            let a = Task { for await _ in events { c.yield() } }
            let b = Task { for await _ in ticks { c.yield() } }
            c.onTermination = { _ in
                a.cancel()
                b.cancel()
            }
        }
        let clock = ClassClock(local: { Date().timeIntervalSinceReferenceDate })
        var last: MonitorData?
        for await _ in merged {
            let sent = clock.localNow()
            let banner: String?
            do {
                let data = try await link.run { db throws(ClassError) in try await read(db, activity) }
                clock.sync(server: data.now, sentAt: sent, receivedAt: clock.localNow())
                last = data
                banner = listener.isListening ? nil : "Reconnecting to the class database for live updates…"
            } catch {
                banner = "Reconnecting to the class database… (the view below is the last one read)"
            }
            guard var data = last else { continue }
            data.now = Date(timeIntervalSinceReferenceDate: clock.now())
            let frame = "\u{1B}[H\u{1B}[2J" + render(activity, data, regrade: &regrade, banner: banner)
            FileHandle.standardOutput.write(Data(frame.utf8))
        }
    }

    /// What the monitor shows, as read from the server.
    struct MonitorData: Sendable {
        var now: Date
        var students: [ClassReports.StudentProgress]
        var latest: [ClassReports.Latest]
    }

    static func read(_ db: ClassDatabase, _ a: ClassActivity) async throws(ClassError) -> MonitorData {
        MonitorData(
            now: try await db.serverNow(), students: try await ClassReports.progress(db, activity: a.name),
            latest: try await ClassReports.latest(db, activity: a.name))
    }

    static func view(_ db: ClassDatabase, _ a: ClassActivity, regrade: inout ClassRegrade) async throws -> String {
        render(a, try await read(db, a), regrade: &regrade, banner: nil)
    }

    static func render(_ a: ClassActivity, _ data: MonitorData, regrade: inout ClassRegrade, banner: String?) -> String {
        let (now, students, latest) = (data.now, data.students, data.latest)
        var out: [String] = banner.map { [$0, ""] } ?? []
        let left = a.deadline.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) }
        let clock = left.map { String(format: "%d:%02d left", $0 / 60, $0 % 60) } ?? "no deadline"
        let joined = students.filter(\.joined).count
        out.append(
            "\(a.kind.rawValue) \(a.name): \(a.questions.joined(separator: ", "))  \(clock)  \(joined)/\(students.count) joined")
        out.append("")
        out.append("student          name                     answered  right  points  status")
        var grades: [ClassRegrade.StudentGrade] = []
        for s in students {
            let g = regrade.grade(student: s.id, seed: s.seed, answers: latest.filter { $0.student == s.id })
            if s.joined { grades.append(g) }
            let status = !s.joined ? "not joined" : s.finished ? "handed in" : (s.secondsSinceSeen ?? 0) > 10 ? "away" : "working"
            let points = s.joined ? MonitorText.points(g.total) : ""
            out.append(
                "\(MonitorText.cell(s.id).rightPadded(to: 16)) \(MonitorText.cell(s.name).rightPadded(to: 24)) "
                    + "\(String(g.answered).leftPadded(to: 8))  \(String(g.right).leftPadded(to: 5))  \(points.leftPadded(to: 6))  \(status)"
            )
        }
        out.append("")
        out.append("most common mistakes (step, mistake, count):")
        let stats = Gradebook.stepStats(grades, questions: a.questions, exam: regrade.exam)
        let mistakes = stats.flatMap { s in s.mistakes.map { (s.question, s.step, $0.0, $0.1) } }.sorted { $0.3 > $1.3 }
        if mistakes.isEmpty { out.append("  none yet") }
        for (q, step, mistake, count) in mistakes.prefix(10) {
            out.append(
                "  \(q) \(MonitorText.cell(step).rightPadded(to: 14)) \(MonitorText.cell(String(mistake.prefix(60))))  ×\(count)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Text on the instructor's screens that a student (or the roster) supplied: one line, every
/// control, bidi control and line break shown as `<U+001B>`, so nothing written into the class
/// database can move the cursor, clear the screen, retitle the terminal or fake a line.
enum MonitorText {
    static func cell(_ text: String) -> String {
        visibleControls(text.replacingOccurrences(of: "\t", with: "<U+0009>").replacingOccurrences(of: "\n", with: "<U+000A>"))
    }

    static func points(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
}
