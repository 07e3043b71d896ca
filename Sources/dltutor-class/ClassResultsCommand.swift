import ArgumentParser
import ClassroomStore
import Foundation
import TutorCLI
import TutorContent
import TutorOutput
import TutorStore

/// `dltutor class results NAME --format csv|json`: the gradebook (student, score per question,
/// total, time) and per-step statistics (share correct, each mistake's count), every number
/// regraded here from the stored inputs (`ClassRegrade`).
struct ClassResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "A class quiz's gradebook and per-step statistics, as CSV or JSON.",
        discussion: """
            Every grade is computed here from what each student typed, by the tutor's own engine on \
            that student's variant: each step's latest answer, with the student's earlier answers for \
            error carried forward, partial credit included. A verdict stored by a student's tutor decides \
            nothing; the `regraded` column counts the answers whose stored verdict disagrees with the \
            regrade (a changed earlier answer, or a forged row). CSV prints the gradebook, or with \
            --steps the per-step statistics; JSON has both. Text a student wrote is neutralised as in \
            `dltutor export`.
            """)
    enum Format: String, ExpressibleByArgument { case csv, json }

    @OptionGroup var db: ClassDBOptions
    @OptionGroup var options: ContentOptions
    @Argument var name: String
    @Option var format: Format = .csv
    @Flag(help: "CSV: print the per-step statistics instead of the gradebook.")
    var steps = false

    func run() async throws {
        let (activity, progress, latest) = try await withClassDatabase(db) { conn in
            let a = try await requireActivity(conn, name)
            return (
                a, try await ClassReports.progress(conn, activity: a.name), try await ClassReports.latest(conn, activity: a.name)
            )
        }
        let exam = try loadActivityExam(activity, options: options)
        let book = Gradebook(activity: activity, exam: exam, progress: progress, latest: latest)
        if book.disagreements > 0 {
            printError(
                "dltutor: \(book.disagreements) stored verdict\(book.disagreements == 1 ? "" : "s") disagreed with the regrade; "
                    + "the grades are the regrade's (see the regraded column).")
        }
        switch format {
        case .csv: print(steps ? book.stepsCSV() : book.gradebookCSV(), terminator: "")
        case .json: print(book.json())
        }
    }
}

/// The numbers behind `class results`, kept apart from the command so they can be tested.
struct Gradebook {
    struct Row {
        var student: String
        var name: String
        var perQuestion: [Double]
        var total: Double
        var max: Double
        var seconds: Double?
        var status: String
        var regraded: Int
    }
    struct StepStat {
        var question: String
        var step: String
        var answered: Int
        var correct: Int
        var mistakes: [(String, Int)]
    }

    var questions: [String]
    var rows: [Row] = []
    var stats: [StepStat] = []
    var disagreements: Int { rows.reduce(0) { $0 + $1.regraded } }

    init(activity: ClassActivity, exam: Exam, progress: [ClassReports.StudentProgress], latest: [ClassReports.Latest]) {
        questions = activity.questions
        var regrade = ClassRegrade(exam: exam, questions: questions)
        var grades: [ClassRegrade.StudentGrade] = []
        for p in progress where p.joined {
            let g = regrade.grade(student: p.id, seed: p.seed, answers: latest.filter { $0.student == p.id })
            grades.append(g)
            let seconds = p.joinedAt.flatMap { j in p.finishedAt.map { $0.timeIntervalSince(j) } }
            rows.append(
                Row(
                    student: p.id, name: p.name, perQuestion: g.perQuestion, total: g.total, max: g.max, seconds: seconds,
                    status: p.finished ? "handed in" : "not handed in", regraded: g.disagreements))
        }
        stats = Self.stepStats(grades, questions: questions, exam: exam)
    }

    /// Per step, in the exam's order: answers, regraded right ones, and each named mistake's count
    /// ("other" for a wrong answer that matches none).
    static func stepStats(_ grades: [ClassRegrade.StudentGrade], questions: [String], exam: Exam) -> [StepStat] {
        var out: [StepStat] = []
        for q in questions {
            for s in (try? exam.question(q)?.variantForGrading(seed: nil))??.steps ?? [] {
                let here = grades.flatMap(\.steps).filter { $0.question == q && $0.step == s.id && $0.input != nil }
                var counts: [String: Int] = [:]
                for g in here where g.verdict?.isCorrect == false { counts[g.mistake ?? "other", default: 0] += 1 }
                let named = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
                out.append(
                    StepStat(
                        question: q, step: s.id, answered: here.count,
                        correct: here.filter { $0.verdict?.isCorrect == true }.count,
                        mistakes: named))
            }
        }
        return out
    }

    func gradebookCSV() -> String {
        let header = ["student", "name"] + questions + ["total", "max", "seconds", "status", "regraded"]
        var lines = [CSV.line(header)]
        for r in rows {
            let cells =
                [r.student, r.name] + r.perQuestion.map(num) + [
                    num(r.total), num(r.max), r.seconds.map { num($0.rounded()) } ?? "", r.status, String(r.regraded)
                ]
            lines.append(CSV.line(cells))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func stepsCSV() -> String {
        var lines = ["question,step,answered,share_correct,mistakes"]
        for s in stats {
            let share = s.answered == 0 ? "" : String(format: "%.3f", Double(s.correct) / Double(s.answered))
            let m = s.mistakes.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            lines.append(CSV.line([s.question, s.step, String(s.answered), share, m]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Both tables as one JSON object (keys in alphabetical order), written by `JSONValue`.
    func json() -> String {
        let book: [JSONValue] = rows.map { r in
            .object([
                ("max", .number(r.max)), ("name", .string(r.name)), ("regraded", .number(Double(r.regraded))),
                ("scores", .object(zip(questions, r.perQuestion).sorted { $0.0 < $1.0 }.map { ($0.0, .number($0.1)) })),
                ("seconds", r.seconds.map(JSONValue.number) ?? .null), ("status", .string(r.status)),
                ("student", .string(r.student)), ("total", .number(r.total))
            ])
        }
        let steps: [JSONValue] = stats.map { s in
            .object([
                ("answered", .number(Double(s.answered))),
                ("mistakes", .array(s.mistakes.map { .object([("count", .number(Double($0.1))), ("mistake", .string($0.0))]) })),
                ("question", .string(s.question)),
                ("share_correct", s.answered == 0 ? .null : .number(Double(s.correct) / Double(s.answered))),
                ("step", .string(s.step))
            ])
        }
        return JSONValue.object([("gradebook", .array(book)), ("steps", .array(steps))]).text
    }

    private func num(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
}
