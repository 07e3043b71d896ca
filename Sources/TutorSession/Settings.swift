/// Choices that shape a session but are not state: the mode and its options, the variant seed,
/// and how many wrong tries come before a reveal.
public struct SessionSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable { case practice, demo, quiz, drill, review }

    public var mode: Mode = .practice
    /// The worked step is revealed automatically after this many wrong tries (0: never).
    public var revealAfter: Int = 3
    /// The exam seed for all questions (nil: the original exam).
    public var seed: UInt64?
    public var quiz = QuizSettings()
    public var demo = DemoSettings()
    public var drill = DrillSettings()
    public var review = ReviewSettings()
    /// Checked answers are written to storage as they are checked (so quitting loses nothing).
    public var answersAreSaved = false
    /// Open the first-run tour at startup (the launcher sets it when the database has no
    /// `tour_seen`).
    public var showTour = false

    public init(
        mode: Mode = .practice, revealAfter: Int = 3, seed: UInt64? = nil,
        quiz: QuizSettings = QuizSettings(), demo: DemoSettings = DemoSettings(),
        drill: DrillSettings = DrillSettings(), review: ReviewSettings = ReviewSettings(),
        showTour: Bool = false
    ) {
        self.showTour = showTour
        self.mode = mode
        self.revealAfter = revealAfter
        self.seed = seed
        self.quiz = quiz
        self.demo = demo
        self.drill = drill
        self.review = review
    }
}

/// A timed quiz: which questions, how long, and when verdicts are shown.
public struct QuizSettings: Sendable, Equatable {
    public enum Feedback: String, Sendable, Equatable, CaseIterable { case end, immediate }

    public var minutes: Double = 30
    /// Question ids in order (empty: every question).
    public var questionIDs: [String] = []
    public var feedback: Feedback = .end
    /// No per-second change on screen (screen readers); a key tells the time instead.
    public var quietTimer = false
    /// A class quiz: the variant's seed is never shown (it reproduces the key), and leaving the
    /// results ends the session instead of opening the tutor on the quiz's variant.
    public var classSitting = false

    public init(minutes: Double = 30, questionIDs: [String] = [], feedback: Feedback = .end, quietTimer: Bool = false) {
        self.minutes = minutes
        self.questionIDs = questionIDs
        self.feedback = feedback
        self.quietTimer = quietTimer
    }
}

/// The instructor's presenter view.
public struct DemoSettings: Sendable, Equatable {
    /// Advance by itself every this many seconds (nil: only on keys).
    public var autoSeconds: Double?
    /// A live class demo's side (presenter or student), or none.
    public var audience: DemoAudienceRole
    public init(autoSeconds: Double? = nil, audience: DemoAudienceRole = .none) {
        self.autoSeconds = autoSeconds
        self.audience = audience
    }
}

/// A timed drill of single steps from one topic.
public struct DrillSettings: Sendable, Equatable {
    public var topic: String = "shapes"
    public var minutes: Double = 5
    /// Seeds the drill's own generator, which picks each next step and its variant (the app
    /// passes chance in once; the session never draws its own).
    public var seed: UInt64 = 1
    /// Best earlier scores per topic (from storage when there is one), shown at the end.
    public var best: [String: Int] = [:]

    public init(topic: String = "shapes", minutes: Double = 5, seed: UInt64 = 1, best: [String: Int] = [:]) {
        self.topic = topic
        self.minutes = minutes
        self.seed = seed
        self.best = best
    }
}
