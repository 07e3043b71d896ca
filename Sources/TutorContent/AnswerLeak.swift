import MathEngine

/// Finds where a text shown to a student states a step's answer.
///
/// A point only means the student knew the answer if nothing on screen said it first: not an
/// example in the answer field, not an option of another step, not the feedback to a wrong try,
/// not a picture label. This reads a text the way a student would skim it, for the numbers,
/// shapes (`4×8`, `(256, 1025)`), bracketed vectors and sets, option texts, list items and
/// formulas in it, and compares each with a step's answer under that step's own rule.
///
/// `given` holds what the question itself states (its text): a number printed in the question
/// is data, not a leak, even when it equals an answer (Q4's 256 hidden nodes are z^[1]'s size).
public struct AnswerLeak: Sendable {
    public let given: Set<LeakToken>

    public init(questionText: String) {
        given = Set(LeakToken.scan(questionText))
        givenText = questionText.lowercased()
        strict = false
        tellingNeedles = [:]
    }

    /// A reader for many texts checked against `steps`: which of their text answers are worth
    /// looking for is decided once here, not again for every text (lint reads thousands of texts
    /// per question, and searching the question text for each answer in each was a tenth of it).
    public init(questionText: String, answersOf steps: [VariantStep]) {
        self.init(questionText: questionText)
        var needles: [String: String?] = [:]
        for step in steps {
            for value in [step.expected] + step.alternatives.map(\.value) {
                for item in value.textItems where needles[item] == nil {
                    needles[item] = computedNeedle(item)
                }
            }
        }
        tellingNeedles = needles
    }

    /// No given data, every number counts: for texts that have no reason to contain any answer
    /// (format examples, the help tip, picture labels).
    public init() {
        given = []
        givenText = ""
        strict = true
        tellingNeedles = [:]
    }

    /// Strict readers count small whole numbers too (see `states`).
    public let strict: Bool

    private let givenText: String
    /// `needle(_:)` decided in advance for the answers a reader was made for.
    private var tellingNeedles: [String: String?]

    /// Whether `text` states `step`'s answer (or one of its accepted forms); see `answersStated`.
    public func states(_ step: VariantStep, in text: String, ownStep: Bool = true, own: [Value] = []) -> Bool {
        !answersStated(in: text, among: [step], ownStep: ownStep ? step.id : nil, own: own).isEmpty
    }

    /// The ids of the steps among `steps` whose answer (or an accepted form) `text` states. The
    /// text is read once, however many steps it is checked against.
    ///
    /// `ownStep` names the step the text belongs to (its prompt or its feedback). Small whole
    /// numbers (up to 12: sample numbers, "2 decimal places", class counts) are in almost every
    /// sentence, so they count as stating an answer only for that step, or for every step when the
    /// reader is `strict` (examples and the help tip, which have no reason to print any answer).
    /// `own` lists values the text may repeat, such as the student's own wrong value in the
    /// feedback to it, or answers the student has already earned. `countSmallNumbers` makes small
    /// numbers count for every step (picture labels: a picture has no "2 decimal places").
    public func answersStated(
        in text: String, among steps: [VariantStep], ownStep: String?, own: [Value] = [],
        countSmallNumbers: Bool = false
    ) -> [String] {
        answersStated(
            in: ScannedText(text), among: steps, ownStep: ownStep, own: own, countSmallNumbers: countSmallNumbers)
    }

    /// `answersStated` for a text already read: a text checked again and again (a picture that
    /// did not change when a step was answered) is tokenised and lower-cased once.
    public func answersStated(
        in scanned: ScannedText, among steps: [VariantStep], ownStep: String?, own: [Value] = [],
        countSmallNumbers: Bool = false
    ) -> [String] {
        let text = scanned.text
        let ownNumbers = own.flatMap(\.numbers)
        let tokens = scanned.tokens.filter { tok in
            if given.contains(tok) { return false }
            guard case .number(let t, _) = tok else { return true }
            // The student's own value, as typed or rounded in the sentence.
            return !ownNumbers.contains { abs($0 - t) <= 0.005 * max(1, abs($0)) }
        }
        let withoutSmall =
            strict || countSmallNumbers
            ? tokens
            : tokens.filter { tok in
                guard case .number(let t, _) = tok else { return true }
                return !(t == t.rounded() && abs(t) <= 12)
            }
        let lower = scanned.lowered
        var out: [String] = []
        for step in steps where step.kind != .text {
            let seen = step.id == ownStep ? tokens : withoutSmall
            for value in [step.expected] + step.alternatives.map(\.value)
            where states(value, step: step, tokens: seen, lowered: lower, text: text) {
                out.append(step.id)
                break
            }
        }
        return out
    }

    private func states(_ value: Value, step: VariantStep, tokens: [LeakToken], lowered: LazyLowercase, text: String) -> Bool {
        let rule: Tolerance = step.kind == .integer ? .exact : step.tolerance
        // A whole number in a sentence ("2 decimal places") does not state a fraction however
        // loose the step's tolerance; a decimal states a value it equals under the step's rule.
        func numberMatches(_ t: Double, _ x: Double) -> Bool {
            if t == t.rounded() && x != x.rounded() { return false }
            return rule.matches(.number(t), .number(x)) || Tolerance.exact.matches(.number(t), .number(x))
        }
        switch value {
        case .number(let x):
            return tokens.contains { tok in
                guard case .number(let t, let percent) = tok else { return false }
                if percent { return abs(t / 100 - x) < 0.005 }
                return numberMatches(t, x)
            }
        case .vector(let xs), .set(let xs):
            let whole = tokens.contains { tok in
                guard case .list(let ys) = tok, ys.count == xs.count else { return false }
                return zip(ys, xs).allSatisfy { numberMatches($0, $1) }
            }
            if whole { return true }
            // A single entry gives part of the answer away, unless it is a small whole number that
            // any text could contain for other reasons (labels 0/1, node numbers).
            let telling = xs.filter { $0 != $0.rounded() }
            return tokens.contains { tok in
                guard case .number(let t, false) = tok else { return false }
                return telling.contains { numberMatches(t, $0) }
            }
        case .matrix(let rows):
            return states(.vector(rows.flatMap { $0 }), step: step, tokens: tokens, lowered: lowered, text: text)
        case .shape(let dims):
            if dims.isEmpty { return lowered.value.has("scalar") && !givenText.has("scalar") }
            return tokens.contains { tok in
                switch tok {
                case .shape(let d): return d == dims || (dims.count == 1 && d == dims + [1])
                case .number(let t, false): return dims.count == 1 && t == Double(dims[0])
                default: return false
                }
            }
        case .list(let items):
            if items.contains(where: { if case .shape = $0 { return true } else { return false } }) {
                return items.contains { states($0, step: step, tokens: tokens, lowered: lowered, text: text) }
            }
            // A list of names (encoded features) is stated when every name the question does not
            // print appears; one name alone is how later parts refer to a feature.
            let names = items.compactMap { item -> String? in
                if case .text(let s) = item { return needle(s) }
                return nil
            }
            return !names.isEmpty && names.allSatisfy { lowered.value.has($0) }
        case .text(let s):
            if case .expression = step.answerKind { return statesFormula(s, step: step, text: text) }
            guard let needle = needle(s) else { return false }
            return lowered.value.has(needle)
        }
    }

    /// A text item's lower-case form when it is worth looking for: long enough not to occur by
    /// chance, and not in the question; nil otherwise.
    private func needle(_ s: String) -> String? {
        if let known = tellingNeedles[s] { return known }
        return computedNeedle(s)
    }

    private func computedNeedle(_ s: String) -> String? {
        guard s.count >= 4 else { return nil }
        let lower = s.lowercased()
        return givenText.has(lower) ? nil : lower
    }

    /// Whether some run of formula characters in `text` is the same function as the answer.
    private func statesFormula(_ answer: String, step: VariantStep, text: String) -> Bool {
        guard case .expression(let variables) = step.answerKind else { return false }
        guard Self.mayHoldFormula(text, variables: variables) else { return false }
        // Runs of formula characters, read scalar by scalar (a picture's text is long).
        let allowed = Set("0123456789.+-−*/^()·× ²³".unicodeScalars).union(variables.flatMap(\.unicodeScalars))
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if (c.value >= 0x61 && c.value <= 0x7A) || allowed.contains(c) {
                current.append(c)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        runs.append(String(current))
        for run in runs {
            let trimmed = run.trimmedSpaces
            guard variables.contains(where: { trimmed.contains($0) }), trimmed.count >= 3 else { continue }
            // Try every span of whole words, so "Shallow: 20n + 3(n+1) ≤ ?" and "23n + 3
            // parameters" both find the formula among the words around it.
            let words = trimmed.split(separator: " ").prefix(24).map(String.init)
            // Only spans of formula-like words (numbers, operators, the variables, functions)
            // can be a formula; prose words end a span. This keeps lint's scan cheap.
            let formulaLike = words.map { Self.isFormulaWord($0, variables: variables) }
            for from in words.indices where formulaLike[from] {
                guard let first = words[from].first,
                    first.isNumber || first == "(" || first == "-" || first == "−"
                        || variables.contains(where: { words[from].hasPrefix($0) })
                else { continue }
                var last = from
                while last + 1 < words.count, formulaLike[last + 1] { last += 1 }
                for to in stride(from: last + 1, to: from, by: -1) {
                    let candidate = words[from..<to].joined(separator: " ")
                    guard let expr = try? Parser.parse(candidate, dialect: .student),
                        !expr.variables.isEmpty, expr.variables.isSubset(of: Set(variables))
                    else { continue }
                    let verdict = Grader.grade(
                        input: candidate, kind: step.answerKind, expected: .text(answer),
                        rule: step.tolerance, definitions: step.definitions)
                    if verdict == .correct { return true }
                }
            }
        }
        return false
    }
}

/// A text read once for leaks: its tokens, and its lower-case form once a check needs it.
public struct ScannedText {
    public let text: String
    let tokens: [LeakToken]
    let lowered: LazyLowercase

    public init(_ text: String) {
        self.text = text
        tokens = LeakToken.scan(text)
        lowered = LazyLowercase(text)
    }
}

/// A text's lower-case form, made on first use: most texts are read only for numbers, and
/// lower-casing every picture's braille and box-drawing text was an eighth of lint's time.
final class LazyLowercase {
    let text: String
    private var cached: String?

    init(_ text: String) { self.text = text }

    var value: String {
        if let cached { return cached }
        let lower = text.lowercased()
        cached = lower
        return lower
    }
}

extension AnswerLeak {
    static let functionNames: Set<String> = [
        "ln", "log", "exp", "sqrt", "abs", "tanh", "sinh", "cosh", "sech",
        "sigmoid", "min", "max", "floor", "ceil", "round", "pi", "e"
    ]

    /// A cheap first look: a formula in one-letter variables has one of them next to a digit, an
    /// operator or a bracket (`20n`, `(n+1)`, `tanh²(z)`); a text with none is not read further.
    static func mayHoldFormula(_ text: String, variables: [String]) -> Bool {
        guard variables.allSatisfy({ $0.unicodeScalars.count == 1 }) else { return true }
        let names = variables.compactMap(\.unicodeScalars.first)
        func formulaMark(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 48 && c.value <= 57) || formulaMarks.contains(c)
        }
        // One pass, no copy: a name with a mark just before it, or a mark just after one.
        var previous: Unicode.Scalar? = nil
        var previousIsName = false
        for c in text.unicodeScalars {
            if previousIsName && formulaMark(c) { return true }
            let isName = names.contains(c)
            if isName, let previous, formulaMark(previous) { return true }
            previousIsName = isName
            previous = c
        }
        return false
    }

    static let formulaMarks = Array("+-−*/^()·×²³".unicodeScalars)

    /// Whether every run of letters in `word` is one of the formula's variables or a function.
    static func isFormulaWord(_ word: String, variables: [String]) -> Bool {
        var letters = ""
        for ch in word + " " {
            if ch.isLetter {
                letters.append(ch)
            } else if !letters.isEmpty {
                if !variables.contains(letters) && !functionNames.contains(letters) { return false }
                letters = ""
            }
        }
        return true
    }
}

private extension String {
    var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension Value {
    /// Every text in the value (a text answer, a list's names).
    var textItems: [String] {
        switch self {
        case .text(let s): [s]
        case .list(let items): items.flatMap(\.textItems)
        default: []
        }
    }

    /// Every number in the value (entries of vectors, matrices, sets, shapes and lists).
    package var numbers: [Double] {
        switch self {
        case .number(let x): [x]
        case .vector(let xs), .set(let xs): xs
        case .matrix(let rows): rows.flatMap { $0 }
        case .shape(let dims): dims.map(Double.init)
        case .list(let items): items.flatMap(\.numbers)
        case .text: []
        }
    }
}

extension String {
    /// Substring search on UTF-8 bytes, in place (the texts are short; this avoids Foundation's
    /// bridging and copying either text into an array, which dominated lint's time).
    package func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first, n.count <= h.count else { return n.isEmpty }
                var i = 0
                let last = h.count - n.count
                outer: while i <= last {
                    if h[i] != first {
                        i += 1
                        continue
                    }
                    var j = 1
                    while j < n.count {
                        if h[i + j] != n[j] {
                            i += 1
                            continue outer
                        }
                        j += 1
                    }
                    return true
                }
                return false
            }
        }
    }
}
