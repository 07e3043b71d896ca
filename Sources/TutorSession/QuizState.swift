import MathEngine
import TutorContent

/// A timed quiz in progress or finished. The deadline is compared with the time each tick brings;
/// ticks are never counted.
public struct QuizState: Sendable {
    /// `ready`: the rules are on screen and the clock has not started (Enter starts it).
    public enum Phase: Sendable, Equatable { case ready, running, confirmEnd, results, review }

    public internal(set) var questions: [PracticeState]
    public internal(set) var current = 0
    public internal(set) var phase: Phase = .running
    public internal(set) var startedAt: Double?
    public let minutes: Double
    /// Seconds spent on each step while it was the active one, per question.
    public internal(set) var timeSpent: [[Double]]
    /// The last time seen, for adding up time per step.
    var lastTime: Double?
    /// Warnings already given (seconds left: 300, 60).
    var warned: Set<Int> = []
    /// The latest warning or time announcement, shown until the next key.
    public internal(set) var banner: String?
    public internal(set) var report: QuizReport?
    /// First visible row of the results or review list.
    public internal(set) var scroll = 0
    /// The quiz's own seed and feedback (a continued quiz keeps those it was started with).
    public let seed: UInt64?
    public let feedback: QuizSettings.Feedback
    /// Quiz time of the last checkpoint sent to storage.
    var lastCheckpoint: Double?
    /// Steps the student flagged to come back to, per question.
    public internal(set) var flagged: [[Bool]]

    init(questions: [PracticeState], minutes: Double, seed: UInt64?, feedback: QuizSettings.Feedback) {
        self.questions = questions
        self.minutes = minutes
        self.seed = seed
        self.feedback = feedback
        timeSpent = questions.map { Array(repeating: 0, count: $0.variant.steps.count) }
        flagged = questions.map { Array(repeating: false, count: $0.variant.steps.count) }
    }

    /// Steps with typed text that was never submitted (graded as typed at the end).
    public var unsubmittedCount: Int {
        questions.reduce(0) { $0 + $1.records.filter(\.hasUnsubmittedDraft).count }
    }

    public var flaggedCount: Int { flagged.reduce(0) { $0 + $1.filter { $0 }.count } }

    public var deadline: Double? { startedAt.map { $0 + minutes * 60 } }

    /// Whole seconds left at `now` (never negative); nil before the first tick.
    public func secondsLeft(at now: Double?) -> Int? {
        guard let deadline, let now else { return nil }
        return max(0, Int((deadline - now).rounded(.up)))
    }

    /// "12:05"
    public static func clock(_ seconds: Int) -> String {
        let m = seconds / 60, s = seconds % 60
        return "\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)"
    }

    /// "12 minutes 5 seconds left", for the time key and screen readers.
    public static func spoken(_ seconds: Int) -> String {
        let m = seconds / 60, s = seconds % 60
        var parts: [String] = []
        if m > 0 { parts.append("\(m) minute\(m == 1 ? "" : "s")") }
        if s > 0 || m == 0 { parts.append("\(s) second\(s == 1 ? "" : "s")") }
        return parts.joined(separator: " ") + " left"
    }
}

/// A finished quiz: what an instructor needs to grade and what storage keeps.
public struct QuizReport: Sendable, Equatable {
    public struct StepResult: Sendable, Equatable {
        public var id: String
        public var prompt: String
        public var answer: String?
        public var expected: String
        public var verdict: Verdict?
        public var points: Double
        public var maxPoints: Double
        public var seconds: Double
        /// What the review shows as the diagnosis.
        public var diagnosis: String {
            guard answer != nil else { return "Not answered." }
            guard let verdict else { return "Not auto-graded: compare with the model answer." }
            return verdict.message
        }
    }

    public struct QuestionResult: Sendable, Equatable {
        public var id: String
        public var title: String
        public var steps: [StepResult]
        public var points: Double { steps.reduce(0) { $0 + $1.points } }
        public var maxPoints: Double { steps.reduce(0) { $0 + $1.maxPoints } }
    }

    public var seed: UInt64?
    public var minutes: Double
    public var feedback: QuizSettings.Feedback
    public var startedAt: Double
    public var endedAt: Double
    /// Ended by the deadline (true) or by the student (false).
    public var timedOut: Bool
    public var questions: [QuestionResult]
    public var points: Double { questions.reduce(0) { $0 + $1.points } }
    public var maxPoints: Double { questions.reduce(0) { $0 + $1.maxPoints } }
}
