import ArgumentParser
import Dispatch
import TutorCLI

#if canImport(Glibc)
    import Glibc
#endif

// A synchronous entry point: `--version`, `check`, `list`, `key`, `eval`, `lint` and the tutor
// itself (`practice`) run without starting the concurrency runtime. Only the commands declared
// `AsyncParsableCommand` (the other full-screen modes, the progress commands) start it, on a task,
// with the main queue serving the main actor. Parsing, errors and exit codes are ArgumentParser's.
// `dltutor --version` alone is answered before ArgumentParser builds its command tree (which
// costs more than the rest of the process); the output is the one ArgumentParser gives.
// (`ContentOptions.programVersion` is what `DLTutor.configuration` declares; building that
// configuration instantiates every subcommand's type, a sixth of this command's time.)
if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version", let version = ContentOptions.programVersion.nonEmpty
{
    print(version)
    StandardOutput.ensureWritten()
    exit(0)
}

// Too few file descriptors: libdispatch (under GRDB and Foundation) traps with SIGILL when it
// cannot create its event descriptors, leaving no message. Say so instead.
do {
    var limit = rlimit()
    let needed: rlim_t = 16
    if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < needed {
        printError("dltutor: too few file descriptors (ulimit -n is \(limit.rlim_cur)); it needs at least \(needed).")
        exit(1)
    }
}

// `dltutor class …` and `dltutor demo --class …` run the classroom binary (it alone links
// PostgreSQL's client), with the arguments unchanged.
ClassHandOff.execIfClassCommand(CommandLine.arguments)

if let message = NumericOptions.negativeValue(in: Array(CommandLine.arguments.dropFirst())) {
    printError("Error: " + message)
    exit(64) // ArgumentParser's status for bad usage
}

// The plain tutor and a single check skip ArgumentParser's command tree (see QuickCommandLine).
if let quick = QuickCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
    do { try quick.run() } catch { exitFor(error) }
} else {
    let parsed: any ParsableCommand
    do {
        parsed = try DLTutor.parseAsRoot()
    } catch {
        exitFor(error)
    }
    if let command = parsed as? any AsyncParsableCommand {
        let box = CommandBox(command: command)
        Task.detached {
            var command = box.command
            do { try await command.run() } catch { exitFor(error) }
            StandardOutput.ensureWritten()
            DLTutor.exit()
        }
        dispatchMain()
    } else {
        var command = parsed
        do { try command.run() } catch { exitFor(error) }
    }
}
StandardOutput.ensureWritten()

/// Ends the process for an error a command threw. A bare exit status (`check`'s verdicts) is
/// handed straight to `exit`: ArgumentParser's `exit(withError:)` would first build the whole
/// command's help text (about a millisecond) to print nothing. Anything else it reports.
func exitFor(_ error: any Error) -> Never {
    StandardOutput.ensureWritten() // what was printed before the error must have been written too
    if let code = error as? ExitCode { exit(code.rawValue) }
    if DLTutor.exitCode(for: error) == .success { // help (`--help`, `help`): standard output, checked
        print(DLTutor.fullMessage(for: error))
        StandardOutput.ensureWritten()
        exit(0)
    }
    DLTutor.exit(withError: error)
}

/// Hands the parsed command to the task that runs it (it is only ever used there).
struct CommandBox: @unchecked Sendable {
    let command: any AsyncParsableCommand
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
