/// The store used when saving is off: the same queries on an in-memory database, so stats,
/// review and resume still work for this run; nothing reaches the disk and no file is touched.
/// `isSaving` is false and writes never throw.
public final class InMemoryStore: SQLiteStore, @unchecked Sendable {
    /// `reason` is why saving is off (nil: the mode records nothing by design, as a demo does).
    public init(reason: StoreError? = nil) {
        super.init(inMemoryBecause: reason ?? .failed(path: "(none)", detail: "saving is off"))
    }

    /// Writes go to memory even though `isSaving` is false.
    override var acceptsWritesWhenNotSaving: Bool { true }
}
