/// A question the exam lists whose file did not load: the exam still opens, and every screen
/// that lists questions names this one with its first error instead of hiding it.
public struct BrokenQuestion: Sendable, Equatable {
    /// The file stem `exam.yaml` lists (`q2`).
    public let id: String
    /// The file's `title:` when the YAML could be read that far; nil otherwise.
    public let title: String?
    /// How many loaded questions come before it, so lists show it in the exam's order.
    public let position: Int
    /// The first error of its file (`file:line: message`).
    public let error: Diagnostic

    public init(id: String, title: String?, position: Int, error: Diagnostic) {
        self.id = id
        self.title = title
        self.position = position
        self.error = error
    }

    /// What a list shows for it: its title, else its id.
    public var name: String { title.map { $0.isEmpty ? id : $0 } ?? id }
}
