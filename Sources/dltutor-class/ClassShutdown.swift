import ArgumentParser
import ClassroomStore
import CursesTerminal
import Foundation
import TutorCLI

/// How a class process ends once its screen has closed. SIGTERM, SIGHUP (a closed terminal or
/// SSH connection) end it within 2 s whatever the network does: the answers still queued get
/// 1.5 s to reach the server, and a timer ends the process at 1.9 s if anything hangs. A quit by
/// the student waits for the queued answers as long as it takes, saying so; Ctrl-C (or a
/// terminating signal) cuts that short.
enum ClassShutdown {
    /// Seconds a terminating signal leaves the queued answers, and the hard limit after it.
    static let signalGrace = 1.5
    static let hardLimit = 1.9

    /// Writes what is queued (within the limits above), says what happened on stderr, and ends
    /// the process with `status` (0, 130 for Ctrl-C, 128 + signal).
    static func finish(_ outbox: ClassOutbox<ClassDatabase>?, status screenStatus: Int32) -> Never {
        let status = hungUp(screenStatus)
        let terminated = status != 0 && status != 130
        armTimer(ifTerminated: status)
        if let outbox {
            if outbox.status.pending > 0 {
                if terminated { outbox.waitUntilWritten(timeout: signalGrace) } else { waitAsLongAsAllowed(outbox) }
            }
            report(outbox)
        }
        exit(status) // flushes stdout

    }

    /// A screen that ended because its terminal went away (input ended) ended by a hang-up,
    /// whether or not the SIGHUP has arrived yet: nobody is there to wait for.
    private static func hungUp(_ status: Int32) -> Int32 {
        if status != 0 { return status }
        if let sig = CursesTerminal.pendingSignal() { return 128 + sig }
        return tcgetpgrp(STDIN_FILENO) == -1 ? 128 + SIGHUP : 0
    }

    /// A student who quit: wait until written, unless Ctrl-C or a terminating signal says stop.
    private static func waitAsLongAsAllowed(_ outbox: ClassOutbox<ClassDatabase>) {
        let waiting = outbox.status.answers
        signal(SIGINT, SIG_DFL)
        printError(
            "dltutor: saving \(waiting == 1 ? "1 answer" : "\(waiting) answers") on the class server "
                + "(reconnecting if needed); Ctrl-C leaves without them.")
        while !outbox.waitUntilWritten(timeout: 0.1) {
            if let sig = CursesTerminal.pendingSignal() {
                armTimer(128 + sig)
                outbox.waitUntilWritten(timeout: signalGrace)
                return
            }
        }
    }

    private static func report(_ outbox: ClassOutbox<ClassDatabase>) {
        let s = outbox.status
        if s.answers > 0 {
            printError(
                "dltutor: \(s.answers) answer\(s.answers == 1 ? " was" : "s were") not saved: the class server was out of reach.")
        }
        if s.refused > 0, let why = s.lastRefusal {
            printError("dltutor: the class server refused \(s.refused) write\(s.refused == 1 ? "" : "s"): \(why)")
        }
    }

    /// After SIGTERM or SIGHUP: ends the process at `hardLimit` seconds from now, whatever it
    /// is waiting for (the first timer armed wins).
    static func armTimer(ifTerminated status: Int32) {
        if status != 0 && status != 130 { armTimer(status) }
    }

    /// Ends the process at `hardLimit` seconds from now, whatever it is waiting for.
    private static func armTimer(_ status: Int32) {
        Thread.detachNewThread {
            usleep(UInt32(hardLimit * 1_000_000))
            _exit(status)
        }
    }
}

extension ClassShutdown {
    /// Runs a screen and returns its exit status (the launcher throws any status but 0).
    static func screenStatus(_ screen: () async throws -> Void) async -> Int32 {
        do {
            try await screen()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            printError("dltutor: \(error)")
            return 1
        }
    }
}
