/// Shape comparison for grading, stricter than `Tolerance.matches` about rank.
///
/// `Tolerance` treats shapes as equal after dropping trailing 1s, which is right for the ways a
/// vector is written (`257x1` for `257`, `1x1` or `[1]` for a scalar). A trailing `×1` on a matrix
/// shape, though, makes a rank-3 tensor (`256×1025×1`), which is a different answer; a student who
/// writes it should hear that rather than be marked right. So the trailing 1s are forgiven only
/// when the longer of the two shapes has rank 2 at most.
enum ShapeRank {
    /// The same shape for grading: equal without trailing 1s, and either the same rank or a rank
    /// of at most 2 for both.
    static func same(_ a: [Int], _ b: [Int]) -> Bool {
        guard Tolerance.normalised(a) == Tolerance.normalised(b) else { return false }
        return a.count == b.count || max(a.count, b.count) <= 2
    }

    /// `rule.matches`, with shapes (alone or in a list) compared by `same`.
    static func matches(_ got: Value, _ expected: Value, rule: Tolerance) -> Bool {
        switch (got, expected) {
        case (.shape(let a), .shape(let b)):
            return same(a, b)
        case (.list(let a), .list(let b)) where a.contains(where: isShape) || b.contains(where: isShape):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1, rule: rule) }
        default:
            return rule.matches(got, expected)
        }
    }

    /// Items of a list of shapes that differ (nil when the lists differ in length).
    static func wrongEntries(_ got: Value, _ expected: Value, rule: Tolerance) -> [EntryIndex]? {
        guard case (.list(let a), .list(let b)) = (got, expected), a.count == b.count else {
            return rule.wrongEntries(got, expected)
        }
        return a.indices.filter { !matches(a[$0], b[$0], rule: rule) }.map(EntryIndex.entry)
    }

    /// The sentence for a shape that only an extra (or missing) trailing `×1` keeps from being
    /// right: "256×1025×1 is a rank-3 shape; the answer has rank 2." In a list, the first such
    /// item is named: "Shape 2, 8×9×1, is a rank-3 shape; the answer there has rank 2."
    static func reason(_ got: Value, _ expected: Value) -> String? {
        switch (got, expected) {
        case (.shape(let a), .shape(let b)) where !same(a, b) && Tolerance.normalised(a) == Tolerance.normalised(b):
            return "\(got.display) is a rank-\(a.count) shape; the answer has rank \(b.count)."
        case (.list(let a), .list(let b)) where a.count == b.count:
            for i in a.indices {
                guard case (.shape(let x), .shape(let y)) = (a[i], b[i]),
                    !same(x, y), Tolerance.normalised(x) == Tolerance.normalised(y)
                else { continue }
                return "Shape \(i + 1), \(a[i].display), is a rank-\(x.count) shape; the answer there has rank \(y.count)."
            }
            return nil
        default:
            return nil
        }
    }

    private static func isShape(_ v: Value) -> Bool {
        if case .shape = v { return true }
        return false
    }
}
