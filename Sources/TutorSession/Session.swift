import MathEngine
import TutorContent

/// The tutor as a state machine: `handle(_:)` takes a message, updates the state and returns the
/// effects the run loop must perform. No I/O, no clock, no random numbers of its own: time arrives
/// in `tick(at:)`, chance in `newVariant(seed:)`.
public struct Session: Sendable {
    public enum Screen: Sendable, Equatable { case start, question }

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

    public init(exam: Exam, settings: SessionSettings = SessionSettings()) {
        self.exam = exam
        self.settings = settings
    }

    /// The open question's state, if one is open.
    public var practice: PracticeState? {
        currentID.flatMap { opened[$0] }
    }

    /// Whether quitting now would lose anything (nothing is stored until storage lands, so any
    /// checked answer or typed draft counts).
    public var hasUnsavedWork: Bool {
        opened.values.contains { p in p.isStarted || p.records.contains { !$0.draft.isEmpty } }
    }

    public mutating func handle(_ message: Message) -> [Effect] {
        switch message {
        case .tick(let t):
            now = t
            return []
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
                opened[q.id] = PracticeState(variant: try q.variant(seed: settings.seed))
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
