import ArgumentParser
import Foundation
import TutorCLI

#if canImport(Glibc)
    import Glibc
#endif

/// The class commands live in a second binary, `dltutor-class`, so that the student's `dltutor`
/// never loads PostgresNIO, NIO or BoringSSL (they cost every start). `dltutor
/// class ...` and `dltutor demo --class NAME ...` replace this process with it, arguments
/// unchanged, so the commands (and the SSH forced command) stay exactly as documented.
enum ClassHandOff {
    static let binaryName = "dltutor-class"

    /// Execs `dltutor-class` when `arguments` (argv) is a class command; returns otherwise.
    static func execIfClassCommand(_ arguments: [String]) {
        guard arguments.count > 1 else { return }
        let rest = arguments.dropFirst()
        let isClass =
            rest.first == "class"
            || (rest.first == "demo" && rest.contains { $0 == "--class" || $0.hasPrefix("--class=") })
        guard isClass else { return }
        exec(Array(rest))
    }

    /// Replaces this process with `dltutor-class ARGS`; on failure says why and exits 127.
    static func exec(_ args: [String]) -> Never {
        guard let path = locate() else {
            printError(
                "dltutor: the class commands need \(binaryName), which is installed next to dltutor (make install); it was not found there or on PATH."
            )
            exit(127)
        }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        execv(path, argv)
        printError("dltutor: cannot run \(path): \(String(cString: strerror(errno))).")
        exit(127)
    }

    /// Next to the running binary (`/proc/self/exe`, symlinks resolved), then on PATH.
    static func locate() -> String? {
        let fm = FileManager.default
        var dirs: [String] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append(URL(fileURLWithPath: exe).deletingLastPathComponent().path)
        } else {
            dirs.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        dirs += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return dirs.map { $0 + "/" + binaryName }.first { fm.isExecutableFile(atPath: $0) }
    }
}

/// `dltutor class ...` as `dltutor --help` lists it; the arguments go to `dltutor-class`.
struct ClassHandOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Run a class: one quiz or demo for everyone, answers in PostgreSQL, students over SSH.",
        discussion:
            "init, roster, quiz, join, monitor, results, authorized-keys (run by dltutor-class; see `dltutor class --help`).")
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { ClassHandOff.exec(["class"] + arguments) }
}
