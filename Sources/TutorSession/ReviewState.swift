import TutorContent

/// Spaced review: the steps that are due, one after another, each as a fresh variant.
public struct ReviewState: Sendable {
    public let items: [ReviewSettings.Item]
    public internal(set) var index = 0
    public internal(set) var practice: PracticeState?
    /// Items settled in this review (answered right, carried forward, revealed or self-assessed).
    public internal(set) var done = 0
    /// Days until the current item comes back, once storage has scheduled it (nil: not yet, or
    /// nothing is saved).
    public internal(set) var nextInDays: Int?
    /// Due steps left out by the daily cap (said on the last screen).
    public internal(set) var leftOverByCap = 0
    var generator: SeededGeneratorBox

    init(items: [ReviewSettings.Item], generator: SeededGeneratorBox) {
        self.items = items
        self.generator = generator
    }

    public var isFinished: Bool { index >= items.count }
}

/// The steps due for spaced review (from storage) and the seed for their fresh variants.
public struct ReviewSettings: Sendable, Equatable {
    public struct Item: Sendable, Hashable {
        public var questionID: String
        public var stepID: String
        public init(questionID: String, stepID: String) {
            self.questionID = questionID
            self.stepID = stepID
        }
    }

    public var items: [Item] = []
    public var seed: UInt64 = 1
    /// When the next item falls due, for the "nothing due" message (text, already formatted).
    public var nextDue: String?
    /// The daily cap: at most this many steps are reviewed per day (`dltutor review --max N`,
    /// remembered in the progress database).
    public var maxPerDay: Int = ReviewSettings.defaultMaxPerDay
    /// Steps already reviewed today (from storage), counted against the cap.
    public var doneToday: Int = 0

    public static let defaultMaxPerDay = 20

    public init(
        items: [Item] = [], seed: UInt64 = 1, nextDue: String? = nil,
        maxPerDay: Int = ReviewSettings.defaultMaxPerDay, doneToday: Int = 0
    ) {
        self.items = items
        self.seed = seed
        self.nextDue = nextDue
        self.maxPerDay = maxPerDay
        self.doneToday = doneToday
    }
}

/// What the stats screen and `dltutor stats` show, gathered from storage by the run loop.
public struct StatsReport: Sendable, Equatable {
    public struct Rate: Sendable, Equatable {
        public var label: String
        public var attempts: Int
        public var correct: Int
        public init(label: String, attempts: Int, correct: Int) {
            self.label = label
            self.attempts = attempts
            self.correct = correct
        }
    }

    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    public struct Time: Sendable, Equatable {
        public var label: String
        public var count: Int
        public var medianSeconds: Double
        public init(label: String, count: Int, medianSeconds: Double) {
            self.label = label
            self.count = count
            self.medianSeconds = medianSeconds
        }
    }

    public struct Quiz: Sendable, Equatable {
        public var date: String
        public var score: Double
        public var maxScore: Double
        public init(date: String, score: Double, maxScore: Double) {
            self.date = date
            self.score = score
            self.maxScore = maxScore
        }
    }

    public var byQuestion: [Rate] = []
    public var byTopic: [Rate] = []
    public var mistakes: [Count] = []
    public var times: [Time] = []
    public var quizzes: [Quiz] = []
    public var dueCount = 0
    /// Where progress is kept, or why it is not.
    public var storage: String = ""

    public init() {}
}
