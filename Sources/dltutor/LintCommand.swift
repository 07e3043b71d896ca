import ArgumentParser
import ContentLint
import ContentLoading
import TutorCLI
import TutorContent
import TutorScreens

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// `dltutor lint`: validates content before a student ever sees it.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate exam content: every formula, constraint and named mistake.",
        discussion: """
            Parses every file, evaluates every formula for the original exam and for --seeds random \
            variants per question, checks the constraints, reports named mistakes whose value equals \
            another mistake's, and proves that no text or picture label shown before a step is answered \
            (answer-field examples, help, prompts, options, hints, feedback to a mistake) states an \
            answer the student has not earned. Problems are printed as file:line: message. \
            Exit status 1 when there are errors (warnings alone exit 0).
            """
    )

    @Argument(help: "The exam content directory (default: the bundled exam).")
    var path: String?
    @Option(help: "Random variants to check per question.")
    var seeds: Int = 500
    @Flag(help: "Lint again whenever a file in the folder changes (until Ctrl-C).")
    var watch = false

    func validate() throws {
        guard (0...100_000).contains(seeds) else { throw ValidationError("--seeds takes 0 to 100000.") }
    }

    func run() throws {
        let dir = try ContentOptions.resolve(path)
        guard watch else { return try lintOnce(dir) }
        var seen = FolderStamp(dir)
        while true {
            try? lintOnce(dir)
            printSafe("lint: watching \(dir) for changes (Ctrl-C to stop).")
            fflush(stdout)
            seen = FolderStamp.waitForChange(dir, from: seen)
            printSafe("")
        }
    }

    func lintOnce(_ dir: String) throws {
        let diagnostics = Lint.run(directory: dir, seeds: seeds, leaks: PictureLint.leaks)
        for d in diagnostics { printSafe(d.description) }
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.filter(\.isWarning).count
        let exam = ExamLoader.load(directory: dir).exam
        let loaded = exam.questions.count
        printSafe(
            "lint: \(loaded) question\(loaded == 1 ? "" : "s"), original exam + \(seeds) seeds each: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
        )
        // Texts that state another step's answer are shown only once that step is done.
        let held = exam.questions.compactMap { try? $0.variant() }.reduce(0) { $0 + EarnedLeakLint.heldTexts(in: $1) }
        printSafe(
            "lint: \(held) model answers and worked steps of the original exam wait for the steps whose answers they state.")
        if errors > 0 { throw ExitCode(1) }
    }
}
