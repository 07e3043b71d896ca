import MathEngine
import TutorContent

/// The tutor as a state machine: `handle(_:)` takes a message, updates the state and returns the
/// effects the run loop must perform. No I/O, no clock, no random numbers of its own: time arrives
/// in `tick(at:)`, chance in `newVariant(seed:)`.
public struct Session: Sendable {
    public enum Screen: Sendable, Equatable { case start, question, demo, quiz, drill }

    public let exam: Exam
    public let settings: SessionSettings
    public internal(set) var screen: Screen = .start
    /// Highlighted row of the start screen.
    public internal(set) var selection: Int = 0
    public internal(set) var showingHelp = false
    public internal(set) var confirmingQuit = false
    /// Open questions by id, kept when the student goes back to the start screen.
    public internal(set) var opened: [String: PracticeState] = [:]
    public internal(set) var currentID: String?
    /// Latest time seen in a tick (seconds; any epoch).
    public internal(set) var now: Double?
    public internal(set) var width = 80
    public internal(set) var height = 24
    /// A one-line message on the start screen (e.g. a variant that could not be made).
    public internal(set) var notice: String?
    public internal(set) var demo: DemoState?
    public internal(set) var quiz: QuizState?
    public internal(set) var drill: DrillState?

    public init(exam: Exam, settings: SessionSettings = SessionSettings()) {
        self.exam = exam
        self.settings = settings
    }

    /// The question being worked on: in practice, the open question; in a quiz, the current
    /// question; in a drill, the current item.
    public var practice: PracticeState? {
        switch screen {
        case .question: currentID.flatMap { opened[$0] }
        case .quiz: quiz.map { $0.questions[$0.current] }
        case .drill: drill?.practice
        case .start, .demo: nil
        }
    }

    /// Writes back the state `practice` returned, wherever the mode keeps it.
    mutating func store(_ p: PracticeState) {
        switch screen {
        case .question: if let id = currentID { opened[id] = p }
        case .quiz: if let i = quiz?.current { quiz?.questions[i] = p }
        case .drill: drill?.practice = p
        case .start, .demo: break
        }
    }

    /// Whether quitting now would lose anything: a quiz still running, or (until progress is
    /// stored) any typed draft; checked answers are saved as they are checked when storage is on.
    public var hasUnsavedWork: Bool {
        if let quiz, quiz.phase == .running || quiz.phase == .confirmEnd { return true }
        return opened.values.contains { p in
            (!settings.answersAreSaved && p.isStarted) || p.records.contains { !$0.draft.isEmpty }
        }
    }

    public mutating func handle(_ message: Message) -> [Effect] {
        switch message {
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
            return []
        case .confirmQuit(let yes):
            confirmingQuit = false
            return yes ? [.quit] : []
        case .quit:
            if hasUnsavedWork && !confirmingQuit {
                confirmingQuit = true
                return []
            }
            return [.quit]
        default:
            break
        }
        if showingHelp {
            if message == .back { showingHelp = false }
            return []
        }
        if confirmingQuit {
            if message == .back { confirmingQuit = false }
            return []
        }
        switch screen {
        case .start: return handleStart(message)
        case .question: return handleQuestion(message)
        case .demo: return handleDemo(message)
        case .quiz: return handleQuiz(message)
        case .drill: return handleDrill(message)
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
        case .openQuestion(let i):
            if exam.questions.indices.contains(i) { selection = i; open(i) }
        case .openDemo(let i):
            if exam.questions.indices.contains(i) { selection = i; openDemo(i) }
        case .startQuiz:
            startQuiz()
        case .startDrill:
            startDrill()
        case .back:
            return handle(.quit)
        default:
            break
        }
        return []
    }

    private mutating func open(_ index: Int) {
        let q = exam.questions[index]
        if opened[q.id] == nil {
            do {
                opened[q.id] = PracticeState(variant: try q.variant(seed: settings.seed),
                                             rules: .practice(revealAfter: settings.revealAfter))
            } catch {
                notice = error.description
                return
            }
        }
        currentID = q.id
        screen = .question
        if var p = opened[q.id] {
            p.stepClock = now
            p.refreshLive()
            opened[q.id] = p
        }
    }
}

extension Session {
    /// Time moved from `before` to `now`: quiz and drill deadlines, demo auto-advance.
    mutating func tick(from before: Double?, to now: Double) -> [Effect] {
        switch screen {
        case .quiz: return quizTick(to: now)
        case .drill: return drillTick(now)
        case .demo: demoTick(now); return []
        default: return []
        }
    }
}
