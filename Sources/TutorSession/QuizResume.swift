import TutorContent

/// What a running quiz needs to be continued after a quit, a closed terminal or a crash: its
/// setup, the quiz time used, and per step the answers submitted and the one being typed.
/// Encoded as JSON by the app (storage keeps it as text); the session never does I/O.
public struct QuizSnapshot: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        /// Submitted answers, oldest first (replayed to rebuild marks and locks).
        public var inputs: [String]
        /// Typed, not yet submitted.
        public var draft: String
        public var seconds: Double
        /// Flagged to come back to (absent in checkpoints written before flags existed).
        public var flagged: Bool?
        public init(inputs: [String], draft: String, seconds: Double, flagged: Bool? = nil) {
            self.inputs = inputs
            self.draft = draft
            self.seconds = seconds
            self.flagged = flagged
        }
    }

    public struct Question: Sendable, Equatable, Codable {
        public var id: String
        public var stepIndex: Int
        public var steps: [Step]
    }

    public var minutes: Double
    public var seed: UInt64?
    public var feedback: String
    /// Seconds of quiz time used.
    public var elapsed: Double
    public var current: Int
    public var warned: [Int]
    public var questions: [Question]

    public var secondsLeft: Int { max(0, Int((minutes * 60 - elapsed).rounded(.up))) }

    /// A quiz nobody has answered yet: no time used, the first question open, no answers.
    /// Continuing it starts a quiz with exactly these settings (a class quiz's student starts
    /// this way, since the session builds quizzes only from settings or from snapshots).
    public static func fresh(
        minutes: Double, questionIDs: [String], seed: UInt64?, feedback: QuizSettings.Feedback = .end
    ) -> QuizSnapshot {
        QuizSnapshot(
            minutes: minutes, seed: seed, feedback: feedback.rawValue, elapsed: 0, current: 0, warned: [],
            questions: questionIDs.map { Question(id: $0, stepIndex: 0, steps: []) })
    }
}

/// A stored unfinished quiz, offered to the student: its storage id and its snapshot.
public struct QuizResumeOffer: Sendable, Equatable {
    public var id: Int64
    public var snapshot: QuizSnapshot
    public init(id: Int64, snapshot: QuizSnapshot) {
        self.id = id
        self.snapshot = snapshot
    }
}

extension QuizState {
    /// Quiz seconds between two checkpoints written while the clock runs.
    static let checkpointEvery: Double = 2
}

extension Session {
    /// The running quiz as a snapshot effect (nothing when no quiz is running).
    mutating func quizCheckpoint() -> [Effect] {
        guard quizIsRunning, var q = quiz else { return [] }
        let elapsed = max(0, (now ?? q.startedAt ?? 0) - (q.startedAt ?? now ?? 0))
        q.lastCheckpoint = elapsed
        quiz = q
        let questions = q.questions.enumerated().map { qi, p in
            QuizSnapshot.Question(
                id: p.variant.id, stepIndex: p.stepIndex,
                steps: p.records.enumerated().map { si, r in
                    QuizSnapshot.Step(
                        inputs: r.attempts.map(\.input), draft: r.draft.text, seconds: q.timeSpent[qi][si],
                        flagged: q.flagged[qi][si] ? true : nil)
                })
        }
        return [
            .saveQuizProgress(
                QuizSnapshot(
                    minutes: q.minutes, seed: q.seed, feedback: q.feedback.rawValue,
                    elapsed: elapsed, current: q.current, warned: q.warned.sorted(),
                    questions: questions))
        ]
    }

    /// Offers a stored quiz: `ask` puts the yes/no question on screen (`dltutor quiz`); otherwise
    /// the start screen shows it with its key.
    public mutating func offerQuiz(_ offer: QuizResumeOffer, ask: Bool) {
        quizOffer = offer
        askingQuizOffer = ask
    }

    /// y continues the offered quiz; n abandons it (no score) and starts the new one asked for.
    mutating func answerQuizOffer(_ message: Message) -> [Effect] {
        guard let offer = quizOffer else {
            askingQuizOffer = false
            return []
        }
        switch message {
        case .confirm(true):
            askingQuizOffer = false
            return resumeQuiz(offer)
        case .confirm(false), .back:
            askingQuizOffer = false
            quizOffer = nil
            startQuiz()
            return [.abandonQuiz(id: offer.id)]
        default:
            return []
        }
    }

    /// Rebuilds the quiz from its snapshot: submitted answers are submitted again (marks and locks
    /// come out as before; nothing is recorded twice), drafts and the time left are as they were.
    mutating func resumeQuiz(_ offer: QuizResumeOffer) -> [Effect] {
        let snap = offer.snapshot
        let feedback = QuizSettings.Feedback(rawValue: snap.feedback) ?? .end
        var questions: [PracticeState] = []
        for sq in snap.questions {
            guard let q = exam.question(sq.id), let v = try? q.variant(seed: snap.seed) else {
                notice = "The unfinished quiz names question '\(sq.id)', which this exam cannot show."
                return []
            }
            questions.append(PracticeState(variant: v, rules: .quiz(feedback)))
        }
        guard !questions.isEmpty else { return [] }
        var state = QuizState(questions: questions, minutes: snap.minutes, seed: snap.seed, feedback: feedback)
        for (qi, sq) in snap.questions.enumerated() {
            var p = state.questions[qi]
            for (si, step) in sq.steps.enumerated() where si < p.records.count {
                p.stepIndex = si
                for input in step.inputs {
                    p.record.draft = Draft(input)
                    p.refreshLive()
                    _ = submit(&p, on: .quiz)
                }
                p.record.draft = Draft(step.draft)
                state.timeSpent[qi][si] = step.seconds
                state.flagged[qi][si] = step.flagged ?? false
            }
            p.stepIndex = min(max(0, sq.stepIndex), p.records.count - 1)
            p.notice = nil
            p.lastVerdict = nil
            p.refreshLive()
            state.questions[qi] = p
        }
        state.current = min(max(0, snap.current), questions.count - 1)
        state.warned = Set(snap.warned)
        state.startedAt = now.map { $0 - snap.elapsed }
        state.lastTime = now
        state.lastCheckpoint = snap.elapsed
        state.banner = "Quiz continued: \(QuizState.spoken(snap.secondsLeft))."
        mode = .quiz(state)
        quizOffer = nil
        return [.resumeQuiz(id: offer.id)]
    }
}
