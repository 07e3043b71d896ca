import MathEngine
import TutorContent

/// Lint's proof of what `LeakLint` leaves open:
///
/// - A hint states its own step's value even when the question prints it ("The hidden layer has
///   256 nodes." for a step that asks to read that width off): hints teach the method, the value
///   is the reveal's.
/// - Formulas written with subscripts (`1 − tanh²(z_i)`) state an expression step's answer: the
///   subscripts are read away before looking for formulas.
/// - A hint whose numbers add (or multiply) up to its own step's answer states it.
/// - A prompt, hint or mistake feedback that names a choice step's answer alone tells which
///   option is right.
/// - A review or drill "Given" line never states its step's own answer (`Variant.givenLines`).
/// - A model answer or worked step that states another step's answer is held back until that
///   step is done; `heldTexts` counts them, so the note can say how many texts the rule holds.
public enum EarnedLeakLint {
    /// The extra leaks of one variant.
    public static func leaks(in v: Variant) -> [LeakLint.Leak] {
        var out: [LeakLint.Leak] = []
        let scan = AnswerLeak(questionText: v.text, answersOf: v.steps)
        let checked = v.steps.filter { $0.kind != .text }
        let formulaSteps = checked.filter { if case .expression = $0.answerKind { true } else { false } }
        for (spec, s) in zip(v.question.steps, v.steps) {
            for (i, hint) in s.hints.enumerated() where s.kind != .text && AnswerLeak().states(s, in: standalone(hint)) {
                out.append(LeakLint.Leak(step: s.id, place: "hint \(i + 1)", answerOf: s.id, line: LeakLintLines.hint(spec, i)))
            }
            for (text, place, line) in shownBefore(s, spec) {
                let plain = withoutSubscripts(text)
                guard plain != text else { continue }
                let own = s.kind == .expression ? [] : [s.id]
                for id in scan.answersStated(in: plain, among: formulaSteps, ownStep: s.id) where !own.contains(id) {
                    out.append(LeakLint.Leak(step: s.id, place: place, answerOf: id, line: line))
                }
            }
            for (i, hint) in s.hints.enumerated() where statesBySum(hint, s) {
                out.append(LeakLint.Leak(step: s.id, place: "hint \(i + 1)", answerOf: s.id, line: LeakLintLines.hint(spec, i)))
            }
            for c in checked where c.kind == .choice && c.id != s.id {
                // Feedback may repeat what the student typed: a mistake whose own value holds the
                // name (the raw column list) is the student's word, not a leak.
                let answer = c.expected.textValue?.lowercased() ?? ""
                let feedback = s.mistakes.filter { !$0.value.display.lowercased().has(answer) }.map {
                    ($0.explanation, "feedback to mistake \($0.fileNumber)", LeakLintLines.mistake(spec, number: $0.fileNumber))
                }
                for (text, place, line) in shownBefore(s, spec, mistakes: false) + feedback where namesAlone(c, in: text) {
                    out.append(LeakLint.Leak(step: s.id, place: place, answerOf: c.id, line: line))
                }
            }
            for option in s.options {
                for c in checked where statesChoiceAnswer(option, of: c, besides: s) {
                    let (place, line) = LeakLintLines.option(spec, shown: option, in: v)
                    out.append(LeakLint.Leak(step: s.id, place: place, answerOf: c.id, line: line))
                }
            }
            for line in v.givenLines(for: s.id) where s.kind != .text && AnswerLeak().states(s, in: line) {
                out.append(LeakLint.Leak(step: s.id, place: "review's given line", answerOf: s.id, line: spec.line))
            }
        }
        return out
    }

    /// The prompt, the hints and (with `mistakes`) the feedback to each named mistake of `s`, each
    /// with what it is and its file line.
    static func shownBefore(_ s: VariantStep, _ spec: Step, mistakes: Bool = true) -> [(String, String, Int)] {
        var texts = [(s.prompt, "prompt", LeakLintLines.prompt(spec))]
        texts += s.hints.enumerated().map { ($1, "hint \($0 + 1)", LeakLintLines.hint(spec, $0)) }
        guard mistakes else { return texts }
        return texts
            + s.mistakes.map {
                ($0.explanation, "feedback to mistake \($0.fileNumber)", LeakLintLines.mistake(spec, number: $0.fileNumber))
            }
    }

    /// Model answers and worked steps of `v` that state another step's answer (each is shown only
    /// once those steps are done).
    public static func heldTexts(in v: Variant) -> Int {
        v.steps.reduce(0) { n, s in
            let model = s.model.map { v.stepsStated(in: $0, except: s.id).isEmpty ? 0 : 1 } ?? 0
            let worked = v.stepsStated(in: s.solution, except: s.id).isEmpty ? 0 : 1
            return n + model + worked
        }
    }

    /// A hint that puts two numbers side by side whose sum or product is its own step's whole-
    /// number answer ("5 numeric features + 2 one-hot columns" for 7) states it.
    static func statesBySum(_ hint: String, _ s: VariantStep) -> Bool {
        guard s.kind == .integer || s.kind == .number, case .number(let x) = s.expected, x == x.rounded() else { return false }
        let numbers = LeakToken.scan(hint).compactMap { tok -> Double? in
            if case .number(let t, false) = tok { return t } else { return nil }
        }
        for i in numbers.indices {
            for j in numbers.indices where j > i && (numbers[i] + numbers[j] == x || numbers[i] * numbers[j] == x) {
                return true
            }
        }
        return false
    }

    /// A prompt or hint that names a choice step's answer and none of its other options states
    /// which option is right, even when every option is a word of the question ("names like
    /// genderfemale" tells which feature is the categorical one).
    static func namesAlone(_ c: VariantStep, in text: String) -> Bool {
        guard let answer = c.expected.textValue?.lowercased(), answer.count >= 3 else { return false }
        let lower = text.lowercased()
        guard lower.has(answer) else { return false }
        let others = c.options.map { $0.lowercased() }.filter { $0 != answer && $0.count <= 30 }
        return !others.isEmpty && others.count == c.options.count - 1 && !others.contains { lower.has($0) }
    }

    /// The text with every number that is part of a formula or an index blanked out (`k+1`,
    /// `z^[2]`, `x_3`, `10n`): what is left are the numbers a sentence states as values ("has 256
    /// nodes", "There are 3 classes", "4×8"), which count even when the question prints them.
    static func standalone(_ text: String) -> String {
        // Plain ASCII without a digit has no number to blank (most hints).
        if !text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 }) { return text }
        let chars = Array(text)
        var out = chars
        var i = 0
        func isPart(_ c: Character) -> Bool { c.isNumber || c == "." }
        func fine(_ c: Character?, left: Bool) -> Bool {
            guard let c else { return true }
            if c.isWhitespace || c == "×" || c == "x" { return true }
            return left ? c == "(" : ".,;:!?)".contains(c)
        }
        while i < chars.count {
            guard chars[i].isNumber else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, isPart(chars[j]) { j += 1 }
            var end = j
            while end > i, chars[end - 1] == "." { end -= 1 }
            let before = i > 0 ? chars[i - 1] : nil
            let after = end < chars.count ? chars[end] : nil
            if !fine(before, left: true) || !fine(after, left: false) {
                for k in i..<end { out[k] = " " }
            }
            i = j
        }
        return String(out)
    }

    /// An option of `s` that is another choice step's answer, where the two steps do not offer
    /// the same list (a distractor of one reading that is the answer of the next part tells it).
    static func statesChoiceAnswer(_ option: String, of c: VariantStep, besides s: VariantStep) -> Bool {
        guard c.kind == .choice, c.id != s.id, let answer = c.expected.textValue else { return false }
        return option == answer && Set(c.options) != Set(s.options)
    }

    /// `tanh²(z_i)` → `tanh²(z)`: a subscript (`_i`, `_{ij}`, `_1`) names an entry of the
    /// variable, so the formula is the variable's.
    static func withoutSubscripts(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        var out = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            guard c == "_" else {
                out.append(c)
                continue
            }
            if chars.first == "{" {
                while let d = chars.popFirst(), d != "}" {}
            } else {
                while let d = chars.first, d.isLetter || d.isNumber { chars.removeFirst() }
            }
        }
        return out
    }
}
