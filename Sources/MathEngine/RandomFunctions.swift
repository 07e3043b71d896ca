/// The `.random` dialect's drawing functions, used only by parameter `vary:` formulas.
///
/// Each draw goes through `SeededGenerator`'s own bounded-integer and Fisher–Yates code, never the
/// standard library's algorithms, so a seed means the same variant everywhere.
enum RandomFunctions {
    static func call(_ f: String, _ a: [Value], column c: Int, env: Environment) throws(EngineError) -> Value {
        guard let rng = env.rng else {
            if Functions.info(f) != nil {
                throw EngineError(column: c, message: "'\(f)' needs a random seed, which only parameter variants have.")
            }
            throw EngineError.unknownName(f, c)
        }
        switch f {
        case "randint":
            let lo = try Builtins.integer(a[0], c), hi = try Builtins.integer(a[1], c)
            guard lo <= hi else {
                throw EngineError(column: c, message: "'randint' needs a lower bound not above the upper bound.")
            }
            return .number(Double(rng.generator.integer(lo, hi)))
        case "uniform":
            let lo = a[0], hi = a[1]
            var n: Int?
            if a.count == 3 {
                n = try Builtins.integer(a[2], c)
                try Builtins.cap(n ?? 0, c)
                if (n ?? 0) < 0 { throw EngineError(column: c, message: "'uniform' needs a count that is not negative.") }
            } else if case .vector(let v) = lo {
                n = v.count
            } else if case .vector(let v) = hi {
                n = v.count
            }
            guard let count = n else {
                let l = try Builtins.number(lo, c), h = try Builtins.number(hi, c)
                return .number(l + (h - l) * rng.generator.unit())
            }
            let ls = try bounds(lo, count, c), hs = try bounds(hi, count, c)
            var out: [Double] = []
            for i in 0..<count { out.append(ls[i] + (hs[i] - ls[i]) * rng.generator.unit()) }
            return .vector(out)
        case "pick":
            let list = ContentFunctions.items(a[0])
            guard !list.isEmpty else { throw EngineError(column: c, message: "'pick' needs at least one item.") }
            return list[Int(rng.generator.below(UInt64(list.count)))]
        case "sample":
            var list = ContentFunctions.items(a[0])
            let k = try Builtins.integer(a[1], c)
            guard k >= 0 && k <= list.count else {
                throw EngineError(column: c, message: "'sample' cannot take \(k) distinct items from \(list.count).")
            }
            // Partial Fisher–Yates: the first k slots end up a uniform random ordered sample.
            for i in 0..<k {
                let j = i + Int(rng.generator.below(UInt64(list.count - i)))
                list.swapAt(i, j)
            }
            return ContentFunctions.rebuild(Array(list.prefix(k)), like: a[0])
        case "shuffle":
            var list = ContentFunctions.items(a[0])
            rng.generator.shuffle(&list)
            return ContentFunctions.rebuild(list, like: a[0])
        case "bits":
            let n = try Builtins.integer(a[0], c)
            guard n >= 0 else { throw EngineError(column: c, message: "'bits' needs a count that is not negative.") }
            try Builtins.cap(n, c)
            return .vector((0..<n).map { _ in Double(rng.generator.next() >> 63) })
        default:
            throw EngineError.unknownName(f, c)
        }
    }

    private static func bounds(_ v: Value, _ n: Int, _ c: Int) throws(EngineError) -> [Double] {
        switch v {
        case .number(let x): return Array(repeating: x, count: n)
        case .vector(let xs) where xs.count == n: return xs
        default: throw EngineError(column: c, message: "'uniform' bounds must be numbers or vectors of length \(n).")
        }
    }
}
