#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Adjacent cells on one row that differ between two frames: what a terminal has to rewrite.
public struct CellRun: Hashable, Sendable {
    public var y: Int
    /// First column of the run.
    public var x: Int
    /// Columns covered: `x ..< x + count`.
    public var count: Int

    public init(y: Int, x: Int, count: Int) {
        self.y = y
        self.x = x
        self.count = count
    }

    public var end: Int { x + count }
}

extension Buffer {
    /// The cells that differ from `previous`, as runs of adjacent columns, row by row from the
    /// top; every row whole when there is no previous frame or its size differs.
    ///
    /// Why cells and not rows: typing one character changes a cell or two in the answer field and
    /// a few in the live line below it; rewriting (and re-encoding) whole rows was a measurable
    /// part of each keystroke. A run never starts or ends inside a wide character of either frame
    /// (it is widened to the whole character), so writing a run's cells over the old screen
    /// replaces whole characters, and the result is exactly `self` (see `applying(_:from:)`).
    public func changedRuns(since previous: Buffer?) -> [CellRun] {
        guard let previous, previous.size == size else {
            return (0..<size.height).map { CellRun(y: $0, x: 0, count: size.width) }
        }
        var runs: [CellRun] = []
        for y in 0..<size.height where !hasIdenticalRow(y, previous) {
            let new = row(y), old = previous.row(y)
            if new == old { continue }
            let base = new.startIndex, oldBase = old.startIndex
            func differs(_ x: Int) -> Bool { new[base + x] != old[oldBase + x] }
            func insideWide(_ x: Int) -> Bool { new[base + x].isContinuation || old[oldBase + x].isContinuation }
            var x = 0
            while x < size.width {
                guard differs(x) else {
                    x += 1
                    continue
                }
                var start = x
                while start > 0 && insideWide(start) { start -= 1 }
                var end = x + 1
                while end < size.width && (differs(end) || insideWide(end)) { end += 1 }
                if let last = runs.last, last.y == y, last.end >= start {
                    runs[runs.count - 1].count = end - last.x // widening reached the previous run
                } else {
                    runs.append(CellRun(y: y, x: start, count: end - start))
                }
                x = end
            }
        }
        return runs
    }

    /// True when row `y` holds the same bytes in both frames (then its cells are equal; unequal
    /// bytes may still be equal cells, which the cell comparison decides). Comparing memory is
    /// several times faster than comparing ~2,000 cells one by one, and most rows are unchanged.
    func hasIdenticalRow(_ y: Int, _ other: Buffer) -> Bool {
        let range = (y * size.width)..<((y + 1) * size.width)
        return cells.withUnsafeBytes { a in
            other.cells.withUnsafeBytes { b in
                let stride = MemoryLayout<Cell>.stride
                let bytes = (range.lowerBound * stride)..<(range.upperBound * stride)
                guard !bytes.isEmpty, let a = a.baseAddress, let b = b.baseAddress else { return true }
                return memcmp(a + bytes.lowerBound, b + bytes.lowerBound, bytes.count) == 0
            }
        }
    }

    /// `previous` with the cells of `runs` copied from `self`: what a terminal that showed
    /// `previous` shows after rewriting those runs. Tests check that it equals `self`.
    public func applying(_ runs: [CellRun], from previous: Buffer) -> Buffer {
        var out = previous.size == size ? previous : Buffer(size: size)
        for run in runs {
            for x in run.x..<run.end { out.cells[run.y * size.width + x] = self[x, run.y] }
        }
        return out
    }
}
