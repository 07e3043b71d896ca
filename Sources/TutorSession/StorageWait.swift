/// What the student is told while the database is locked by another program, or (in a class)
/// while the class database cannot be reached: checked answers are queued, never dropped, and
/// written as soon as the lock is released or the server is back. `answers == 0` with
/// `isWaiting == false` means everything queued has been written.
public struct StorageWait: Sendable, Equatable {
    /// Why the writes wait: a local file another program has locked, or a class server out of reach.
    public enum Cause: Sendable, Equatable { case locked, unreachable }

    /// Checked answers (and reveals) not yet in the database, or, once written, how many were.
    public var answers: Int
    public var isWaiting: Bool
    /// The student's database file (never a temporary copy).
    public var path: String
    public var cause: Cause

    public init(answers: Int, isWaiting: Bool, path: String, cause: Cause = .locked) {
        self.answers = answers
        self.isWaiting = isWaiting
        self.path = path
        self.cause = cause
    }

    private var count: String { answers == 1 ? "1 checked answer" : "\(answers) checked answers" }

    /// One line for the question screen (it wraps) and the start screen.
    public var text: String {
        if cause == .unreachable { return classText }
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

    private var classText: String {
        if isWaiting {
            let what = answers == 0 ? "" : answers == 1 ? " 1 answer waiting;" : " \(answers) answers waiting;"
            return "Reconnecting to the class database…\(what) keep working, nothing is lost."
        }
        return switch answers {
        case 0: "Reconnected to the class database."
        case 1: "Reconnected: the answer that waited is saved on the class server."
        default: "Reconnected: the \(answers) answers that waited are saved on the class server."
        }
    }
}
