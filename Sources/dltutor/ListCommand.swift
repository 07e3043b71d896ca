import ArgumentParser
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
            let v = try q.variant(seed: seed)
            printSafe("")
            printSafe("\(i + 1). \(q.id)  \(q.title)  [\(points(q.points)) points, topic: \(q.topic)]")
            for (j, s) in v.steps.enumerated() {
                let n = String(j + 1).leftPadded(to: 3)
                printSafe(
                    "   \(n) \(s.id.rightPadded(to: 22)) \(s.kind.rawValue.rightPadded(to: 10)) \(points(s.points).leftPadded(to: 4)) pt  \(s.prompt.firstLine)"
                )
            }
        }
        try ContentOptions.failIfIncomplete(errors: errors)
    }
}

extension String {
    var firstLine: String { split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? self }
}
