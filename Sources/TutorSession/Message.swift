import MathEngine

/// Everything that can happen to a session. The keymap turns keys into these; the run loop adds
/// ticks and resizes. The session never sees a key.
public enum Message: Sendable, Equatable {
    // Editing the focused field
    case type(Character)
    case deleteBackward
    case deleteForward
    case cursorLeft, cursorRight, cursorHome, cursorEnd
    case clearField
    /// ↑/↓ through this step's earlier tries.
    case historyPrevious, historyNext
    /// Switch focus between the answer field and the calculator line.
    case toggleCalculator

    // Working a question
    case submit
    case hint
    case reveal
    case nextStep, previousStep
    case goToStep(Int)
    /// "Another like this": the app picks the seed (chance is passed in, never drawn here).
    case newVariant(seed: UInt64)
    /// Self-assessment of a free-text step against the model answer.
    case selfAssess(Bool)
    /// Show the question text or the picture in the side panel.
    case togglePanel
    /// Scroll the question text by this many lines (negative: up).
    case scrollText(Int)

    // Demo, quiz and drill
    case openDemo(Int)
    case startQuiz
    case startDrill
    /// Demo: reveal every step at once.
    case revealAll
    /// Demo: type the value a student called out (focus the field; Esc leaves it).
    case focusCalledOut
    /// Demo: a digit of a step number (steps 10 and up: the digits, then Enter).
    case stepDigit(Int)
    /// Demo: the current step's label and answer in large type, for the back of the hall.
    case toggleLargeType
    /// Demo: pause or resume `--auto`.
    case toggleAutoPause
    /// Demo: blank the screen (any key brings it back), as a projector's "B" key does.
    case toggleBlank
    /// Quiz: flag the step to come back to (again: unflag).
    case flagStep
    /// Quiz: go to the next question (after the last: the first), at its first unanswered step.
    case nextQuestion
    /// Quiz: end now (asks first); drill: stop.
    case endEarly
    /// Quiz: say how much time is left (for the quiet timer).
    case tellTime
    /// Results and review lists.
    case scroll(Int)
    /// Drill: skip this item for a fresh one.
    case skip
    /// Answer to a yes/no question on screen (end the quiz now?).
    case confirm(Bool)
    /// Start spaced review of the steps that are due.
    case startReview
    /// Open the stats screen (the run loop answers the `.requestStats` effect with `.showStats`).
    case openStats
    case showStats(StatsReport)
    /// Saving failed; the tutor goes on without saving and says so once.
    case storageProblem(String)
    /// Writes are waiting for the database (another program holds its lock), or have all been
    /// written since; nothing was dropped, and the screen says which.
    case storageWaiting(StorageWait)
    /// Storage scheduled a reviewed step by SM-2: it comes back in `days` days (the review
    /// screen says so once the item is settled).
    case reviewScheduled(questionID: String, stepID: String, days: Int)

    // Navigation
    case moveSelection(Int)
    case openQuestion(Int)
    case openSelected
    case back
    case toggleHelp
    /// Help screen: first visible row (the keymap clamps it to what the help holds).
    case scrollHelp(to: Int)
    /// Open the first-run tour again (from the help screen).
    case openTour
    /// Practice: go to the next step not yet done (wrapping), or to the summary when all are.
    case nextUnfinished
    /// Calculator: put its last result into the answer field.
    case insertResult
    case quit
    case confirmQuit(Bool)
    /// Live class demo: the presenter moved (sent to students' sessions).
    case demoCue(DemoCue)
    /// Live class demo: the class's predictions for the open step (sent to the presenter's).
    case demoTally(DemoTally)
    /// A class quiz or demo was ended by the instructor (the sentence says so): a running quiz
    /// is submitted as at its deadline, and the screen keeps the sentence on its last line.
    case activityEnded(String)
    /// Go back to the original exam of the open question (its marks are kept while a variant is shown).
    case originalExam
    /// Start screen: continue the unfinished quiz it offers.
    case continueQuiz
    /// The process is about to end (SIGTERM, SIGHUP): save what can be continued.
    case terminating

    // From the run loop
    case tick(at: Double)
    case resize(width: Int, height: Int)
}

/// What the session wants done; the run loop performs these (the core does no I/O).
public enum Effect: Sendable, Equatable {
    /// A checked answer, to be stored the moment it is checked.
    case record(CheckedAnswer)
    /// A quiz ended (time ran out or the student ended it); storage keeps the report.
    case finishQuiz(QuizReport)
    /// A drill ended with this many steps right.
    case finishDrill(topic: String, score: Int, tried: Int)
    /// Where the student is, so practice reopens there next time.
    case savePosition(questionID: String, seed: UInt64?, stepIndex: Int)
    /// The worked step was shown before the step was answered: by the key, or automatically after
    /// N wrong tries. Stored, so the step is still revealed after a restart; spaced review counts
    /// it as missed.
    case revealed(questionID: String, stepID: String, seed: UInt64?, mode: String, automatic: Bool)
    /// A hint was shown on a step not yet done: stored, so its cost stays after a restart, and
    /// the step's next check is scheduled as answered with help.
    case hintTaken(questionID: String, stepID: String, seed: UInt64?, mode: String)
    /// A running quiz's answers and time used, so it can be continued after a quit or a crash.
    case saveQuizProgress(QuizSnapshot)
    /// The student chose to continue the stored quiz with this id (answers now go to it).
    case resumeQuiz(id: Int64)
    /// The student declined to continue the stored quiz with this id: it has no score.
    case abandonQuiz(id: Int64)
    /// The stats screen opened: the run loop answers with `.showStats`.
    case requestStats
    /// Live class demo: the presenter moved; the classroom layer tells the students.
    case demoCue(DemoCue)
    /// The first-run tour ended or was skipped: remember it, so it is shown once.
    case tourSeen
    case quit
}

/// One checked answer as storage and reports need it.
public struct CheckedAnswer: Sendable, Equatable {
    public var mode: String
    public var questionID: String
    public var stepID: String
    public var seed: UInt64?
    public var input: String
    public var verdict: VerdictKind
    public var mistake: String?
    public var correct: Bool
    /// Seconds from opening the step (or the previous try) to this check; nil without ticks.
    public var seconds: Double?
    /// A hint was taken on the step before this check (spaced review counts it as not known).
    public var helped = false
}
