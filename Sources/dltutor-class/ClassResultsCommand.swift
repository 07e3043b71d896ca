import ArgumentParser
import ClassroomStore
import Foundation
import TutorContent

/// `dltutor class results NAME --format csv|json`: the gradebook (student, score per question,
/// total, time) and per-step statistics (share correct, each mistake's count).
struct ClassResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "A class quiz's gradebook and per-step statistics, as CSV or JSON.",
        discussion: """
            A student who handed in is scored as their tutor scored them (partial credit included); \
            a student who did not gets each step's points when their latest answer there is right. \
            CSV prints the gradebook, or with --steps the per-step statistics; JSON has both.
            """)
    enum Format: String, ExpressibleByArgument { case csv, json }

    @OptionGroup var db: ClassDBOptions
    @OptionGroup var options: ContentOptions
    @Argument var name: String
    @Option var format: Format = .csv
    @Flag(help: "CSV: print the per-step statistics instead of the gradebook.")
    var steps = false

    func run() async throws {
        let (activity, progress, latest, mistakes) = try await withClassDatabase(db) { conn in
            let a = try await requireActivity(conn, name)
            return (
                a, try await ClassReports.progress(conn, activity: a.name), try await ClassReports.latest(conn, activity: a.name),
                try await ClassReports.mistakes(conn, activity: a.name)
            )
        }
        let exam = try loadActivityExam(activity, options: options)
        let book = Gradebook(activity: activity, exam: exam, progress: progress, latest: latest, mistakes: mistakes)
        switch format {
        case .csv: print(steps ? book.stepsCSV() : book.gradebookCSV(), terminator: "")
        case .json: print(book.json())
        }
    }
}

/// The numbers behind `class results`, kept apart from the command so they can be tested.
struct Gradebook {
    struct Row {
        var student: String; var name: String; var perQuestion: [Double]; var total: Double; var max: Double;
        var seconds: Double?; var status: String
    }
    struct StepStat { var question: String; var step: String; var answered: Int; var correct: Int; var mistakes: [(String, Int)] }

    var questions: [String]
    var rows: [Row] = []
    var stats: [StepStat] = []

    init(
        activity: ClassActivity, exam: Exam, progress: [ClassReports.StudentProgress], latest: [ClassReports.Latest],
        mistakes: [ClassReports.MistakeCount]
    ) {
        questions = activity.questions
        var stepPoints: [String: Double] = [:], order: [(String, String)] = []
        for q in questions {
            for s in (try? exam.question(q)?.variant(seed: nil))??.steps ?? [] {
                stepPoints[q + "\t" + s.id] = s.points
                order.append((q, s.id))
            }
        }
        let maxPerQuestion = questions.map { q in
            order.filter { $0.0 == q }.reduce(0) { $0 + (stepPoints[$1.0 + "\t" + $1.1] ?? 0) }
        }
        for p in progress where p.joined {
            var per = Array(repeating: 0.0, count: questions.count)
            if let result = p.result {
                for line in result.split(separator: "\n") {
                    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    if f.count >= 3, let i = questions.firstIndex(of: f[0]), let pts = Double(f[2]) { per[i] += pts }
                }
            } else {
                for l in latest where l.student == p.id && l.correct {
                    if let i = questions.firstIndex(of: l.question) { per[i] += stepPoints[l.question + "\t" + l.step] ?? 0 }
                }
            }
            let seconds = p.joinedAt.flatMap { j in p.finishedAt.map { $0.timeIntervalSince(j) } }
            rows.append(
                Row(
                    student: p.id, name: p.name, perQuestion: per, total: per.reduce(0, +),
                    max: maxPerQuestion.reduce(0, +), seconds: seconds, status: p.finished ? "handed in" : "not handed in"))
        }
        for (q, s) in order {
            let here = latest.filter { $0.question == q && $0.step == s }
            let named = mistakes.filter { $0.question == q && $0.step == s }.map { ($0.mistake ?? "other", $0.count) }
            stats.append(
                StepStat(question: q, step: s, answered: here.count, correct: here.filter(\.correct).count, mistakes: named))
        }
    }

    func gradebookCSV() -> String {
        var lines = [(["student", "name"] + questions + ["total", "max", "seconds", "status"]).map(csv).joined(separator: ",")]
        for r in rows {
            let cells =
                [r.student, r.name] + r.perQuestion.map(num) + [
                    num(r.total), num(r.max), r.seconds.map { num($0.rounded()) } ?? "", r.status
                ]
            lines.append(cells.map(csv).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func stepsCSV() -> String {
        var lines = ["question,step,answered,share_correct,mistakes"]
        for s in stats {
            let share = s.answered == 0 ? "" : String(format: "%.3f", Double(s.correct) / Double(s.answered))
            let m = s.mistakes.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            lines.append([s.question, s.step, String(s.answered), share, m].map(csv).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func json() -> String {
        let book: [[String: Any]] = rows.map { r in
            [
                "student": r.student, "name": r.name, "scores": Dictionary(uniqueKeysWithValues: zip(questions, r.perQuestion)),
                "total": r.total, "max": r.max, "seconds": r.seconds as Any, "status": r.status
            ]
        }
        let steps: [[String: Any]] = stats.map { s in
            [
                "question": s.question, "step": s.step, "answered": s.answered,
                "share_correct": s.answered == 0 ? NSNull() : Double(s.correct) / Double(s.answered) as Any,
                "mistakes": s.mistakes.map { ["mistake": $0.0, "count": $0.1] }
            ]
        }
        let data =
            (try? JSONSerialization.data(
                withJSONObject: ["gradebook": book, "steps": steps], options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func num(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
    private func csv(_ s: String) -> String {
        s.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
