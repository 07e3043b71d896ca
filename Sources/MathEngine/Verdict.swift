/// A common mistake a step can diagnose: the value it produces and the sentence the student sees.
public struct Mistake: Sendable, Hashable {
    public var id: String?
    public var value: Value
    public var explanation: String

    public init(id: String? = nil, value: Value, explanation: String) {
        self.id = id
        self.value = value
        self.explanation = explanation
    }
}

/// Another correct form of the answer (e.g. `50` for 50%), with the note the student sees.
public struct Alternative: Sendable, Hashable {
    public var value: Value
    public var note: String

    public init(value: Value, note: String) {
        self.value = value
        self.note = note
    }
}

/// Which entries of a vector or matrix answer are wrong (0-based).
public enum EntryIndex: Sendable, Hashable {
    case entry(Int)
    case cell(row: Int, column: Int)
}

/// The outcome of grading one submitted answer.
public enum Verdict: Sendable, Equatable {
    case correct
    case correctAlternative(note: String)
    /// Wrong against the key, but right given the student's own earlier answers.
    case carriedForward
    /// `mistakes`: every named mistake the answer matches (may be empty); `wrongEntries`: entries
    /// that differ when the sizes agree; `reason`: a sentence when the sizes or kinds differ.
    case incorrect(mistakes: [Mistake], wrongEntries: [EntryIndex], reason: String?)
    case invalid(column: Int, reason: String)
    /// The right value given at fewer places than a `dp N` / `sf N` step asks (1.42 for 1.417 at
    /// `dp 3`); `asked` says what to give ("3 decimal places"). Not yet an answer: like an
    /// unreadable one it costs no try and is recorded nowhere, since the method was right.
    case imprecise(asked: String)

    public var isCorrect: Bool {
        switch self {
        case .correct, .correctAlternative, .carriedForward: true
        case .incorrect, .invalid, .imprecise: false
        }
    }

    /// Whether the verdict is a try that counts (recorded, scored, penalised when wrong): false
    /// for an unreadable answer and for the right value at too few places, both of which ask the
    /// student to fix the typed text rather than the method.
    public var countsAsTry: Bool {
        switch self {
        case .invalid, .imprecise: false
        case .correct, .correctAlternative, .carriedForward, .incorrect: true
        }
    }

    /// What the student sees: one or two sentences.
    public var message: String {
        switch self {
        case .correct:
            return "Correct."
        case .correctAlternative(let note):
            return "Correct (\(Verdict.clause(note)))."
        case .carriedForward:
            return "Correct, given your earlier answer (error carried forward)."
        case .incorrect(let mistakes, let wrong, let reason):
            if mistakes.count == 1 { return "Not quite. " + Verdict.sentence(mistakes[0].explanation) }
            if mistakes.count > 1 {
                return "This matches more than one common mistake: "
                    + mistakes.map { Verdict.clause($0.explanation) }.joined(separator: "; or ") + "."
            }
            if let reason { return "Not quite. " + reason }
            if !wrong.isEmpty { return "Not quite: " + Verdict.describe(wrong) + "." }
            return "Not quite."
        case .invalid(_, let reason):
            return reason
        case .imprecise(let asked):
            return "Right value; give \(asked)."
        }
    }

    static func clause(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last == "." || last == " " { t.removeLast() }
        return String(t)
    }

    static func sentence(_ s: String) -> String {
        let t = clause(s)
        guard !t.isEmpty else { return "" }
        return English.capitalisingFirstWord(t) + "."
    }

    /// "entry 2 is wrong", "entries 2 and 4 are wrong", "entries (1, 2), (3, 3) are wrong" (1-based).
    static func describe(_ wrong: [EntryIndex]) -> String {
        let names = wrong.map { e -> String in
            switch e {
            case .entry(let i): String(i + 1)
            case .cell(let r, let c): "(\(r + 1), \(c + 1))"
            }
        }
        if names.count == 1 { return "entry \(names[0]) is wrong" }
        let list = names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        return "entries \(list) are wrong"
    }
}

extension Verdict {
    /// The word this verdict is stored and reported under.
    public var kind: VerdictKind {
        switch self {
        case .correct: .correct
        case .correctAlternative: .correctAlternative
        case .carriedForward: .carriedForward
        case .incorrect(let ms, _, _): ms.isEmpty ? .incorrect : .namedMistake
        case .invalid: .invalid
        case .imprecise: .imprecise
        }
    }

    /// A stable one-word name for storage and reports: `kind`'s stored string.
    public var shortName: String { kind.rawValue }
}
