import ArgumentParser
import CursesTerminal
import Foundation
import TerminalUI
import TutorApp
import TutorSession
import TutorStore

/// Options every full-screen mode shares.
public struct ScreenOptions: ParsableArguments {
    @Flag(help: "Draw with ASCII only, even in a UTF-8 terminal.")
    public var ascii = false
    /// Tests drive time through this file (seconds, one number) instead of sleeping through a quiz.
    @Option(name: .customLong("clock-file"), help: .hidden)
    public var clockFile: String?

    public init() {}
}

/// Opens the terminal, runs the session to its end and turns the outcome into an exit status.
public enum TutorLauncher {
    /// Runs `session` full screen; effects go to `store` (a NullStore records nothing).
    /// `inbox` and `onEffect` connect a live class demo (messages in, cues out); `tick` is how
    /// often the inbox is read at the latest.
    public static func run(_ session: Session, screen: ScreenOptions, store: any ProgressStore = NullStore(),
                           inbox: @escaping @Sendable () -> [Message] = { [] }, onEffect: @escaping @Sendable (Effect) -> Void = { _ in },
                           tick: Duration = .milliseconds(250)) async throws {
        let forceASCII = screen.ascii
        let clock = makeClock(file: screen.clockFile)
        let status: Int32 = try await MainActor.run {
            var options = CursesTerminal.Options()
            options.forceASCII = forceASCII
            let terminal: CursesTerminal
            do {
                terminal = try CursesTerminal(options: options)
            } catch let error as CursesTerminalError {
                printError(error.description)
                throw ExitCode(error.exitCode)
            }
            let recorder = ProgressRecorder(store: store, exam: session.exam, settings: session.settings, clock: clock)
            let app = TutorApp(
                session: session, terminal: terminal, tickInterval: tick, clock: clock,
                // Short seeds, so a student can tell a classmate or instructor which variant it was.
                nextSeed: { UInt64.random(in: 1...999_999) },
                perform: { onEffect($0); return recorder.perform($0) }, inbox: inbox
            )
            return app.run()
        }
        if status != 0 { throw ExitCode(status) }
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
    public static func now(_ screen: ScreenOptions) -> Date {
        Date(timeIntervalSinceReferenceDate: makeClock(file: screen.clockFile)())
    }

    /// A random seed for drills and new variants when the user gave none.
    public static func randomSeed() -> UInt64 { UInt64.random(in: 1...999_999) }
}
