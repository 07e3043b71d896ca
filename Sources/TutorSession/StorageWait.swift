/// What the student is told while the database is locked by another program: checked answers
/// are queued, never dropped, and written as soon as the lock is released. `answers == 0` with
/// `isWaiting == false` means everything queued has been written.
public struct StorageWait: Sendable, Equatable {
    /// Checked answers (and reveals) not yet in the database, or, once written, how many were.
    public var answers: Int
    public var isWaiting: Bool
    /// The student's database file (never a temporary copy).
    public var path: String

    public init(answers: Int, isWaiting: Bool, path: String) {
        self.answers = answers
        self.isWaiting = isWaiting
        self.path = path
    }

    private var count: String { answers == 1 ? "1 checked answer" : "\(answers) checked answers" }

    /// One line for the question screen (it wraps) and the start screen.
    public var text: String {
        if isWaiting {
            let what = answers == 0 ? "your progress" : count
            return "Waiting for the database (another program holds \(path)): \(what) queued, saved once it is free."
        }
        return switch answers {
        case 0: "Saved: the database is free again."
        case 1: "Saved: the checked answer that waited is now in \(path)."
        default: "Saved: the \(answers) checked answers that waited are now in \(path)."
        }
    }
}
