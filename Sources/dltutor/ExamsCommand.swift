import ArgumentParser
import TutorCLI

/// `dltutor exams`: the exams this dltutor can find, so a student knows what `--content` takes.
struct ExamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exams",
        abstract: "List the exams this dltutor can find (bundled, and yours under $XDG_DATA_HOME/dltutor/exams).",
        discussion: "Pass an exam's id or folder name to --content to use it."
    )

    func run() throws {
        let all = ExamCatalog.all()
        if all.isEmpty {
            print("No exams found. Put one in \(ExamCatalog.userRoot())/NAME/ (with an exam.yaml), or pass --content DIR.")
            return
        }
        for e in all {
            print("\(e.id.rightPadded(to: 24)) \(e.source.rightPadded(to: 8)) \(e.title)")
            print("\("".rightPadded(to: 24)) \(e.directory)")
        }
    }
}
