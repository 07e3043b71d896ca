import TutorCLI

/// Numeric options given a negative number (`--seed -1`, `--minutes -1`). ArgumentParser reads
/// `-1` as an option of its own and says "Missing value", which sends the user looking for a
/// value they did give; none of these options takes a negative number, so it is "out of range".
enum NumericOptions {
    /// The options that take a number.
    static let names = ["--seed", "--minutes", "--reveal-after", "--max", "--auto", "--seeds", "--busy-timeout"]

    /// The message for the first negative value given to a numeric option, nil when there is
    /// none. Words after `--` are answers, never options.
    static func negativeValue(in arguments: [String]) -> String? {
        var previous: String?
        for word in arguments {
            if word == "--" { return nil }
            var name = previous, value = word
            if previous == nil, let eq = word.firstIndex(of: "="), names.contains(String(word[..<eq])) {
                name = String(word[..<eq])
                value = String(word[word.index(after: eq)...])
            }
            if let name, isNegativeNumber(value) {
                return "\(name) \(value) is out of range: \(name) cannot be negative."
            }
            previous = names.contains(word) ? word : nil
        }
        return nil
    }

    /// `-1`, `-0.5`, `-.5`: a minus sign then a digit or a decimal point.
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let rest = word.dropFirst()
        return rest.allSatisfy { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" } && rest.contains { $0.isNumber }
    }
}
