import Foundation
import MathEngine
import Testing

@testable import ContentLoading
@testable import TutorContent

/// The `log:` setting (exam and question) and `percent: true` steps, through loading and grading.
@Suite struct ContentSettingsTests {
    func makeDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    /// A one-step question whose answer is `ln(x)`, with an optional `log:` line.
    func questionFile(_ id: String, log: String?, extraStep: String = "") -> String {
        """
        id: \(id)
        title: Logs
        points: 1
        topic: loss
        \(log.map { "log: \($0)" } ?? "")
        text: "x is {x}"
        params:
          - {name: x, value: "5"}
        steps:
          - id: a
            prompt: "ln of {x}"
            kind: number
            check: abs 0.0001
            answer: "ln(x)"
            points: 1
            hints: ["a", "b"]
            solution: "{ln(x)}"
        \(extraStep)
        """
    }

    @Test func theBundledQ1ReadsLogAsBaseTenAndTheOthersAsNatural() {
        #expect(question("q1").log == .base(10))
        for id in ["q2", "q3", "q4", "q5"] { #expect(question(id).log == .natural, "\(id)") }
    }

    @Test func q1sLossAsTheExamWritesIt() {
        let v = original("q1")
        // −log p for the epoch-k probabilities, typed with the exam's `log`.
        let p = numbers(v.values["pk"])
        let typed = "(" + p.map { "-log(\($0))" }.joined(separator: " + ") + ")/\(p.count)"
        #expect(v.grade(step: "k.mean_loss", input: typed) == .correct)
        #expect(
            v.grade(step: "k.per_sample_loss", input: "[" + p.map { "-log(\($0))" }.joined(separator: ", ") + "]") == .correct)
        // ln is still the natural log, and still names the wrong-base mistake.
        let ln = "(" + p.map { "-ln(\($0))" }.joined(separator: " + ") + ")/\(p.count)"
        guard case .incorrect(let mistakes, _, _) = v.grade(step: "k.mean_loss", input: ln) else {
            Issue.record("not incorrect")
            return
        }
        #expect(mistakes.first?.explanation.contains("base is wrong") == true)
        #expect(v.read(step: "k.mean_loss", input: "log(100)") == .number(2))
    }

    @Test func aQuestionsSettingWinsOverTheExamsAndTheDefaultIsNatural() throws {
        let dir = try makeDirectory([
            "exam.yaml": "id: t\ntitle: T\nlog: 10\nquestions: [inherits, own, natural]\n",
            "inherits.yaml": questionFile("inherits", log: nil),
            "own.yaml": questionFile("own", log: "2"),
            "natural.yaml": questionFile("natural", log: "e")
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = ExamLoader.load(directory: dir)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.exam.log == .base(10))
        #expect(result.exam.questions.map(\.log) == [.base(10), .base(2), .natural])
        let inherits = try result.exam.questions[0].variant()
        #expect(inherits.grade(step: "a", input: "log(5)*ln(10)") == .correct) // log₁₀ 5 · ln 10 = ln 5
        let natural = try result.exam.questions[2].variant()
        #expect(natural.grade(step: "a", input: "log(5)") == .correct)
        // Without any setting: natural.
        let (plain, _) = ExamLoader.loadQuestion(file: dir + "/inherits.yaml")
        #expect(plain?.log == .natural)
    }

    @Test func aBadSettingIsReportedWithFileAndLine() throws {
        let dir = try makeDirectory([
            "exam.yaml": "id: t\ntitle: T\nquestions: [bad]\nlog: ten\n",
            "bad.yaml": questionFile("bad", log: "1")
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let messages = ExamLoader.load(directory: dir).errors.map(\.description)
        #expect(
            messages.contains(
                "\(dir)/exam.yaml:4: exam: 'log' must be a base such as 10 or 2, or e for the natural log; not 'ten'."),
            "\(messages)")
        #expect(
            messages.contains(
                "\(dir)/bad.yaml:5: question: 'log' must be a base such as 10 or 2, or e for the natural log; not '1'."),
            "\(messages)")
    }

    @Test func percentIsForNumberStepsOnly() throws {
        let step = """
              - id: b
                prompt: "?"
                kind: integer
                percent: true
                answer: "x"
                points: 0
                hints: ["a", "b"]
                solution: "{x}"
            """
        let dir = try makeDirectory([
            "exam.yaml": "id: t\ntitle: T\nquestions: [p]\n", "p.yaml": questionFile("p", log: nil, extraStep: step)
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let messages = ExamLoader.load(directory: dir).errors.map(\.description)
        #expect(
            messages.contains {
                $0.hasSuffix("step 'b': 'percent' applies to number steps only (an answer that is a proportion).")
            }, "\(messages)")
    }

    @Test func q1AccuracyTypedAsAPercentageWithoutTheSign() {
        let v = original("q1")
        let acc = number(v.values["acc_k"])
        #expect(
            v.grade(step: "k.accuracy", input: Formatting.number(100 * acc)) == .correctAlternative(note: "read as a percentage"))
        #expect(
            v.grade(step: "k.accuracy", input: Formatting.number(100 * acc + 0.4))
                == .correctAlternative(note: "read as a percentage"))
        #expect(!v.grade(step: "k.accuracy", input: Formatting.number(100 * acc + 0.6)).isCorrect)
        // A later step sees the percentage as the proportion it stands for: nothing to carry.
        #expect(v.carried(for: "compare", given: ["k.accuracy": .number(100 * acc)]) == nil)
    }
}
