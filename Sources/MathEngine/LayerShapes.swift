/// Content functions that carry layer sizes to weight shapes to parameter counts, so a step can
/// follow a student's own earlier answer one stage at a time (error carried forward).
enum LayerShapes {
    /// `weight_shapes([19, 8, 8, 3])` = `[8×20, 8×9, 3×9]`: W^[l] is n^[l] × (n^[l−1] + 1) with the
    /// bias trick. Sizes must be whole numbers ≥ 1 (a student's sizes may not be).
    static func weightShapes(_ sizes: Value, _ c: Int) throws(EngineError) -> Value {
        let n = try Builtins.numbers(sizes, c)
        guard n.count >= 2 else { throw EngineError(column: c, message: "'weight_shapes' needs at least two layer sizes.") }
        guard n.allSatisfy({ $0 >= 1 && $0 <= 1e9 && $0 == $0.rounded() }) else {
            throw EngineError(column: c, message: "'weight_shapes' needs whole layer sizes of at least 1.")
        }
        try Builtins.cap(n.count - 1, c)
        return .list((1..<n.count).map { .shape([Int(n[$0]), Int(n[$0 - 1]) + 1]) })
    }

    /// `shape_params([8×20, 8×9])` = 232: the entries of every matrix, added.
    static func parameterCount(_ shapes: Value, _ c: Int) throws(EngineError) -> Value {
        let items: [Value]
        switch shapes {
        case .list(let xs): items = xs
        case .shape: items = [shapes]
        default: throw EngineError(column: c, message: "'shape_params' needs a list of shapes.")
        }
        var total = 0.0
        for item in items {
            guard case .shape(let dims) = item else {
                throw EngineError(column: c, message: "'shape_params' needs a list of shapes.")
            }
            total += dims.reduce(1.0) { $0 * Double($1) }
        }
        return .number(try Evaluator.check(total, c))
    }
}
