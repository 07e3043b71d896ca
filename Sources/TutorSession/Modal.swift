/// A dialog or overlay in front of the current mode. Several can be open at once (Ctrl-C over the
/// help asks about quitting while the help stays open underneath); `Session.modal` names the one on
/// top, and the keymap, the dispatcher and the renderer all ask it, so the three agree on which
/// one the student sees and answers.
public enum Modal: Sendable, Equatable, CaseIterable {
    /// "Quit now? Work would be lost" — y/n.
    case confirmQuit
    /// A variant switch that would drop a started variant — y/n.
    case confirmVariant
    /// A stored unfinished quiz, asked as a yes/no question before a new quiz starts.
    case quizOffer
    /// The first-run tour's pages.
    case tour
    /// The help screen (the keymap's table).
    case help

    /// Topmost first: a question asked last (about quitting, a variant, an unfinished quiz) is
    /// answered before the tour or the help it was asked over.
    public static let priority: [Modal] = [.confirmQuit, .confirmVariant, .quizOffer, .tour, .help]
}

extension Session {
    /// The modal on top, by `Modal.priority`; nil when the mode's own screen has the keys.
    public var modal: Modal? { Modal.priority.first(where: isOpen) }

    /// Whether `modal` is open, whatever is over it.
    public func isOpen(_ modal: Modal) -> Bool {
        switch modal {
        case .confirmQuit: confirmingQuit
        case .confirmVariant: confirmingVariant != nil
        case .quizOffer: askingQuizOffer
        case .tour: tour != nil
        case .help: showingHelp
        }
    }
}
