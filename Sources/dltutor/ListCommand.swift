import ArgumentParser
import TutorCLI
import TutorContent

/// `dltutor list`: the questions and their steps, for instructors and scripts.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the exam's questions and their steps.")

    @OptionGroup var options: ContentOptions
    @Option(help: "Show the steps of this random variant (default: the original exam).")
    var seed: UInt64?

    func run() throws {
        let (exam, errors) = try options.loadCountingErrors()
        printSafe("\(exam.title) (\(exam.id))")
        for (i, q) in exam.questions.enumerated() {
            printBroken(exam.broken.filter { $0.position == i })
            try printQuestion(q, number: i + 1)
        }
        printBroken(exam.broken.filter { $0.position >= exam.questions.count })
        guard errors > 0 else { return }
        // A question with errors is listed with its first error, so the exit status is what
        // tells a script that the exam is incomplete.
        printError("dltutor: \(errors) content error\(errors == 1 ? "" : "s") (above); run dltutor lint for every problem.")
        throw ExitCode(1)
    }

    /// One question and its steps, in the variant `--seed` names.
    private func printQuestion(_ q: Question, number: Int) throws {
        let v = try q.variant(seed: seed)
        printSafe("")
        printSafe("\(number). \(q.id)  \(q.title)  [\(points(q.points)) points, topic: \(q.topic)]")
        for (j, s) in v.steps.enumerated() {
            let n = String(j + 1).leftPadded(to: 3)
            printSafe(
                "   \(n) \(s.id.rightPadded(to: 22)) \(s.kind.rawValue.rightPadded(to: 10)) \(points(s.points).leftPadded(to: 4)) pt  \(s.prompt.firstLine)"
            )
        }
    }

    /// Questions whose files did not load: their name, "has errors", and the first error.
    private func printBroken(_ broken: [BrokenQuestion]) {
        for b in broken {
            printSafe("")
            printSafe("!. \(b.id)  \(b.name)  — has errors: run dltutor lint")
            printSafe("   \(b.error.description)")
        }
    }
}

extension String {
    var firstLine: String { split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? self }
}
