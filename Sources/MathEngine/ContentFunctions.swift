/// Content and random-variant helpers (`.content` and `.random` dialects only).
///
/// Indices are 1-based throughout, matching the exam's notation, so question files read like the
/// paper (`at(v, 4)` is the fourth entry).
enum ContentFunctions {
    static func call(_ f: String, _ a: [Value], column c: Int, env: Environment) throws(EngineError) -> Value {
        switch f {
        case "sum": return .number(try Builtins.numbers(a[0], c).reduce(0, +))
        case "prod": return .number(try Evaluator.check(try Builtins.numbers(a[0], c).reduce(1, *), c))
        case "mean":
            let xs = try Builtins.numbers(a[0], c)
            if xs.isEmpty { throw EngineError(column: c, message: "'mean' needs at least one number.") }
            return .number(xs.reduce(0, +) / Double(xs.count))
        case "len": return .number(Double(items(a[0]).count))
        case "ordinal": return .text(English.ordinal(try Builtins.integer(a[0], c)))
        case "argmax", "argmin":
            let xs = try Builtins.numbers(a[0], c)
            guard !xs.isEmpty else { throw EngineError(column: c, message: "'\(f)' needs at least one number.") }
            var best = 0
            for i in xs.indices where f == "argmax" ? xs[i] > xs[best] : xs[i] < xs[best] { best = i }
            return .number(Double(best + 1))
        case "indices":
            let xs = try Builtins.numbers(a[0], c)
            return .set(xs.indices.filter { xs[$0] != 0 }.map { Double($0 + 1) })
        case "range":
            let lo = try Builtins.integer(a[0], c), hi = try Builtins.integer(a[1], c)
            if hi < lo { return .vector([]) }
            try Builtins.cap(hi - lo + 1, c)
            return .vector((lo...hi).map(Double.init))
        case "fill":
            let n = try Builtins.integer(a[0], c)
            if n < 0 { throw EngineError(column: c, message: "'fill' needs a count that is not negative.") }
            try Builtins.cap(n, c)
            if case .number(let x) = a[1] { return .vector(Array(repeating: x, count: n)) }
            return .list(Array(repeating: a[1], count: n))
        case "at":
            let list = items(a[0])
            let i = try Builtins.integer(a[1], c)
            guard i >= 1 && i <= list.count else {
                throw EngineError(column: c, message: "Index \(i) is out of range 1...\(list.count).")
            }
            return list[i - 1]
        case "shape":
            var dims: [Int] = []
            for v in a {
                for x in try Builtins.numbers(v, c) {
                    guard x == x.rounded(), x >= 0, x <= 1e9 else {
                        throw EngineError(column: c, message: "A shape needs whole numbers that are not negative.")
                    }
                    dims.append(Int(x))
                }
            }
            return .shape(dims)
        case "set":
            var xs: [Double] = []
            for v in a { xs += try Builtins.numbers(v, c) }
            return Value.makeSet(xs)
        case "vec":
            var xs: [Double] = []
            for v in a { xs += try Builtins.numbers(v, c) }
            try Builtins.cap(xs.count, c)
            return .vector(xs)
        case "weight_shapes": return try LayerShapes.weightShapes(a[0], c)
        case "shape_params": return try LayerShapes.parameterCount(a[0], c)
        case "dense_params":
            let n = try Builtins.numbers(a[0], c)
            var total = 0.0
            if n.count >= 2 { for i in 0..<(n.count - 1) { total += n[i + 1] * (n[i] + 1) } }
            return .number(total)
        case "concat":
            // Texts and plain numbers together are one sentence (`concat("row ", 2, ", column ", 8)`),
            // never a list that a template would print with its separators.
            let hasText = a.contains { if case .text = $0 { true } else { false } }
            if hasText,
                a.allSatisfy({ v in
                    switch v {
                    case .text, .number: true
                    default: false
                    }
                })
            {
                return .text(a.map { if case .text(let s) = $0 { s } else { $0.display } }.joined())
            }
            if a.allSatisfy({ $0.isNumeric && !isMatrix($0) }) {
                let xs = a.flatMap(Builtins.flat)
                try Builtins.cap(xs.count, c)
                return .vector(xs)
            }
            let all = a.flatMap(items)
            try Builtins.cap(all.count, c)
            return .list(all)
        case "prefix_each":
            guard case .text(let p) = a[0] else { throw EngineError(column: c, message: "'prefix_each' needs a text first.") }
            return .list(
                try items(a[1]).map { (v) throws(EngineError) in
                    guard case .text(let s) = v else {
                        throw EngineError(column: c, message: "'prefix_each' needs a list of texts.")
                    }
                    return .text(p + s)
                })
        case "insert":
            var list = items(a[0])
            let pos = try Builtins.integer(a[1], c)
            guard pos >= 1 && pos <= list.count + 1 else {
                throw EngineError(column: c, message: "Position \(pos) is out of range 1...\(list.count + 1).")
            }
            list.insert(contentsOf: items(a[2]), at: pos - 1)
            try Builtins.cap(list.count, c)
            return rebuild(list, like: a[0])
        case "sort":
            let list = items(a[0])
            if case .list = a[0] {
                return .list(list.sorted { textKey($0) < textKey($1) })
            }
            return rebuild(list.sorted { ($0.number ?? 0) < ($1.number ?? 0) }, like: a[0])
        default:
            return try RandomFunctions.call(f, a, column: c, env: env)
        }
    }

    static func isMatrix(_ v: Value) -> Bool { if case .matrix = v { true } else { false } }

    /// The entries of a vector, set, shape or list as values; a single value is a list of one.
    static func items(_ v: Value) -> [Value] {
        switch v {
        case .vector(let xs), .set(let xs): xs.map(Value.number)
        case .shape(let s): s.map { .number(Double($0)) }
        case .list(let l): l
        case .matrix(let m): m.map(Value.vector)
        default: [v]
        }
    }

    /// Puts items back into the container kind of `original` (a vector stays a vector).
    static func rebuild(_ list: [Value], like original: Value) -> Value {
        if case .vector = original, list.allSatisfy({ $0.number != nil }) {
            return .vector(list.compactMap(\.number))
        }
        return .list(list)
    }

    static func textKey(_ v: Value) -> String {
        if case .text(let s) = v { return s }
        return Formatting.display(v)
    }
}
