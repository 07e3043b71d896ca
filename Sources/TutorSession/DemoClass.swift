/// A live class demo (peer instruction) as the session sees it: pure values, no database. The
/// presenter's session announces where it is (`Effect.demoCue`); each student's session follows
/// the cues it is sent (`Message.demoCue`) and records its predictions as ordinary attempts; the
/// presenter is sent the class's counts for the open step (`Message.demoTally`). How cues and
/// counts travel (PostgreSQL's LISTEN/NOTIFY) is the classroom layer's business.
public enum DemoAudienceRole: Sendable, Equatable {
    /// An ordinary demo: nobody is listening.
    case none
    /// The instructor: every move (step, reveal, question, variant) becomes a cue.
    case presenter
    /// A student: moves only when cued; types predictions; sees a step's work once it is revealed.
    case follower
}

/// Where the presenter is: the question and variant, the open step and which steps are revealed.
public struct DemoCue: Sendable, Equatable {
    public var questionID: String
    public var seed: UInt64?
    public var stepIndex: Int
    public var stepID: String
    public var revealed: [Bool]

    public init(questionID: String, seed: UInt64?, stepIndex: Int, stepID: String, revealed: [Bool]) {
        self.questionID = questionID
        self.seed = seed
        self.stepIndex = stepIndex
        self.stepID = stepID
        self.revealed = revealed
    }
}

/// The class's predictions for one step (each student's latest counts once).
public struct DemoTally: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var mistake: String
        public var count: Int
        public init(mistake: String, count: Int) {
            self.mistake = mistake
            self.count = count
        }
    }

    public var questionID: String
    public var stepID: String
    public var joined: Int
    public var answered: Int
    public var correct: Int
    /// Wrong answers that match a named mistake, most frequent first.
    public var mistakes: [Count]

    public init(questionID: String, stepID: String, joined: Int, answered: Int, correct: Int, mistakes: [Count]) {
        self.questionID = questionID
        self.stepID = stepID
        self.joined = joined
        self.answered = answered
        self.correct = correct
        self.mistakes = mistakes
    }

    /// Wrong answers no named mistake explains.
    public var other: Int { max(0, answered - correct - mistakes.reduce(0) { $0 + $1.count }) }
    /// The share correct, 0...1 (0 when nobody answered).
    public var shareCorrect: Double { answered == 0 ? 0 : Double(correct) / Double(answered) }
}
