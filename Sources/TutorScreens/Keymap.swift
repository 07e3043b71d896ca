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

    public var bindings: [Binding]

    public static let standard = Keymap(bindings: [
        Binding(context: .start, keys: [.up, .char("k")], label: "↑ / k", message: .moveSelection(-1), description: "previous question"),
        Binding(context: .start, keys: [.down, .char("j")], label: "↓ / j", message: .moveSelection(1), description: "next question"),
        Binding(context: .start, keys: [.enter, .char("p")], label: "Enter / p", message: .openSelected, description: "practise the question"),
        Binding(context: .start, keys: [.char("q"), .escape], label: "q / Esc", message: .quit, description: "quit (asks first)"),
        Binding(context: .question, keys: [.enter], label: "Enter", message: .submit, description: "check (done: next step)"),
        Binding(context: .question, keys: [.tab, .ctrl("n")], label: "Tab / Ctrl-N", message: .nextStep, description: "next step"),
        Binding(context: .question, keys: [.backTab, .ctrl("p")], label: "S-Tab / Ctrl-P", message: .previousStep, description: "previous step"),
        Binding(context: .question, keys: [.function(2), .ctrl("t")], label: "F2 / Ctrl-T", message: .hint, description: "next hint"),
        Binding(context: .question, keys: [.function(3), .ctrl("r")], label: "F3 / Ctrl-R", message: .reveal, description: "show the worked step"),
        Binding(context: .question, keys: [.function(4), .ctrl("k")], label: "F4 / Ctrl-K", message: .toggleCalculator, description: "calculator line"),
        Binding(context: .question, keys: [.function(5), .ctrl("g")], label: "F5 / Ctrl-G", message: .newVariant(seed: 0), description: "another like this"),
        Binding(context: .question, keys: [.function(6), .ctrl("o")], label: "F6 / Ctrl-O", message: .togglePanel, description: "text / picture"),
        Binding(context: .question, keys: [.pageDown], label: "PgDn / PgUp", message: .scrollText(5), description: "scroll the text"),
        Binding(context: .question, keys: [.pageUp], label: "", message: .scrollText(-5), description: ""),
        Binding(context: .question, keys: [.up], label: "↑ / ↓", message: .historyPrevious, description: "earlier tries"),
        Binding(context: .question, keys: [.down], label: "", message: .historyNext, description: ""),
        Binding(context: .question, keys: [.left], label: "← / →", message: .cursorLeft, description: "move the cursor"),
        Binding(context: .question, keys: [.right], label: "", message: .cursorRight, description: ""),
        Binding(context: .question, keys: [.home, .ctrl("a")], label: "Home / End", message: .cursorHome, description: "start / end"),
        Binding(context: .question, keys: [.end, .ctrl("e")], label: "", message: .cursorEnd, description: ""),
        Binding(context: .question, keys: [.backspace], label: "Bksp / Del", message: .deleteBackward, description: "delete a character"),
        Binding(context: .question, keys: [.delete], label: "", message: .deleteForward, description: ""),
        Binding(context: .question, keys: [.ctrl("u")], label: "Ctrl-U", message: .clearField, description: "clear the answer"),
        Binding(context: .question, keys: [.escape], label: "Esc", message: .back, description: "back to the list"),
        Binding(context: .calculator, keys: [.enter], label: "Enter", message: .submit, description: "evaluate (log = ln)"),
        Binding(context: .calculator, keys: [.escape, .function(4), .ctrl("k")], label: "Esc / F4", message: .toggleCalculator, description: "back to the answer"),
        Binding(context: .assess, keys: [.char("y"), .char("Y")], label: "y", message: .selfAssess(true), description: "covered the key ideas"),
        Binding(context: .assess, keys: [.char("n"), .char("N")], label: "n", message: .selfAssess(false), description: "missed some"),
        Binding(context: .everywhere, keys: [.function(1)], label: "F1 / ?", message: .toggleHelp, description: "this list of keys"),
        Binding(context: .everywhere, keys: [.ctrl("c")], label: "Ctrl-C", message: .quit, description: "quit at once"),
    ])

    /// The message for `key` in the session's current state; nil when the key does nothing.
    /// `seed` supplies chance for "another like this" (the run loop draws it, the core never does).
    public func message(for key: Key, in session: Session, seed: UInt64) -> Message? {
        if session.confirmingQuit {
            switch key {
            case .char("y"), .char("Y"): return .confirmQuit(true)
            case .char("n"), .char("N"), .escape: return .confirmQuit(false)
            default: return nil
            }
        }
        if session.showingHelp {
            switch key {
            case .escape, .enter, .function(1), .char("?"), .char("q"): return .toggleHelp
            default: return nil
            }
        }
        let contexts = Keymap.contexts(for: session)
        if key == .char("?"), session.screen == .start || (session.practice.map { Keymap.activeDraftIsEmpty($0) } ?? true) {
            return .toggleHelp
        }
        for b in bindings where contexts.contains(b.context) && b.keys.contains(key) {
            if case .newVariant = b.message { return .newVariant(seed: seed) }
            return b.message
        }
        if session.screen == .start, case .char(let c) = key, let n = c.wholeNumberValue, n >= 1 {
            return .openQuestion(n - 1)
        }
        if session.screen == .question, case .char(let c) = key, !contexts.contains(.assess) {
            return .type(c)
        }
        return nil
    }

    /// Contexts in force, most specific first.
    static func contexts(for session: Session) -> [Context] {
        guard session.screen == .question, let p = session.practice else { return [.start, .everywhere] }
        if p.focus == .calculator { return [.calculator, .question, .everywhere] }
        if p.record.status == .awaitingAssessment { return [.assess, .question, .everywhere] }
        return [.question, .everywhere]
    }

    static func activeDraftIsEmpty(_ p: PracticeState) -> Bool {
        p.focus == .calculator ? p.calculator.isEmpty : p.record.draft.isEmpty
    }

    /// Help rows per context: (keys, description), skipping continuation rows without a label.
    public func helpSections() -> [(title: String, rows: [(String, String)])] {
        Context.allCases.map { c in
            (c.rawValue, bindings.filter { $0.context == c && !$0.label.isEmpty }.map { ($0.label, $0.description) })
        }
    }
}
