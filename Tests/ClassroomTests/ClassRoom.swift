import ClassTestSupport
import Foundation
import PTYTestSupport

/// Several class screens in ptys, pumped together so none blocks on a full buffer and no
/// short-lived line (an outage of half a second) is missed: every pump checks each screen, and
/// `firstSeen` remembers when a text first appeared on each.
final class ClassRoom {
    let screens: [String: PTYHarness]
    let clock = ContinuousClock()
    private var watched: String?
    private(set) var firstSeen: [String: ContinuousClock.Instant] = [:]

    init(_ screens: [String: PTYHarness]) { self.screens = screens }

    var names: [String] { screens.keys.sorted() }

    /// Starts noting when `text` first shows on each screen (forgetting earlier notes).
    func watch(for text: String) {
        watched = text
        firstSeen = [:]
    }

    /// Pumps every screen once.
    func pump() {
        for (name, h) in screens {
            h.pump(timeout: .milliseconds(2))
            if let watched, firstSeen[name] == nil, h.screen.contains(watched) { firstSeen[name] = clock.now }
        }
    }

    /// Pumps until `ok` holds or `timeout` passes; returns whether it held.
    func wait(_ timeout: Duration = .seconds(15), until ok: () -> Bool) -> Bool {
        let end = clock.now + timeout
        while clock.now < end {
            pump()
            if ok() { return true }
        }
        return ok()
    }

    /// Pumps for `duration` whatever happens.
    func idle(_ duration: Duration) { _ = wait(duration) { false } }

    /// Runs `work` on another thread (a server restart) while pumping; returns when it is done.
    func during(_ work: @escaping @Sendable () throws -> Void) throws {
        let done = Flag()
        let failure = FailureBox()
        Thread.detachNewThread {
            do { try work() } catch { failure.set(error) }
            done.set()
        }
        while !done.isSet { pump() }
        if let error = failure.get() { throw error }
    }

    func all(_ text: String) -> Bool { screens.values.allSatisfy { $0.screen.contains(text) } }
    func none(_ text: String) -> Bool { !screens.values.contains { $0.screen.contains(text) } }

    /// Every screen, for a failure message.
    var dump: String { names.map { "== \($0)\n\(screens[$0]!.screen.text)" }.joined(separator: "\n") }

    /// Types `input` and Enter on `name`'s screen.
    func answer(_ name: String, _ input: String) {
        screens[name]?.type(input)
        screens[name]?.press(.enter)
    }

    /// Processes of this class still running: any whose command line or environment names the
    /// class database (over SSH it is in the environment; on a student's machine in argv).
    static func processes(naming database: String) -> [Int32] {
        let ids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return ids.filter { pid in
            guard pid != getpid() else { return false }
            let parts = ["cmdline", "environ"].compactMap { FileManager.default.contents(atPath: "/proc/\(pid)/\($0)") }
            // The server's own backends carry the database's name too; they are not the class's.
            if let cmdline = parts.first, String(decoding: cmdline, as: UTF8.self).hasPrefix("postgres") { return false }
            return parts.contains { String(decoding: $0, as: UTF8.self).contains(database) }
        }
    }

    /// A process's command line, for a failure message.
    static func describe(_ pid: Int32) -> String {
        let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
        return "\(pid): " + String(decoding: raw.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
    }

    /// Seconds left as a screen shows them ("mm:ss left" or "m:ss left"), nil when none is shown.
    static func secondsLeft(_ h: PTYHarness) -> Int? {
        guard let r = h.screen.text.range(of: #"[0-9]{1,2}:[0-5][0-9] left"#, options: .regularExpression) else { return nil }
        let parts = h.screen.text[r].dropLast(" left".count).split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.withLock { error = e } }
    func get() -> (any Error)? { lock.withLock { error } }
}
