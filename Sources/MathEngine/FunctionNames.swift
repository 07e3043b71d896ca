/// The function names a formula may call, for messages that suggest one ("did you mean 'sqrt'?")
/// and for the authors' reference, which lists them all.
public enum FunctionNames {
    /// Every function available in `dialect` (a dialect includes the smaller ones), sorted.
    public static func available(in dialect: Dialect) -> [String] {
        Functions.table.filter { $0.value.dialect <= dialect }.keys.sorted()
    }

    /// The advice for a name written as a call that is no function: a way to write it with the
    /// functions there are, or the nearest function name; nil when nothing is close.
    public static func advice(for name: String, in dialect: Dialect) -> String? {
        if let rewrite = rewrites[name.lowercased()] { return "write \(rewrite)" }
        let candidates = available(in: dialect)
        let scored = candidates.map { ($0, distance(name.lowercased(), $0)) }.filter { $0.1 <= max(1, name.count / 3) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return "did you mean '\(best.0)'?"
    }

    /// Functions other languages have, written with these.
    static let rewrites: [String: String] = [
        "mod": "x - q*floor(x/q) for the remainder of x by q",
        "rem": "x - q*floor(x/q) for the remainder of x by q",
        "dot": "sum(a*b) for the dot product of a and b",
        "pow": "x^y",
        "square": "x^2",
        "length": "len(v)",
        "size": "len(v)",
        "count": "len(v)",
        "average": "mean(v)",
        "avg": "mean(v)",
        "trunc": "floor(x) (for x ≥ 0)",
        "softmax": "exp(z)/sum(exp(z))",
        "relu": "max(0, x) for one number, or if(x > 0, x, 0) entry by entry",
        "sign": "if(x > 0, 1, if(x < 0, -1, 0))",
        "ifelse": "if(c, a, b)",
        "log1p": "ln(1 + x)",
        "exp2": "2^x"
    ]

    /// Edit distance (insertions, deletions, substitutions) between two short names.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...y.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[y.count]
    }
}
