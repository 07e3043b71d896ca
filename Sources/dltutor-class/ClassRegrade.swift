import ClassroomStore
import MathEngine
import TutorCLI
import TutorContent
import TutorSession

/// A class quiz graded on the instructor's side from what each student typed, never from a
/// verdict, score or result a student's role could have written: each student's latest input at
/// each step is graded by the tutor's own engine (`Variant.grade`, `QuizScoring.points`) against
/// that student's variant, in step order with their own earlier answers as `given`, exactly as
/// the quiz's hand-in grades them. A stored verdict that disagrees with the regrade is counted.
struct ClassRegrade {
    /// One step as the regrade scored it.
    struct StepGrade {
        var question: String
        var step: String
        var input: String?
        var verdict: Verdict?
        var points: Double
        /// The named mistake the engine found (nil when right, unanswered or unnamed).
        var mistake: String?
        /// The stored verdict said right where the regrade says wrong, or the other way round.
        var disagrees: Bool
    }

    /// One student's regraded quiz.
    struct StudentGrade {
        var student: String
        var perQuestion: [Double]
        var maxPerQuestion: [Double]
        var steps: [StepGrade]
        var total: Double { perQuestion.reduce(0, +) }
        var max: Double { maxPerQuestion.reduce(0, +) }
        var disagreements: Int { steps.filter(\.disagrees).count }
        var answered: Int { steps.filter { $0.input != nil }.count }
        var right: Int { steps.filter { $0.verdict?.isCorrect == true && $0.input != nil }.count }
    }

    let exam: Exam
    let questions: [String]
    /// Variants by question and seed, built once each (the monitor regrades every second).
    private var variants: [String: Variant] = [:]

    init(exam: Exam, questions: [String]) {
        self.exam = exam
        self.questions = questions
    }

    /// Grades one student's latest answers (`answers`: that student's rows) on their variant.
    mutating func grade(student: String, seed: UInt64?, answers: [ClassReports.Latest]) -> StudentGrade {
        var byStep: [String: ClassReports.Latest] = [:]
        for a in answers { byStep[a.question + "\t" + a.step] = a }
        var grade = StudentGrade(student: student, perQuestion: [], maxPerQuestion: [], steps: [])
        for id in questions {
            guard let variant = variant(id, seed: seed) else {
                grade.perQuestion.append(0)
                grade.maxPerQuestion.append(0)
                continue
            }
            let steps = Self.grade(variant, answers: byStep)
            grade.steps += steps
            grade.perQuestion.append(steps.reduce(0) { $0 + $1.points })
            grade.maxPerQuestion.append(variant.steps.filter { $0.kind != .text }.reduce(0) { $0 + $1.points })
        }
        return grade
    }

    /// The quiz's hand-in grading of one question: each step's input with the earlier inputs as
    /// `given` (error carried forward), free text unscored.
    static func grade(_ variant: Variant, answers: [String: ClassReports.Latest]) -> [StepGrade] {
        var given: [String: Value] = [:]
        var out: [StepGrade] = []
        for step in variant.steps {
            let stored = answers[variant.id + "\t" + step.id]
            var result = StepGrade(
                question: variant.id, step: step.id, input: stored?.input, verdict: nil, points: 0, mistake: nil,
                disagrees: false)
            if let stored, step.kind != .text {
                let verdict = variant.grade(step: step.id, input: stored.input, given: given)
                if let v = variant.read(step: step.id, input: stored.input) { given[step.id] = v }
                result.verdict = verdict
                result.points = QuizScoring.points(verdict, step: step)
                if case .incorrect(let named, _, _) = verdict { result.mistake = named.first?.explanation }
                result.disagrees = stored.correct != verdict.isCorrect
            }
            out.append(result)
        }
        return out
    }

    private mutating func variant(_ id: String, seed: UInt64?) -> Variant? {
        let key = id + "#" + (seed.map(String.init) ?? "original")
        if let v = variants[key] { return v }
        guard let q = exam.question(id), let v = try? q.variantForGrading(seed: seed) else { return nil }
        variants[key] = v
        return v
    }
}
