import MathEngine
import TutorContent

/// The tutor as a state machine: `handle(_:)` takes a message, updates the state and returns the
/// effects the run loop must perform. No I/O, no clock, no random numbers of its own: time arrives
/// in `tick(at:)`, chance in `newVariant(seed:)`.
public struct Session: Sendable {
    public enum Screen: Sendable, Equatable { case start, question, demo, quiz, drill, review, stats }

    public let exam: Exam
    public let settings: SessionSettings
    /// The mode and its state (`screen`, `quiz`, `drill`… are views of it).
    public internal(set) var mode: Mode = .start
    /// Highlighted row of the start screen.
    public internal(set) var selection: Int = 0
    public internal(set) var showingHelp = false
    /// First visible row of the help screen.
    public internal(set) var helpScroll = 0
    /// The first-run tour, while it is on screen.
    public internal(set) var tour: Tour?
    public internal(set) var confirmingQuit = false
    /// Open questions by id, kept when the student goes back to the start screen.
    public internal(set) var opened: [String: PracticeState] = [:]
    /// Latest time seen in a tick (seconds; any epoch).
    public internal(set) var now: Double?
    public internal(set) var width = 80
    public internal(set) var height = 24
    /// A one-line message on the start screen (e.g. a variant that could not be made).
    public internal(set) var notice: String?
    /// Why progress is not being saved (shown on the start screen and in the title bar).
    public var storageWarning: String?
    /// Checked answers queued while another program holds the database's lock (nil: none waiting).
    public internal(set) var storageWait: StorageWait?
    /// The instructor ended the class quiz or demo this session belongs to (shown on every screen).
    public internal(set) var announcement: String?
    /// Review items settled in this run (the start screen's due count drops as they are done).
    public internal(set) var reviewed: Set<ReviewSettings.Item> = []
    /// The original exam of questions now showing a variant, with its marks, for the original-exam key.
    public internal(set) var parkedOriginals: [String: PracticeState] = [:]
    /// A variant switch waiting for the student's yes, because it would drop a started variant.
    public internal(set) var confirmingVariant: VariantSwitch?
    /// A stored unfinished quiz the student may continue (start screen: `c`; `dltutor quiz`: asked).
    public internal(set) var quizOffer: QuizResumeOffer?
    /// The offer is on screen as a yes/no question (`dltutor quiz` asks before starting a new one).
    public internal(set) var askingQuizOffer = false
    /// `dltutor preview`: its reload note and the open question's content error (nil otherwise).
    public internal(set) var preview: PreviewState?

    public init(exam: Exam, settings: SessionSettings = SessionSettings()) {
        self.exam = exam
        self.settings = settings
        if settings.showTour { tour = Tour(exam: exam, seed: settings.seed) }
    }

    /// The question being worked on: in practice, the open question; in a quiz, the current
    /// question; in a drill, the current item.
    public var practice: PracticeState? {
        switch mode {
        case .question(let id): opened[id]
        case .quiz(let q): q.questions[q.current]
        case .drill(let d): d.practice
        case .review(let r): r.practice
        case .start, .demo, .stats: nil
        }
    }

    /// Writes back the state `practice` returned, wherever the mode keeps it.
    mutating func store(_ p: PracticeState) {
        switch mode {
        case .question(let id): opened[id] = p
        case .quiz(var q):
            q.questions[q.current] = p
            mode = .quiz(q)
        case .drill(var d):
            d.practice = p
            mode = .drill(d)
        case .review(var r):
            r.practice = p
            mode = .review(r)
        case .start, .demo, .stats: break
        }
    }

    /// Whether quitting now would lose anything: a quiz still running, or (until progress is
    /// stored) any typed draft; checked answers are saved as they are checked when storage is on.
    /// Steps due for spaced review that this run has not settled yet.
    public var dueCount: Int { settings.review.items.filter { !reviewed.contains($0) }.count }

    /// Where the student is in practice, for resuming next time.
    func positionEffect() -> [Effect] {
        guard screen == .question, let p = practice else { return [] }
        return [.savePosition(questionID: p.variant.id, seed: p.variant.seed, stepIndex: p.stepIndex)]
    }

    public var hasUnsavedWork: Bool {
        if quizIsRunning || storageWait != nil { return true }
        let states =
            Array(opened.values) + Array(parkedOriginals.values)
            + (drill?.phase == .running ? [drill!.practice] : []) + [review?.practice].compactMap { $0 }
        return states.contains { p in
            (!settings.answersAreSaved && p.isStarted) || p.records.contains { !$0.draft.isEmpty }
        }
    }

    /// A quiz whose clock is running (also while its end-now question is on screen).
    public var quizIsRunning: Bool {
        if let quiz, quiz.phase == .running || quiz.phase == .confirmEnd { return true }
        return false
    }

    public mutating func handle(_ message: Message) -> [Effect] {
        guard settings.demo.audience == .presenter else { return dispatch(message) }
        let before = demoCue
        let effects = dispatch(message)
        guard let cue = demoCue, cue != before else { return effects }
        return effects + [.demoCue(cue)]
    }

    private mutating func dispatch(_ message: Message) -> [Effect] {
        switch message {
        case .demoCue(let cue):
            return followDemo(cue)
        case .demoTally(let tally):
            demo?.tally = tally
            return []
        case .activityEnded(let text):
            announcement = text
            guard quizIsRunning else { return [] }
            let effects = finishQuiz(timedOut: true)
            quiz?.banner = text
            return effects
        case .tick(let t):
            let before = now
            now = t
            return tick(from: before, to: t)
        case .resize(let w, let h):
            width = w
            height = h
            return []
        case .toggleHelp:
            showingHelp.toggle()
            helpScroll = 0
            return []
        case .scrollHelp(let row):
            helpScroll = max(0, row)
            return []
        case .openTour:
            // Not over a running quiz: the tour would hide its clock.
            if quizIsRunning { return [] }
            showingHelp = false
            tour = Tour(exam: exam, seed: settings.seed)
            return []
        case .storageProblem(let text):
            storageWarning = text
            storageWait = nil
            if var p = practice {
                p.notice = "Not saving from now on: " + (text.hasPrefix("dltutor: ") ? String(text.dropFirst(9)) : text)
                store(p)
            }
            return []
        case .storageWaiting(let wait):
            storageWait = wait.isWaiting ? wait : nil
            if var p = practice {
                p.notice = wait.text
                store(p)
            }
            return []
        case .reviewScheduled(let q, let step, let days):
            noteReviewScheduled(questionID: q, stepID: step, days: days)
            return []
        case .confirmQuit(let yes):
            confirmingQuit = false
            // A running quiz is kept to be continued (`dltutor quiz` offers it), time left and all.
            return yes ? quizCheckpoint() + [.quit] : []
        case .quit:
            if hasUnsavedWork && !confirmingQuit {
                confirmingQuit = true
                return []
            }
            return quizCheckpoint() + [.quit]
        case .terminating:
            return quizCheckpoint()
        default:
            break
        }
        if let modal { return handle(message, in: modal) }
        switch screen {
        case .start: return handleStart(message)
        case .question: return handleQuestion(message)
        case .demo: return handleDemo(message)
        case .quiz: return handleQuiz(message)
        case .drill: return handleDrill(message)
        case .review: return handleReview(message)
        case .stats:
            if message == .back || message == .submit { mode = .start }
            if case .showStats(let report) = message { stats = report }
            return []
        }
    }

    // MARK: Start screen

    private mutating func handleStart(_ message: Message) -> [Effect] {
        notice = nil
        switch message {
        case .moveSelection(let d):
            let n = exam.questions.count
            if n > 0 { selection = (selection + d % n + n) % n }
        case .openSelected:
            open(selection)
            return positionEffect()
        case .openQuestion(let i):
            if exam.questions.indices.contains(i) {
                selection = i
                open(i)
            }
            return positionEffect()
        case .openDemo(let i):
            if exam.questions.indices.contains(i) {
                selection = i
                openDemo(i)
            }
        case .startQuiz:
            startQuiz()
        case .startDrill:
            startDrill()
        case .startReview:
            startReview()
        case .openStats:
            mode = .stats(nil)
            return [.requestStats]
        case .continueQuiz:
            if let offer = quizOffer { return resumeQuiz(offer) }
        case .back:
            return handle(.quit)
        default:
            break
        }
        return []
    }

    mutating func open(_ index: Int) {
        let q = exam.questions[index]
        if opened[q.id] == nil {
            do {
                opened[q.id] = PracticeState(
                    variant: try q.variant(seed: settings.seed),
                    rules: .practice(revealAfter: settings.revealAfter))
            } catch {
                notice = error.description
                return
            }
        }
        mode = .question(id: q.id)
        if var p = opened[q.id] {
            p.stepClock = now
            p.refreshLive()
            opened[q.id] = p
        }
    }
}

extension Session {
    /// A message while `modal` is on top: the modal has every key, Esc closes the help or the
    /// quit question, and the yes/no dialogs take their answer.
    mutating func handle(_ message: Message, in modal: Modal) -> [Effect] {
        switch modal {
        case .confirmQuit:
            if message == .back { confirmingQuit = false }
            return []
        case .confirmVariant: return answerVariantQuestion(message)
        case .quizOffer: return answerQuizOffer(message)
        case .tour: return handleTour(message)
        case .help:
            if message == .back { showingHelp = false }
            return []
        }
    }

    /// The tour's pages: Enter/→ on, ← back, Esc skips; leaving it is remembered (`tourSeen`).
    mutating func handleTour(_ message: Message) -> [Effect] {
        guard var t = tour else { return [] }
        switch message {
        case .submit, .nextStep:
            if !t.turn(1) {
                tour = nil
                return [.tourSeen]
            }
        case .previousStep:
            _ = t.turn(-1)
        case .back:
            tour = nil
            return [.tourSeen]
        default:
            return []
        }
        tour = t
        return []
    }

    /// Time moved from `before` to `now`: quiz and drill deadlines, demo auto-advance.
    mutating func tick(from before: Double?, to now: Double) -> [Effect] {
        switch screen {
        case .quiz: return quizTick(to: now)
        case .drill: return drillTick(now)
        case .demo:
            demoTick(now)
            return []
        default: return []
        }
    }
}
