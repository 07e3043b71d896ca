import TerminalUI

/// A program in a pty plus the screen it draws: the object an end-to-end test talks to.
///
///     let h = try PTYHarness(executable: PTYHarness.builtProduct("curses-smoke"))
///     #expect(h.waitFor(text: "answer>"))
///     h.type("σ+1"); h.press(.left); h.press(.enter)
///     h.settle(); #expect(h.lines[4] == "entered: σ+1 ✓")
///     h.press(.ctrl("c")); #expect(h.waitForExit() == .exited(130))
public final class PTYHarness {
    public let process: PTYProcess
    public private(set) var screen: VTScreen
    public let keys: TerminalKeys

    public init(
        executable: String, arguments: [String] = [], environment: [String: String]? = nil,
        columns: Int = 80, rows: Int = 24, keys: TerminalKeys = .tmux
    ) throws {
        process = try PTYProcess(
            executable: executable, arguments: arguments, environment: environment,
            columns: columns, rows: rows)
        screen = VTScreen(columns: columns, rows: rows)
        self.keys = keys
    }

    /// Path of an executable built next to the test bundle (`swift test` builds every target).
    public static func builtProduct(_ name: String) -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBufferPointer { readlinkShim("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
        let exe = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        // The test runner is .build/<config>/<pkg>PackageTests.xctest (a file on Linux).
        var dir = exe
        while let slash = dir.lastIndex(of: "/") {
            dir = String(dir[..<slash])
            if !dir.hasSuffix(".xctest") { break }
        }
        return dir + "/" + name
    }

    public var lines: [String] { screen.lines }

    // MARK: Pumping output

    /// Reads available output into the screen, waiting up to `timeout` for the first bytes.
    /// Returns whether anything arrived.
    @discardableResult
    public func pump(timeout: Duration = .milliseconds(10)) -> Bool {
        let bytes = process.read(timeout: timeout)
        if bytes.isEmpty { return false }
        screen.feed(bytes)
        return true
    }

    /// Pumps until `condition` holds for the screen or `timeout` passes.
    @discardableResult
    public func waitUntil(timeout: Duration = .seconds(5), _ condition: (VTScreen) -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if condition(screen) { return true }
            if clock.now >= deadline || process.isDrained { return condition(screen) }
            pump(timeout: .milliseconds(20))
        }
    }

    /// Pumps until some line contains `text`.
    @discardableResult
    public func waitFor(text: String, timeout: Duration = .seconds(5)) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Pumps until the output has been quiet for `quiet` (default 50 ms), so a whole frame has
    /// arrived before asserting on rows other than the one waited for. Bounded by `limit`.
    public func settle(quiet: Duration = .milliseconds(50), limit: Duration = .seconds(2)) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while clock.now < deadline {
            if !pump(timeout: quiet) { return }
        }
    }

    // MARK: Input

    public func type(_ text: String) { process.write(text) }
    public func press(_ key: Key) { process.write(keys.bytes(for: key)) }
    public func press(_ keys: Key...) { for k in keys { press(k) } }

    /// Resizes the pty and the screen model together (the terminal's own order of events).
    public func resize(columns: Int, rows: Int) {
        screen.resize(columns: columns, rows: rows)
        process.resize(columns: columns, rows: rows)
    }

    public func signal(_ sig: Int32) { process.signal(sig) }

    /// Forgets what the screen showed (as if the terminal were cleared behind the program's
    /// back), so a test can prove that the program repaints everything, e.g. after SIGCONT.
    public func resetScreen() { screen = VTScreen(columns: screen.columns, rows: screen.rows) }

    /// Waits for the child to exit, feeding its last output into the screen.
    public func waitForExit(timeout: Duration = .seconds(5)) -> PTYProcess.ExitStatus? {
        process.waitForExit(timeout: timeout) { screen.feed($0) }
    }
}
