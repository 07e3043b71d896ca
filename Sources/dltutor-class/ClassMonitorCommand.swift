import ArgumentParser
import ClassroomStore
import Foundation

/// `dltutor class monitor NAME`: who has joined, progress per student, time left and the most
/// common mistakes per step, redrawn when an answer arrives (LISTEN/NOTIFY) and every second for
/// the clock. Plain text on purpose: it works in any terminal and on a projector.
struct ClassMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Watch a class quiz live: joined, progress, time left, common mistakes.")
    @OptionGroup var db: ClassDBOptions
    @Argument var name: String
    @Flag(help: "Print the view once and exit (for scripts).")
    var once = false

    func run() async throws {
        let url = try db.parsed()
        try await withClassDatabase(db) { conn in
            let activity = try await requireActivity(conn, name)
            if once { print(try await Self.view(conn, activity)); return }
            try await Self.watch(url: url, conn: conn, activity: activity)
        }
    }

    /// Redraws on a notification or once a second. While the server is out of reach the last
    /// view stays, with its clock still counting down on the server's time as last read, under
    /// a line that says so; the view is read again as soon as the server is back.
    static func watch(url: ClassURL, conn: ClassDatabase, activity: ClassActivity) async throws {
        let link = ClassLink(adopting: conn, timeout: .seconds(3))
        let (listener, events) = await ClassListener.open(url, activity: activity.name)
        defer { Task { await listener.close() } }
        let ticks = AsyncStream<Void> { c in
            let t = Task { while !Task.isCancelled { c.yield(); try? await Task.sleep(for: .seconds(1)) } }
            c.onTermination = { _ in t.cancel() }
        }
        let merged = AsyncStream<Void> { c in
            let a = Task { for await _ in events { c.yield() } }
            let b = Task { for await _ in ticks { c.yield() } }
            c.onTermination = { _ in
                a.cancel(); b.cancel()
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
            let frame = "\u{1B}[H\u{1B}[2J" + render(activity, data, banner: banner)
            FileHandle.standardOutput.write(Data(frame.utf8))
        }
    }

    /// What the monitor shows, as read from the server.
    struct MonitorData: Sendable {
        var now: Date
        var students: [ClassReports.StudentProgress]
        var mistakes: [ClassReports.MistakeCount]
    }

    static func read(_ db: ClassDatabase, _ a: ClassActivity) async throws(ClassError) -> MonitorData {
        MonitorData(
            now: try await db.serverNow(), students: try await ClassReports.progress(db, activity: a.name),
            mistakes: try await ClassReports.mistakes(db, activity: a.name))
    }

    static func view(_ db: ClassDatabase, _ a: ClassActivity) async throws -> String {
        render(a, try await read(db, a), banner: nil)
    }

    static func render(_ a: ClassActivity, _ data: MonitorData, banner: String?) -> String {
        let (now, students, mistakes) = (data.now, data.students, data.mistakes)
        var out: [String] = banner.map { [$0, ""] } ?? []
        let left = a.deadline.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) }
        let clock = left.map { String(format: "%d:%02d left", $0 / 60, $0 % 60) } ?? "no deadline"
        let joined = students.filter(\.joined).count
        out.append(
            "\(a.kind.rawValue) \(a.name): \(a.questions.joined(separator: ", "))  \(clock)  \(joined)/\(students.count) joined")
        out.append("")
        out.append("student          name                     answered  right  status")
        for s in students {
            let status = !s.joined ? "not joined" : s.finished ? "handed in" : (s.secondsSinceSeen ?? 0) > 10 ? "away" : "working"
            out.append(
                "\(s.id.rightPadded(to: 16)) \(s.name.rightPadded(to: 24)) \(String(s.answered).leftPadded(to: 8))  \(String(s.correct).leftPadded(to: 5))  \(status)"
            )
        }
        out.append("")
        out.append("most common mistakes (step, mistake, count):")
        if mistakes.isEmpty { out.append("  none yet") }
        for m in mistakes.prefix(10) {
            out.append("  \(m.question) \(m.step.rightPadded(to: 14)) \((m.mistake ?? "other").prefix(60))  ×\(m.count)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
