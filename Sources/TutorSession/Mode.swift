extension Session {
    /// What the session is doing, with the state only that mode has: a quiz screen without a
    /// quiz, or a drill's state left over on the start screen, cannot be written down. Leaving a
    /// mode drops its state (a finished quiz, drill or review is already in storage).
    public enum Mode: Sendable {
        case start
        /// Practice on the question with this id (its state lives in `opened`, kept while the
        /// student is elsewhere).
        case question(id: String)
        case demo(DemoState)
        case quiz(QuizState)
        case drill(DrillState)
        case review(ReviewState)
        /// The stats screen; nil until the run loop answers `.requestStats`.
        case stats(StatsReport?)

        /// Which screen the mode shows, without its state.
        public var screen: Screen {
            switch self {
            case .start: .start
            case .question: .question
            case .demo: .demo
            case .quiz: .quiz
            case .drill: .drill
            case .review: .review
            case .stats: .stats
            }
        }
    }

    public var screen: Screen { mode.screen }

    /// The open question's id, in practice mode.
    public var currentID: String? {
        if case .question(let id) = mode { return id }
        return nil
    }

    /// The demo's state, in demo mode. Setting it changes nothing in another mode (so a handler
    /// that has just left its mode cannot bring it back); `nil` leaves the mode for the start screen.
    public internal(set) var demo: DemoState? {
        get {
            if case .demo(let d) = mode { return d }
            return nil
        }
        set {
            guard case .demo = mode else { return }
            mode = newValue.map(Mode.demo) ?? .start
        }
    }

    /// The quiz's state, in quiz mode (set: as `demo`).
    public internal(set) var quiz: QuizState? {
        get {
            if case .quiz(let q) = mode { return q }
            return nil
        }
        set {
            guard case .quiz = mode else { return }
            mode = newValue.map(Mode.quiz) ?? .start
        }
    }

    /// The drill's state, in drill mode (set: as `demo`).
    public internal(set) var drill: DrillState? {
        get {
            if case .drill(let d) = mode { return d }
            return nil
        }
        set {
            guard case .drill = mode else { return }
            mode = newValue.map(Mode.drill) ?? .start
        }
    }

    /// The review's state, in review mode (set: as `demo`).
    public internal(set) var review: ReviewState? {
        get {
            if case .review(let r) = mode { return r }
            return nil
        }
        set {
            guard case .review = mode else { return }
            mode = newValue.map(Mode.review) ?? .start
        }
    }

    /// The stats report, on the stats screen once it has arrived (set: only on the stats screen).
    public internal(set) var stats: StatsReport? {
        get {
            if case .stats(let r) = mode { return r }
            return nil
        }
        set {
            guard case .stats = mode else { return }
            mode = .stats(newValue)
        }
    }
}
