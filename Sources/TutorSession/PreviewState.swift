/// What `dltutor preview` adds to a practice session while an author edits the content: a short
/// note after each reload, and the first error of the open question's file once it stops loading.
public struct PreviewState: Sendable, Equatable {
    /// The note shown on the status line right after a reload, until `noteUntil`.
    public static let reloadedNote = "reloaded"

    /// "reloaded", for a moment after the content was loaded again; nil otherwise.
    public internal(set) var note: String?
    /// Session time (seconds) at which the note goes.
    public internal(set) var noteUntil: Double?
    /// `file:line: message`: the open question's file has errors, so its steps on screen are
    /// those of the last version that loaded, and this shows in place of its text.
    public internal(set) var contentError: String?
    /// The question `contentError` belongs to (another question opened meanwhile shows its text).
    public internal(set) var contentErrorQuestion: String?

    /// The content error to show in place of question `id`'s text, if any.
    public func contentError(for id: String) -> String? { contentErrorQuestion == id ? contentError : nil }

    public init() {}

    /// How long the note stays (seconds of session time).
    static let noteSeconds = 2.0
}
