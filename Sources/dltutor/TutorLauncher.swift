import ArgumentParser
import CursesTerminal
import Foundation
import TerminalUI
import TutorApp
import TutorSession
import TutorStore

/// Options every full-screen mode shares.
struct ScreenOptions: ParsableArguments {
    @Flag(help: "Draw with ASCII only, even in a UTF-8 terminal.")
    var ascii = false
    /// Tests drive time through this file (seconds, one number) instead of sleeping through a quiz.
    @Option(name: .customLong("clock-file"), help: .hidden)
    var clockFile: String?
}

/// Opens the terminal, runs the session to its end and turns the outcome into an exit status.
enum TutorLauncher {
    /// Runs `session` full screen; effects go to `store` (a NullStore records nothing).
    static func run(_ session: Session, screen: ScreenOptions, store: any ProgressStore = NullStore()) async throws {
        let status: Int32 = try await MainActor.run { try runOnMain(session, screen: screen, store: store) }
        if status != 0 { throw ExitCode(status) }
    }

    /// The same, from the synchronous entry point's main thread (no concurrency runtime).
    static func runSynchronously(_ session: Session, screen: ScreenOptions, store: any ProgressStore = NullStore()) throws {
        let status: Int32 = try MainActor.assumeIsolated { try runOnMain(session, screen: screen, store: store) }
        if status != 0 { throw ExitCode(status) }
    }

    @MainActor private static func runOnMain(_ session: Session, screen: ScreenOptions, store: any ProgressStore) throws -> Int32 {
        let forceASCII = screen.ascii
        let clock = makeClock(file: screen.clockFile)
        var options = CursesTerminal.Options()
        options.forceASCII = forceASCII
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: options)
        } catch {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
        let recorder = ProgressRecorder(store: store, exam: session.exam, settings: session.settings, clock: clock)
        let app = TutorApp(
            session: session, terminal: terminal, clock: clock,
            // Short seeds, so a student can tell a classmate or instructor which variant it was.
            nextSeed: { UInt64.random(in: 1...999_999) },
            perform: { recorder.perform($0) }
        )
        return app.run()
    }

    /// The wall clock, or the number in `file` when given (re-read on every tick).
    static func makeClock(file: String?) -> @Sendable () -> Double {
        guard let file else { return { Date().timeIntervalSinceReferenceDate } }
        return {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            return Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
    }

    /// Opens the store for a full-screen mode: the warning (if saving is off) goes to stderr now,
    /// before the screen takes over, and to the start screen.
    static func openStore(_ options: StoreOptions) -> (store: any ProgressStore, warning: String?) {
        // (Also called off the main actor, while the content loads.)
        let (store, warning) = options.open()
        if let warning { printError(warning) }
        return (store, warning)
    }

    /// The clock's current time as a date, for startup queries.
    static func now(_ screen: ScreenOptions) -> Date {
        Date(timeIntervalSinceReferenceDate: makeClock(file: screen.clockFile)())
    }

    /// A random seed for drills and new variants when the user gave none.
    static func randomSeed() -> UInt64 { UInt64.random(in: 1...999_999) }
}
