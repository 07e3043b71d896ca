import ArgumentParser
import ClassroomStore
import Foundation
import TutorCLI
import TutorContent

/// `dltutor class quiz start NAME`: one timed quiz for the whole class.
struct ClassQuizCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz", abstract: "Start or close a class quiz.", subcommands: [Start.self, Close.self])

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a class quiz: one deadline for all, kept by the server's clock.",
            discussion: """
                Each student gets their own seeded variant (the same questions, different numbers) unless \
                --same-variant. A student who drops and reconnects continues with their answers and the time left.
                """)
        @OptionGroup var db: ClassDBOptions
        @OptionGroup var options: ContentOptions
        @Argument(help: "The quiz's name (letters, digits, . _ -).")
        var name: String
        @OptionGroup var quizOptions: QuizOptions
        @Flag(name: .customLong("same-variant"), help: "Everyone gets the same variant (--seed, or the original exam).")
        var sameVariant = false
        @Option(
            help:
                "The class seed: with --same-variant the variant itself; otherwise mixed with the class's secret and each student's id."
        )
        var seed: UInt64?
        @Flag(
            name: .customLong("ssh-only"),
            help: "Graded work: students take it on the class server only (their own database login may not join).")
        var sshOnly = false

        func run() async throws {
            let exam = try options.load()
            let ids = try quizOptions.questionIDs(in: exam)
            let minutes = quizOptions.minutes
            let seed = sameVariant ? self.seed : (self.seed ?? UInt64.random(in: 1...999_999))
            let a = ClassActivity(
                name: name, kind: .quiz, exam: exam.id, questions: ids.isEmpty ? exam.questions.map(\.id) : ids,
                minutes: minutes, sameVariant: sameVariant, sshOnly: sshOnly, seed: seed)
            let started = try await withClassDatabase(db) { try await ClassActivities.start($0, a) }
            print(
                "Started quiz \(started.name): \(started.questions.joined(separator: ", ")), \(points(minutes)) minutes, "
                    + (sameVariant ? "one variant for all" : "a variant per student")
                    + (sshOnly ? ", on the class server only" : "") + ".")
            if let d = started.deadline { print("Deadline (server clock): \(ISO8601DateFormatter().string(from: d)).") }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a quiz or demo early: no more answers are accepted.")
        @OptionGroup var db: ClassDBOptions
        @Argument var name: String

        func run() async throws {
            let closed = try await withClassDatabase(db) { try await ClassActivities.close($0, name: name) }
            guard closed else {
                printError("dltutor: there is no quiz or demo called '\(MonitorText.cell(name))' in this class.")
                throw ExitCode(1)
            }
            print("Closed \(name).")
        }
    }
}

/// Finds an activity by name or fails with a sentence.
/// `withSeed: false` on a student's side, whose role may not read the class seed.
func requireActivity(_ db: ClassDatabase, _ name: String, withSeed: Bool = true) async throws -> ClassActivity {
    guard let a = try await ClassActivities.find(db, name: name, withSeed: withSeed) else {
        throw ClassError("there is no quiz or demo called '\(MonitorText.cell(name))' in this class.")
    }
    return a
}

/// The exam an activity names: --content if given, else the exam of that id that this
/// dltutor can find (`dltutor exams`).
func loadActivityExam(_ a: ClassActivity, options: ContentOptions) throws -> Exam {
    var o = options
    if o.content == nil { o.content = a.exam }
    let exam = try o.load()
    guard exam.id == a.exam else {
        throw ValidationError("\(a.name) uses exam '\(a.exam)', but the content found is '\(exam.id)'; pass --content.")
    }
    return exam
}
