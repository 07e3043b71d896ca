import ArgumentParser
import TutorContent

/// The quiz options both quiz commands share (`dltutor quiz` and `dltutor class quiz start`):
/// the time limit and the questions asked, read and checked the same way in both.
public struct QuizOptions: ParsableArguments {
    @Option(help: "Length of the quiz in minutes.")
    public var minutes: Double = 30
    @Option(help: ArgumentHelp("Questions to include, comma-separated (e.g. q1,q3); default: all.", valueName: "list"))
    public var questions: String?

    public init() {}

    public func validate() throws {
        guard minutes > 0, minutes <= 600 else { throw ValidationError("--minutes takes more than 0 and at most 600.") }
    }

    /// The ids of the questions named in `--questions`, in the order given (empty: none named).
    /// A name that is not in the exam, or a question named twice, is a usage error: a quiz
    /// asks each question once.
    public func questionIDs(in exam: Exam) throws -> [String] {
        let ids = try (questions ?? "").split(separator: ",").map {
            try exam.find(String($0).trimmingCharacters(in: .whitespaces)).id
        }
        if let repeated = ids.enumerated().first(where: { ids[..<$0.offset].contains($0.element) })?.element {
            throw ValidationError("--questions names \(repeated) twice; list each question once.")
        }
        return ids
    }
}
