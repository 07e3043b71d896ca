import Foundation

/// One checked answer, as stored. The app maps `TutorSession.CheckedAnswer` onto this and adds the
/// time (the store never reads the clock) and, if it knows it, the question's topic.
public struct StoredAttempt: Sendable, Equatable {
    /// When the answer was checked.
    public var time: Date
    /// "practice", "demo", "quiz", ...
    public var mode: String
    public var questionID: String
    public var stepID: String
    /// The variant's seed; nil is the original exam.
    public var seed: UInt64?
    /// The text the student entered, exactly.
    public var input: String
    /// `Verdict.shortName` ("correct", "named-mistake", ...) or "self-assessed covered"/"missed".
    public var verdict: String
    /// The named mistake's explanation, if the answer matched one.
    public var mistake: String?
    public var correct: Bool
    /// Seconds from opening the step (or the previous try) to this check; nil without ticks.
    public var seconds: Double?
    /// The question's topic (shapes, params, loss, gradients), if the app passes it.
    public var topic: String?
    /// The quiz this answer belongs to (the id `saveQuiz` returned), if any.
    public var quizID: Int64?

    public init(
        time: Date, mode: String, questionID: String, stepID: String, seed: UInt64?, input: String,
        verdict: String, mistake: String? = nil, correct: Bool, seconds: Double? = nil,
        topic: String? = nil, quizID: Int64? = nil
    ) {
        self.time = time
        self.mode = mode
        self.questionID = questionID
        self.stepID = stepID
        self.seed = seed
        self.input = input
        self.verdict = verdict
        self.mistake = mistake
        self.correct = correct
        self.seconds = seconds
        self.topic = topic
        self.quizID = quizID
    }
}

/// Where practice of one question stopped: the variant and the step that was open.
public struct PracticePosition: Sendable, Equatable {
    public var questionID: String
    /// nil is the original exam.
    public var seed: UInt64?
    /// 0-based index of the open step.
    public var stepIndex: Int
    public var updatedAt: Date

    public init(questionID: String, seed: UInt64?, stepIndex: Int, updatedAt: Date) {
        self.questionID = questionID
        self.seed = seed
        self.stepIndex = stepIndex
        self.updatedAt = updatedAt
    }
}

/// How a quiz was set up.
public struct StoredQuizSettings: Sendable, Equatable {
    /// The time limit; fractional minutes are kept (schema v5).
    public var minutes: Double
    /// The questions asked, in order.
    public var questionIDs: [String]
    /// The exam seed; nil is the original exam.
    public var seed: UInt64?
    /// When feedback was shown, e.g. "immediate" or "end" (stored as given).
    public var feedback: String

    public init(minutes: Double, questionIDs: [String], seed: UInt64?, feedback: String) {
        self.minutes = minutes
        self.questionIDs = questionIDs
        self.seed = seed
        self.feedback = feedback
    }
}

/// One step's result in a quiz.
public struct QuizStepResult: Sendable, Equatable {
    public var questionID: String
    public var stepID: String
    /// The final verdict's short name, nil if the step was not answered.
    public var verdict: String?
    public var score: Double
    public var maxScore: Double

    public init(questionID: String, stepID: String, verdict: String?, score: Double, maxScore: Double) {
        self.questionID = questionID
        self.stepID = stepID
        self.verdict = verdict
        self.score = score
        self.maxScore = maxScore
    }
}

/// A quiz: saved when it starts (no `endedAt`) and again when it ends.
public struct QuizRecord: Sendable, Equatable {
    /// Set by `saveQuiz`; pass it back to update the same quiz.
    public var id: Int64?
    public var startedAt: Date
    public var endedAt: Date?
    public var settings: StoredQuizSettings
    public var score: Double
    public var maxScore: Double
    public var steps: [QuizStepResult]
    /// Running until it ends (then finished) or the student gives it up (abandoned).
    public var status: QuizStatus

    public init(
        id: Int64? = nil, startedAt: Date, endedAt: Date? = nil, settings: StoredQuizSettings,
        score: Double = 0, maxScore: Double = 0, steps: [QuizStepResult] = [], status: QuizStatus? = nil
    ) {
        self.id = id
        self.status = status ?? (endedAt == nil ? .running : .finished)
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.settings = settings
        self.score = score
        self.maxScore = maxScore
        self.steps = steps
    }
}

/// A (question, step) in spaced review, scheduled by SM-2.
public struct ReviewItem: Sendable, Equatable {
    public var questionID: String
    public var stepID: String
    /// SM-2 easiness factor EF (2.5 for a new item, never below 1.3).
    public var easiness: Double
    /// Successful reviews in a row (reset to 0 by a quality below 3).
    public var repetitions: Int
    /// Days from the last review to `due`.
    public var intervalDays: Int
    public var due: Date
    public var lastReviewed: Date
    public var lastQuality: Int

    public init(
        questionID: String, stepID: String, easiness: Double, repetitions: Int, intervalDays: Int,
        due: Date, lastReviewed: Date, lastQuality: Int
    ) {
        self.questionID = questionID
        self.stepID = stepID
        self.easiness = easiness
        self.repetitions = repetitions
        self.intervalDays = intervalDays
        self.due = due
        self.lastReviewed = lastReviewed
        self.lastQuality = lastQuality
    }
}

// MARK: Statistics

/// Checked answers and how many were correct, for one question or topic.
public struct Accuracy: Sendable, Equatable {
    /// The question id or topic ("(no topic)" when none is known).
    public var key: String
    public var attempts: Int
    public var correct: Int
    /// correct / attempts.
    public var fraction: Double { attempts == 0 ? 0 : Double(correct) / Double(attempts) }

    public init(key: String, attempts: Int, correct: Int) {
        self.key = key
        self.attempts = attempts
        self.correct = correct
    }
}

/// How often a named mistake was made on one step.
public struct MistakeCount: Sendable, Equatable {
    public var questionID: String
    public var stepID: String
    public var mistake: String
    public var count: Int

    public init(questionID: String, stepID: String, mistake: String, count: Int) {
        self.questionID = questionID
        self.stepID = stepID
        self.mistake = mistake
        self.count = count
    }
}

/// Seconds spent per checked answer (tries with a known time only).
public struct TimeSummary: Sendable, Equatable {
    /// "*" for all steps together.
    public var questionID: String
    public var stepID: String
    public var count: Int
    public var mean: Double
    public var median: Double

    public init(questionID: String, stepID: String, count: Int, mean: Double, median: Double) {
        self.questionID = questionID
        self.stepID = stepID
        self.count = count
        self.mean = mean
        self.median = median
    }
}

/// One point of the quiz-history chart.
public struct QuizSummary: Sendable, Equatable {
    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    public var score: Double
    public var maxScore: Double
    public var status: QuizStatus

    public init(id: Int64, startedAt: Date, endedAt: Date?, score: Double, maxScore: Double, status: QuizStatus? = nil) {
        self.id = id
        self.status = status ?? (endedAt == nil ? .running : .finished)
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.score = score
        self.maxScore = maxScore
    }
}
