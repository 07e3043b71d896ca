import Synchronization

/// Where a variant keeps its `StepTable`: made on first use, then read with one atomic load.
///
/// Lazy, because most variants are never checked (lint builds thousands, and the start screen
/// builds each question's original exam), and building the table costs about a tenth of building
/// the variant. A `Mutex` costs more than a whole check's lookups, and the standard
/// `AtomicLazyReference` is called through generic metadata on every load, so this is that same
/// idea for this one type: the table's address, retained by the cell, set once by compare and
/// exchange. Two threads that both find it empty both build a table; the first stored one wins
/// and the other is released (they are equal: both follow from the same variant).
final class StepTableCell: Sendable {
    /// The table's address (`Unmanaged`, retained by the cell), or 0 until it is made.
    private let address = Atomic<Int>(0)

    /// The table, made with `make` if there is none yet.
    func table(_ make: () -> StepTable) -> StepTable {
        let known = address.load(ordering: .acquiring)
        if known != 0 { return StepTableCell.table(at: known) }
        let made = Unmanaged.passRetained(make())
        let bits = Int(bitPattern: made.toOpaque())
        let (stored, current) = address.compareExchange(
            expected: 0, desired: bits, successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
        if stored { return made.takeUnretainedValue() }
        made.release()
        return StepTableCell.table(at: current)
    }

    deinit {
        let known = address.load(ordering: .acquiring)
        if known != 0 { Unmanaged<StepTable>.fromOpaque(UnsafeRawPointer(bitPattern: known).unsafelyUnwrapped).release() }
    }

    private static func table(at bits: Int) -> StepTable {
        Unmanaged<StepTable>.fromOpaque(UnsafeRawPointer(bitPattern: bits).unsafelyUnwrapped).takeUnretainedValue()
    }
}
