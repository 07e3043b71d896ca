import ArgumentParser
import CursesTerminal
import Foundation
import TerminalUI
import TutorApp
import TutorSession
import TutorStore

/// Options every full-screen mode shares.
public struct ScreenOptions: ParsableArguments, Sendable {
    @Flag(help: "Draw with ASCII only, even in a UTF-8 terminal.")
    public var ascii = false
    /// Tests drive time through this file (seconds, one number) instead of sleeping through a quiz.
    @Option(name: .customLong("clock-file"), help: .hidden)
    public var clockFile: String?
    /// Tests prove the terminal is restored after a Swift runtime trap: trap once the screen is up.
    @Flag(name: .customLong("test-trap"), help: .hidden)
    public var testTrap = false

    public init() {}

    /// The options as plain values.
    public var settings: ScreenSettings { ScreenSettings(ascii: ascii, clockFile: clockFile, testTrap: testTrap) }
}

/// The screen options as plain values: what the launcher reads, and what the quick start path
/// (which builds no ArgumentParser values) passes.
public struct ScreenSettings: Sendable, Equatable {
    public var ascii: Bool
    public var clockFile: String?
    public var testTrap: Bool

    public init(ascii: Bool = false, clockFile: String? = nil, testTrap: Bool = false) {
        self.ascii = ascii
        self.clockFile = clockFile
        self.testTrap = testTrap
    }
}

/// Opens the terminal, runs the session to its end and turns the outcome into an exit status.
public enum TutorLauncher {
    /// Runs `session` full screen; effects go to `store` (a InMemoryStore records nothing).
    /// `inbox` and `onEffect` connect a live class demo (messages in, cues out); `tick` is how
    /// often the inbox is read at the latest. `clock` replaces the session's clock (a class
    /// keeps the server's time, which does not stop while the tutor is stopped).
    public static func run(
        _ session: Session, screen: ScreenOptions, store: any ProgressStore = InMemoryStore(),
        inbox: @escaping @Sendable () -> [Message] = { [] }, onEffect: @escaping @Sendable (Effect) -> Void = { _ in },
        tick: Duration = .milliseconds(250), clock: (@Sendable () -> Double)? = nil
    ) async throws {
        let settings = screen.settings
        let status: Int32 = try await MainActor.run {
            try runOnMain(
                session, screen: settings, terminal: nil, store: store, inbox: inbox, onEffect: onEffect, tick: tick,
                clock: clock)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The same, from the synchronous entry point's main thread (no concurrency runtime), on
    /// `terminal` when the caller opened it already (see `openTerminal`). `refresh` may change
    /// the session between events (see `TutorApp`; a preview reloads its content there).
    public static func runSynchronously(
        _ session: Session, screen: ScreenSettings, terminal: CursesTerminal? = nil, store: any ProgressStore = InMemoryStore(),
        refresh: @escaping @MainActor (inout Session) -> Bool = { _ in false }
    ) throws {
        let status: Int32 = try MainActor.assumeIsolated {
            try runOnMain(
                session, screen: screen, terminal: terminal, store: store, inbox: { [] }, onEffect: { _ in },
                tick: .milliseconds(250), clock: nil, refresh: refresh)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Opens the terminal for a full-screen mode, or says why not (not a terminal, unknown
    /// TERM) and throws the exit status. The tutor opens it while its progress database is still
    /// opening on another thread: curses' start-up is then off the way to the first frame.
    @MainActor public static func openTerminal(_ screen: ScreenSettings) throws -> CursesTerminal {
        var options = CursesTerminal.Options()
        options.forceASCII = screen.ascii
        do {
            return try CursesTerminal(options: options)
        } catch {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    @MainActor private static func runOnMain(
        _ session: Session, screen: ScreenSettings, terminal opened: CursesTerminal?, store: any ProgressStore,
        inbox: @escaping @Sendable () -> [Message], onEffect: @escaping @Sendable (Effect) -> Void,
        tick: Duration, clock sessionClock: (@Sendable () -> Double)?,
        refresh: @escaping @MainActor (inout Session) -> Bool = { _ in false }
    ) throws -> Int32 {
        let clock = makeClock(file: screen.clockFile)
        let terminal = try opened ?? openTerminal(screen)
        if screen.testTrap {
            terminal.draw(Buffer(size: terminal.size), cursor: nil)
            fatalError("forced trap (--test-trap)")
        }
        let recorder = ProgressRecorder(store: store, exam: session.exam, settings: session.settings, clock: clock)
        let app = TutorApp(
            session: session, terminal: terminal, tickInterval: tick,
            // The session's clock stands still while the tutor is stopped (Ctrl-Z): a quiz's
            // countdown pauses. Stored times still come from the recorder's wall clock.
            clock: sessionClock ?? { clock() - CursesTerminal.stoppedSeconds },
            // Short seeds, so a student can tell a classmate or instructor which variant it was.
            nextSeed: { UInt64.random(in: 1...999_999) },
            perform: {
                onEffect($0)
                return recorder.perform($0)
            }, poll: { recorder.poll() }, inbox: inbox, refresh: refresh
        )
        let status = app.run()
        waitForQueuedWrites(recorder, store: store, status: status)
        return status
    }

    /// After the screen has closed: answers still queued for a locked database are written
    /// before the tutor exits, saying so on stderr. Ctrl-C stops the wait (they are then lost,
    /// and the student was told); SIGTERM/SIGHUP wait one more busy timeout at most.
    static func waitForQueuedWrites(_ recorder: ProgressRecorder, store: any ProgressStore, status: Int32) {
        let waiting = recorder.writes.status.answers
        guard recorder.writes.status.pending > 0 else { return }
        let path = store.location ?? "(memory)"
        let what = waiting == 1 ? "1 checked answer" : "\(waiting) checked answers"
        signal(SIGINT, SIG_DFL)
        let terminated = status != 0 && status != 130
        printError(
            "dltutor: waiting for the database at \(path) (another program holds its lock) to save \(what)"
                + (terminated ? "…" : "; Ctrl-C quits without them."))
        let left = recorder.finish(timeout: terminated ? 5 : nil)
        if left == 0 {
            printError("dltutor: saved; \(what) \(waiting == 1 ? "is" : "are") now in \(path).")
        } else {
            printError("dltutor: \(left) checked answer\(left == 1 ? " was" : "s were") not saved: \(path) stayed locked.")
        }
    }

    /// The wall clock, or the number in `file` when given (re-read on every tick).
    public static func makeClock(file: String?) -> @Sendable () -> Double {
        guard let file else { return { Date().timeIntervalSinceReferenceDate } }
        return {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            return Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
    }

    /// The clock's current time as a date, for startup queries.
    public static func now(_ screen: ScreenOptions) -> Date { now(screen.settings) }

    public static func now(_ screen: ScreenSettings) -> Date {
        Date(timeIntervalSinceReferenceDate: makeClock(file: screen.clockFile)())
    }

    /// A random seed for drills and new variants when the user gave none.
    public static func randomSeed() -> UInt64 { UInt64.random(in: 1...999_999) }
}
