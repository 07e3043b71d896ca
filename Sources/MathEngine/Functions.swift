/// The function table: which names exist, in which dialect, with how many arguments.
///
/// The parser consults it to tell a call from implicit multiplication (`n(n+1)`), to report
/// "'dense_params' is not available in answers." with a column, and to check argument counts
/// before evaluation; the evaluator then only dispatches on the name.
enum Functions {
    struct Info: Sendable {
        var dialect: Dialect
        var minArgs: Int
        var maxArgs: Int
    }

    /// Largest vector, list or shape any formula or answer may build.
    static let maxEntries = 10_000

    private static let many = Int.max

    static let table: [String: Info] = {
        var t: [String: Info] = [:]
        func add(_ names: [String], _ d: Dialect, _ lo: Int, _ hi: Int) {
            for n in names { t[n] = Info(dialect: d, minArgs: lo, maxArgs: hi) }
        }
        add(
            [
                "ln", "log10", "log2", "exp", "sqrt", "abs", "tanh", "sinh", "cosh", "sech", "sigmoid", "σ",
                "floor", "ceil", "sin", "cos", "tan"
            ], .student, 1, 1)
        add(["log", "round"], .student, 1, 2)
        add(["min", "max", "diag"], .student, 1, many)
        // `sum` and `mean` are plain arithmetic, so the calculator line (student dialect) has them.
        add(["sum", "mean"], .student, 1, 1)
        add(
            [
                "prod", "len", "argmax", "argmin", "indices", "frac", "dense_params", "sort", "ordinal", "weight_shapes",
                "shape_params"
            ], .content, 1, 1)
        add(["range", "fill", "at", "prefix_each"], .content, 2, 2)
        add(["if", "insert"], .content, 3, 3)
        add(["shape", "set", "vec"], .content, 0, many)
        add(["concat"], .content, 1, many)
        add(["randint", "sample"], .random, 2, 2)
        add(["uniform"], .random, 2, 3)
        add(["pick", "shuffle", "bits"], .random, 1, 1)
        return t
    }()

    static func info(_ name: String) -> Info? { table[name] }

    /// `e`, `pi` and `π`: names that are never free variables.
    static func isConstant(_ name: String) -> Bool { name == "e" || name == "pi" || name == "π" }

    static func constant(_ name: String) -> Double? {
        switch name {
        case "e": 2.718281828459045
        case "pi", "π": Double.pi
        default: nil
        }
    }

    static func arityMessage(_ name: String, _ info: Info, _ got: Int) -> String {
        let wanted: String
        if info.minArgs == info.maxArgs {
            wanted = info.minArgs == 1 ? "1 argument" : "\(info.minArgs) arguments"
        } else if info.maxArgs == many {
            wanted = "at least \(info.minArgs) argument" + (info.minArgs == 1 ? "" : "s")
        } else {
            wanted = "\(info.minArgs) or \(info.maxArgs) arguments"
        }
        return "'\(name)' takes \(wanted), not \(got)."
    }
}
