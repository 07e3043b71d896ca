/// How big a value is, for the budget that keeps content finite.
///
/// Every function call's result is weighed against `Functions.maxEntries`: a vector counts its
/// entries, a matrix its cells, a list the sizes of its items, a text one unit per 8 bytes. Only
/// a per-call cap on the *outer* count (`fill(9999, x)`) would let nesting multiply sizes
/// (`fill(9999, fill(9999, 1))` is 10⁸ numbers, cheap to build because Swift shares the copies,
/// but endless to print). The count stops as soon as the budget is passed, so weighing a huge
/// value costs no more than the budget itself.
extension Value {
    /// The value's size in entries, or nil when it exceeds `limit`.
    public func size(limit: Int) -> Int? {
        var total = 0
        return accumulate(into: &total, limit: limit) ? total : nil
    }

    private func accumulate(into total: inout Int, limit: Int) -> Bool {
        switch self {
        case .number: total += 1
        case .vector(let xs), .set(let xs): total += xs.count
        case .shape(let dims): total += dims.count
        case .matrix(let rows):
            for r in rows {
                total += r.count
                if total > limit { return false }
            }
        case .text(let s): total += 1 + s.utf8.count / 8
        case .list(let items):
            for item in items {
                if !item.accumulate(into: &total, limit: limit) { return false }
            }
        }
        return total <= limit
    }
}
