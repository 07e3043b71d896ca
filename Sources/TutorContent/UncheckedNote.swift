/// One note per error that others depend on: "not checked, as they depend on 'n_in': the question
/// text, 5 derived values, 8 constraints and 7 steps (lines 8-154)", instead of an error for every
/// formula that names it, so the author sees the root cause once and what it held back.
enum UncheckedNote {
    static func notes(for unchecked: [(root: String, line: Int, owner: String)], file: String) -> [Diagnostic] {
        var roots: [String] = []
        for u in unchecked where !roots.contains(u.root) { roots.append(u.root) }
        return roots.map { root in
            let mine = unchecked.filter { $0.root == root }
            let lines = mine.map(\.line)
            let span = lines.min() == lines.max() ? "line \(lines[0])" : "lines \(lines.min()!)-\(lines.max()!)"
            return Diagnostic(
                file: file, line: lines.min() ?? 0,
                message: "not checked, as they depend on '\(root)', which has an error: \(summary(mine.map(\.owner))) (\(span)).",
                severity: .note)
        }
    }

    /// "the question text, 5 derived values, 8 constraints and 7 steps", from the owner of every
    /// formula not checked (a step or the text counts once however many of its formulas were).
    static func summary(_ owners: [String]) -> String {
        let kinds: [(prefix: String, one: String, many: String)] = [
            ("question text", "the question text", "the question text"), ("parameter", "1 parameter", "parameters"),
            ("derived", "1 derived value", "derived values"), ("constraint", "1 constraint", "constraints"),
            ("step", "1 step", "steps")
        ]
        var parts: [String] = []
        for kind in kinds {
            let matching = owners.filter { $0.hasPrefix(kind.prefix) }
            // Constraints have no names: each formula is one constraint.
            let count = kind.prefix == "constraint" ? matching.count : Set(matching).count
            guard count > 0 else { continue }
            if count > 1 {
                parts.append("\(count) \(kind.many)")
            } else {
                let named = name(matching[0])
                parts.append(named.hasPrefix("'") ? "\(kind.one) (\(named))" : kind.one)
            }
        }
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }

    /// `'P'` from "derived 'P'", `'a.total'` from "step 'a.total'".
    private static func name(_ owner: String) -> String {
        guard let open = owner.firstIndex(of: "'") else { return owner }
        return String(owner[open...])
    }
}
