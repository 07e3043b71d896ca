import ArgumentParser
import Foundation
import TutorApp
import TutorCLI
import TutorScreens
import TutorStore

/// `dltutor stats`: the stats screen as text.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Accuracy per question and topic, frequent mistakes, time per step, quiz history.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var storage: StoreOptions

    func run() throws {
        let exam = try options.load()
        let store = try storage.openForReading()
        var report = StatsBuilder.report(store: store, exam: exam, at: Date())
        // The store is opened only to read, so it always says "not saving": what matters to the
        // reader is whether the tutor could save to this file. Only then is it said, on stderr.
        if let problem = Self.savingProblem(storage.resolvedPath) {
            printError("dltutor: progress is not being saved: \(problem)")
        }
        report.storage = "Progress is saved in \(storage.resolvedPath)."
        print(StatsText.plain(report))
    }

    /// Why the tutor could not save to `path` (nil: it can): the file or its folder is not writable.
    static func savingProblem(_ path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.isWritableFile(atPath: path) { return "\(path) is read-only." }
        if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            return "its folder \(folder) is read-only."
        }
        return nil
    }
}

/// `dltutor export`: every attempt and quiz, for a gradebook spreadsheet.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export attempts and quizzes as CSV or JSON (columns in the README).",
        discussion: "One row per attempt and one per quiz, oldest first; times in UTC (ISO 8601).")

    @OptionGroup var storage: StoreOptions
    @Option(help: "csv or json.") var format: Format = .csv
    @Option(help: ArgumentHelp("Only rows from this date on (YYYY-MM-DD, or an ISO 8601 time).", valueName: "date"))
    var since: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(help: "Replace the -o file if it exists (never the progress database itself).")
    var force = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    func run() throws {
        let sinceDate = try since.map(Self.parseDate)
        if let output { try ExportTarget.check(output, database: storage.resolvedPath, force: force) }
        let store = try storage.openForReading()
        let text: String
        do {
            text = try store.export(format == .csv ? .csv : .json, since: sinceDate)
        } catch {
            printError("dltutor: \(error.message)")
            throw ExitCode(1)
        }
        if let output {
            try ExportTarget.write(text, to: output, force: force)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    static func parseDate(_ text: String) throws -> Date {
        let full = ISO8601DateFormatter()
        if let d = full.date(from: text) { return d }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        if let d = day.date(from: text) { return d }
        throw ValidationError("--since takes a date like 2026-11-29 or 2026-11-29T18:00:00Z, not '\(text)'.")
    }
}

/// `dltutor reset`: forget progress, all of it or one question's, after confirmation.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Delete progress (attempts, review schedule, resume point), after confirmation.",
        discussion: "With --question, only that question's attempts, review items and resume point; quiz results are kept.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var storage: StoreOptions
    @Option(help: "Only this question (id like q3, or its number).") var question: String?
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run() throws {
        let questionID = try question.map { try options.load().find($0).id }
        guard FileManager.default.fileExists(atPath: storage.resolvedPath) else {
            // Opening would create an empty database only to report it emptied.
            print("There is no progress database at \(storage.resolvedPath); nothing to delete.")
            return
        }
        let (store, warning) = storage.open()
        if let warning {
            printError(warning)
            throw ExitCode(1)
        }
        let what = questionID.map { "all progress on \($0)" } ?? "ALL progress (attempts, quizzes, drills, review schedule)"
        if !yes {
            guard isatty(0) == 1 else {
                throw ValidationError("reset needs confirmation: run it in a terminal, or pass --yes.")
            }
            print("Delete \(what) in \(storage.resolvedPath)? Type 'yes' to confirm: ", terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                print("Nothing was deleted.")
                return
            }
        }
        do {
            if let questionID { try store.reset(questionID: questionID) } else { try store.resetAll() }
        } catch {
            printError("dltutor: \(error.message)")
            throw ExitCode(1)
        }
        print("Deleted \(what).")
    }
}
