import MathEngine
import TerminalUI
import TutorSession

/// The keymap as data: which key sends which message in which context. The same table draws the
/// help screen, so the help can never disagree with what the keys do.
public struct Keymap: Sendable {
    /// Where a binding applies.
    public enum Context: String, Sendable, CaseIterable {
        case start = "Start screen"
        case question = "Working a question"
        case calculator = "Calculator line"
        case assess = "Comparing with the model answer"
        case demo = "Demo (presenter)"
        case calledOut = "Demo: a called-out value"
        case quiz = "Quiz"
        case results = "Quiz results and review"
        case drill = "Drill"
        case review = "Review"
        case stats = "Stats"
        case help = "This help screen"
        case everywhere = "Everywhere"
    }

    public struct Binding: Sendable {
        public var context: Context
        public var keys: [Key]
        /// How the help shows the keys, e.g. "F2 / Ctrl-T".
        public var label: String
        public var message: Message
        public var description: String
    }

    public var bindings: [Binding] {
        didSet { byKey = Self.index(bindings) }
    }

    /// For each key, the indices of the bindings that list it, in table order: a keystroke looks
    /// at those few instead of scanning the whole table.
    private var byKey: [Key: [Int]]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        byKey = Self.index(bindings)
    }

    private static func index(_ bindings: [Binding]) -> [Key: [Int]] {
        var out: [Key: [Int]] = [:]
        for (i, b) in bindings.enumerated() {
            for key in Set(b.keys) { out[key, default: []].append(i) }
        }
        return out
    }

    public static let standard = Keymap(bindings: [
        Binding(
            context: .start, keys: [.up, .char("k")], label: "↑ / k", message: .moveSelection(-1),
            description: "previous question"),
        Binding(
            context: .start, keys: [.down, .char("j")], label: "↓ / j", message: .moveSelection(1), description: "next question"),
        Binding(
            context: .start, keys: [.enter, .char("p")], label: "Enter / p", message: .openSelected,
            description: "practise the question"),
        Binding(context: .start, keys: [.char("d")], label: "d", message: .openDemo(-1), description: "demo the question"),
        Binding(context: .start, keys: [.char("r")], label: "r", message: .startReview, description: "review the steps due"),
        Binding(context: .start, keys: [.char("s")], label: "s", message: .openStats, description: "your stats"),
        Binding(context: .start, keys: [.char("c")], label: "c", message: .continueQuiz, description: "continue a quiz"),
        Binding(context: .start, keys: [.char("q"), .escape], label: "q / Esc", message: .quit, description: "quit (asks first)"),
        Binding(context: .question, keys: [.enter], label: "Enter", message: .submit, description: "check (done: next step)"),
        Binding(
            context: .question, keys: [.tab, .ctrl("n")], label: "Tab / Ctrl-N", message: .nextStep, description: "next step"),
        Binding(
            context: .question, keys: [.backTab, .ctrl("p")], label: "S-Tab / Ctrl-P", message: .previousStep,
            description: "previous step"),
        Binding(
            context: .question, keys: [.function(9), .ctrl("w")], label: "F9 / Ctrl-W", message: .nextUnfinished,
            description: "next unfinished step"),
        Binding(
            context: .question, keys: [.function(2), .ctrl("t")], label: "F2 / Ctrl-T", message: .hint, description: "next hint"),
        Binding(
            context: .question, keys: [.function(3), .ctrl("r")], label: "F3 / Ctrl-R", message: .reveal,
            description: "show the worked step"),
        Binding(
            context: .question, keys: [.function(4), .ctrl("k")], label: "F4 / Ctrl-K", message: .toggleCalculator,
            description: "calculator line"),
        Binding(
            context: .question, keys: [.function(5), .ctrl("g")], label: "F5 / Ctrl-G", message: .newVariant(seed: 0),
            description: "another like this"),
        Binding(
            context: .question, keys: [.function(8), .ctrl("b")], label: "F8 / Ctrl-B", message: .originalExam,
            description: "the original exam"),
        Binding(
            context: .question, keys: [.function(6), .ctrl("o")], label: "F6 / Ctrl-O", message: .togglePanel,
            description: "text / picture"),
        Binding(
            context: .question, keys: [.pageDown], label: "PgDn / PgUp", message: .scrollText(5), description: "scroll the text"),
        Binding(context: .question, keys: [.pageUp], label: "", message: .scrollText(-5), description: ""),
        Binding(context: .question, keys: [.up], label: "↑ / ↓", message: .historyPrevious, description: "earlier tries"),
        Binding(context: .question, keys: [.down], label: "", message: .historyNext, description: ""),
        Binding(context: .question, keys: [.left], label: "← / →", message: .cursorLeft, description: "move the cursor"),
        Binding(context: .question, keys: [.right], label: "", message: .cursorRight, description: ""),
        Binding(
            context: .question, keys: [.home, .ctrl("a")], label: "Home / End", message: .cursorHome, description: "start / end"),
        Binding(context: .question, keys: [.end, .ctrl("e")], label: "", message: .cursorEnd, description: ""),
        Binding(
            context: .question, keys: [.backspace], label: "Bksp / Del", message: .deleteBackward,
            description: "delete a character"),
        Binding(context: .question, keys: [.delete], label: "", message: .deleteForward, description: ""),
        Binding(context: .question, keys: [.ctrl("u")], label: "Ctrl-U", message: .clearField, description: "clear the answer"),
        Binding(context: .question, keys: [.escape], label: "Esc", message: .back, description: "back to the list"),
        Binding(
            context: .calculator, keys: [.enter], label: "Enter", message: .submit,
            description: "evaluate (log = \(Keymap.logPlaceholder))"),
        Binding(
            context: .calculator, keys: [.tab], label: "Tab", message: .insertResult,
            description: "put the result into the answer"),
        Binding(
            context: .calculator, keys: [], label: "ans", message: .insertResult,
            description: "the last result; @ multiplies matrices"),
        Binding(
            context: .calculator, keys: [.escape, .function(4), .ctrl("k")], label: "Esc / F4", message: .toggleCalculator,
            description: "back to the answer"),
        Binding(
            context: .assess, keys: [.char("y"), .char("Y")], label: "y", message: .selfAssess(true),
            description: "covered the key ideas"),
        Binding(
            context: .assess, keys: [.char("n"), .char("N")], label: "n", message: .selfAssess(false), description: "missed some"),
        Binding(
            context: .demo, keys: [.right, .char(" "), .enter], label: "→ / Space", message: .nextStep,
            description: "reveal, then next step"),
        Binding(context: .demo, keys: [.left], label: "←", message: .previousStep, description: "previous step"),
        Binding(
            context: .demo, keys: [], label: "1-9, 1 2 Enter", message: .stepDigit(0),
            description: "jump to a step (10 and up: digits, Enter)"),
        Binding(context: .demo, keys: [.char("a")], label: "a", message: .revealAll, description: "reveal every step"),
        Binding(
            context: .demo, keys: [.char("r"), .function(3)], label: "r / F3", message: .reveal, description: "reveal this step"),
        Binding(context: .demo, keys: [.char("t")], label: "t", message: .focusCalledOut, description: "type a called-out value"),
        Binding(
            context: .demo, keys: [.function(6), .char("p")], label: "F6 / p", message: .togglePanel,
            description: "text / picture"),
        Binding(context: .demo, keys: [.function(5)], label: "F5", message: .newVariant(seed: 0), description: "another variant"),
        Binding(
            context: .demo, keys: [.char("l"), .char("+")], label: "l / +", message: .toggleLargeType,
            description: "large type for this step's answer"),
        Binding(context: .demo, keys: [.char("s")], label: "s", message: .toggleAutoPause, description: "pause / resume --auto"),
        Binding(
            context: .demo, keys: [.char("b"), .char(".")], label: "b / .", message: .toggleBlank,
            description: "blank the screen (any key: back)"),
        Binding(context: .demo, keys: [.escape, .char("q")], label: "Esc / q", message: .back, description: "back to the list"),
        Binding(context: .calledOut, keys: [.enter], label: "Enter", message: .submit, description: "judge the value"),
        Binding(context: .calledOut, keys: [.escape], label: "Esc", message: .back, description: "stop typing"),
        Binding(context: .calledOut, keys: [.backspace], label: "Bksp", message: .deleteBackward, description: "delete"),
        Binding(context: .calledOut, keys: [.left], label: "", message: .cursorLeft, description: ""),
        Binding(context: .calledOut, keys: [.right], label: "", message: .cursorRight, description: ""),
        Binding(context: .calledOut, keys: [.ctrl("u")], label: "Ctrl-U", message: .clearField, description: "clear"),
        Binding(context: .quiz, keys: [.enter], label: "Enter", message: .submit, description: "submit; next step"),
        Binding(
            context: .quiz, keys: [.function(7), .ctrl("y")], label: "F7 / Ctrl-Y", message: .tellTime,
            description: "tell the time left"),
        Binding(
            context: .quiz, keys: [.function(10), .ctrl("x")], label: "F10 / Ctrl-X", message: .endEarly,
            description: "end the quiz (asks)"),
        Binding(
            context: .quiz, keys: [.function(11), .ctrl("d")], label: "F11 / Ctrl-D", message: .nextQuestion,
            description: "next question"),
        Binding(
            context: .quiz, keys: [.function(12), .ctrl("f")], label: "F12 / Ctrl-F", message: .flagStep,
            description: "flag this step to come back to"),
        Binding(context: .results, keys: [.enter], label: "Enter", message: .submit, description: "scores / review"),
        Binding(context: .results, keys: [.down, .char("j")], label: "↓ / ↑", message: .scroll(1), description: "scroll"),
        Binding(context: .results, keys: [.up, .char("k")], label: "", message: .scroll(-1), description: ""),
        Binding(
            context: .results, keys: [.pageDown, .char(" ")], label: "PgDn / PgUp", message: .scroll(10),
            description: "a screen down / up"),
        Binding(context: .results, keys: [.pageUp], label: "", message: .scroll(-10), description: ""),
        Binding(context: .results, keys: [.escape], label: "Esc", message: .back, description: "done"),
        Binding(context: .drill, keys: [.tab, .ctrl("n")], label: "Tab", message: .skip, description: "skip (shows the answer)"),
        Binding(context: .drill, keys: [.escape], label: "Esc", message: .back, description: "end the drill"),
        Binding(
            context: .everywhere, keys: [.function(1)], label: "F1 / ?", message: .toggleHelp, description: "this list of keys"),
        Binding(context: .review, keys: [.tab, .ctrl("n")], label: "Tab", message: .skip, description: "skip (stays due)"),
        Binding(context: .review, keys: [.escape], label: "Esc", message: .back, description: "stop reviewing"),
        Binding(context: .stats, keys: [.escape, .enter, .char("q")], label: "Esc", message: .back, description: "back"),
        Binding(context: .help, keys: [.down, .char("j")], label: "↓ / ↑", message: .scroll(1), description: "scroll the help"),
        Binding(context: .help, keys: [.up, .char("k")], label: "", message: .scroll(-1), description: ""),
        Binding(context: .help, keys: [.pageDown, .char(" ")], label: "PgDn / PgUp", message: .scroll(10), description: "a page"),
        Binding(context: .help, keys: [.pageUp], label: "", message: .scroll(-10), description: ""),
        Binding(context: .help, keys: [.char("t")], label: "t", message: .openTour, description: "the one-minute tour"),
        Binding(
            context: .help, keys: [.escape, .enter, .function(1), .char("?"), .char("q")], label: "Esc / F1",
            message: .toggleHelp, description: "close the help"),
        Binding(context: .everywhere, keys: [], label: "Ctrl-L", message: .toggleHelp, description: "redraw the screen"),
        Binding(
            context: .everywhere, keys: [.ctrl("c")], label: "Ctrl-C", message: .quit,
            description: "quit (asks if work would be lost)")
    ])

    /// The message for `key` in the session's current state; nil when the key does nothing.
    /// `seed` supplies chance for "another like this" (the run loop draws it, the core never does);
    /// it is asked for only then, so an ordinary keystroke costs no trip to the system's RNG.
    public func message(for key: Key, in session: Session, seed: @autoclosure () -> UInt64) -> Message? {
        if let modal = session.modal { return message(for: key, in: modal, session: session) }
        // The open question, read once: `session.practice` copies the whole state each time.
        let practice = session.practice
        if session.screen == .question, practice?.showingSummary == true {
            switch key {
            case .enter: return .submit
            case .escape: return .back
            case .function(1), .char("?"): return .toggleHelp
            case .ctrl("c"): return .quit
            default: return nil
            }
        }
        if session.quiz?.phase == .confirmEnd {
            switch key {
            case .char("y"), .char("Y"): return .confirm(true)
            case .char("n"), .char("N"), .escape: return .confirm(false)
            default: return nil
            }
        }
        if session.drill?.phase == .results {
            switch key {
            case .enter, .escape: return .back
            case .char("q"): return .quit
            default: return nil
            }
        }
        if session.demo?.blanked == true {
            return key == .ctrl("c") ? .quit : .toggleBlank
        }
        let contexts = Keymap.contexts(for: session, practice: practice)
        let typing = contexts.contains(.question) || contexts.contains(.calledOut)
        if key == .char("?"),
            !typing || (practice.map { Keymap.activeDraftIsEmpty($0) } ?? (session.demo?.draft.isEmpty ?? true))
        {
            return .toggleHelp
        }
        // The most specific context first (calculator over question, mode over question): the
        // table's order only breaks ties within one context.
        let candidates = byKey[key] ?? []
        for context in contexts {
            guard let i = candidates.first(where: { bindings[$0].context == context }) else { continue }
            let b = bindings[i]
            switch b.message {
            case .scroll(let d) where contexts.first == .results && abs(d) == 10:
                // A page of the results is a screen: the rows between the header and the key bar.
                return .scroll(d.signum() * max(1, session.height - QuizResultsScreen.chromeRows))
            case .newVariant: return .newVariant(seed: seed())
            case .openDemo: return .openDemo(session.selection)
            default: return b.message
            }
        }
        if session.screen == .start, case .char(let c) = key, let n = c.wholeNumberValue, n >= 1 {
            return .openQuestion(n - 1)
        }
        if contexts.contains(.demo), case .char(let c) = key, let n = c.wholeNumberValue {
            return .stepDigit(n)
        }
        if typing, case .char(let c) = key, !contexts.contains(.assess) {
            return .type(c)
        }
        return nil
    }

    /// The message for `key` while `modal` is on top: it has every key (Ctrl-C still quits,
    /// asking first, except over the quit question itself).
    func message(for key: Key, in modal: Modal, session: Session) -> Message? {
        switch modal {
        case .confirmQuit:
            switch key {
            case .char("y"), .char("Y"): return .confirmQuit(true)
            case .char("n"), .char("N"), .escape: return .confirmQuit(false)
            default: return nil
            }
        case .confirmVariant, .quizOffer:
            switch key {
            case .char("y"), .char("Y"): return .confirm(true)
            case .char("n"), .char("N"), .escape: return .confirm(false)
            case .ctrl("c"): return .quit
            default: return nil
            }
        case .tour:
            switch key {
            case .enter, .right, .char(" "): return .nextStep
            case .left, .backspace: return .previousStep
            case .escape, .char("q"): return .back
            case .ctrl("c"): return .quit
            default: return nil
            }
        case .help:
            return helpMessage(for: key, session: session)
        }
    }

    /// The help screen's keys: its own table rows; a scroll is clamped to what the help holds.
    func helpMessage(for key: Key, session: Session) -> Message? {
        guard let i = byKey[key]?.first(where: { bindings[$0].context == .help }) else {
            return key == .ctrl("c") ? .quit : nil
        }
        let b = bindings[i]
        if b.message == .openTour, session.quizIsRunning { return nil }
        if case .scroll(let d) = b.message {
            let size = Size(width: session.width, height: session.height)
            let most = HelpOverlay.maxScroll(keymap: self, glyphs: .unicode, size: size, tour: !session.quizIsRunning)
            return .scrollHelp(to: max(0, min(most, session.helpScroll + d)))
        }
        return b.message
    }

    /// Contexts in force, most specific first. `practice` is `session.practice`.
    static func contexts(for session: Session, practice: PracticeState?) -> [Context] {
        let mode: [Context]
        switch session.mode {
        case .start: return [.start, .everywhere]
        case .stats: return [.stats, .everywhere]
        case .review(let r) where r.practice == nil: return [.stats, .everywhere]
        case .demo(let d): return d.fieldFocused ? [.calledOut, .everywhere] : [.demo, .everywhere]
        case .quiz(let q) where q.phase == .results || q.phase == .review: return [.results, .everywhere]
        case .question: mode = []
        case .quiz: mode = [.quiz]
        case .drill: mode = [.drill]
        case .review: mode = [.review]
        }
        guard let p = practice else { return [.everywhere] }
        if p.focus == .calculator { return [.calculator] + mode + [.question, .everywhere] }
        if p.record.status == .awaitingAssessment { return [.assess] + mode + [.question, .everywhere] }
        return mode + [.question, .everywhere]
    }

    static func activeDraftIsEmpty(_ p: PracticeState) -> Bool {
        p.focus == .calculator ? p.calculator.isEmpty : p.record.draft.isEmpty
    }

    /// Stands in a description for what `log` means on the question shown (`logName`).
    static let logPlaceholder = "{log}"

    /// "ln", or "log₁₀" where the question's `log` is base 10.
    public static func logName(_ log: LogBase) -> String {
        switch log {
        case .natural: "ln"
        case .base(let b) where b == 10: "log₁₀"
        case .base(let b) where b == 2: "log₂"
        case .base: log.name
        }
    }

    /// Help rows per context: (keys, description), skipping continuation rows without a label.
    /// `log` is what a bare `log` means on the question shown; `tour: false` (over a running
    /// quiz) leaves out the tour, which is not offered there.
    public func helpSections(log: LogBase = .natural, tour: Bool = true) -> [(title: String, rows: [(String, String)])] {
        Context.allCases.map { c in
            let rows = bindings.filter { b in
                b.context == c && !b.label.isEmpty && (tour || b.message != .openTour)
            }
            return (
                c.rawValue,
                rows.map { ($0.label, $0.description.replacingOccurrences(of: Keymap.logPlaceholder, with: Keymap.logName(log))) }
            )
        }
    }
}
