import MathEngine
import TutorContent

/// Lint's proof that no text shown before a step is answered gives an answer away.
///
/// For a variant, every text the tutor can show while a step is still open is read with
/// `AnswerLeak`: the answer field's example and the help tip (no answer of any step, not even one
/// the question states), and, where numbers the question itself prints count as data, each step's
/// prompt, its options, its hints and the feedback to each named mistake (which may repeat the
/// student's own wrong value). Each must not state the answer of any step the student may not yet
/// have given: the step itself and every other step, since a student can take them in any order.
/// Pictures are checked the same way, drawn by the terminal layer (`PictureLint`).
public enum LeakLint {
    /// One place where a shown text states an answer.
    public struct Leak: Sendable, Equatable {
        /// The step whose text it is ("(help)", "(picture)" for the screen's own), and which text
        /// ("prompt", "option b", "feedback to mistake 2", …).
        public let step: String
        public let place: String
        /// The step whose answer it states.
        public let answerOf: String
        public let line: Int

        public init(step: String, place: String, answerOf: String, line: Int) {
            self.step = step
            self.place = place
            self.answerOf = answerOf
            self.line = line
        }

        public var message: String {
            let whose = answerOf == step ? "its own answer" : "the answer of step '\(answerOf)'"
            let whereShown = step.hasPrefix("(") ? "the \(place)" : "step '\(step)': the \(place)"
            return "\(whereShown) states \(whose) before it is earned."
        }
    }

    /// Every leak in `v`'s texts.
    public static func leaks(in v: Variant) -> [Leak] {
        var out: [Leak] = []
        let scan = AnswerLeak(questionText: v.text)
        let checked = v.steps.filter { $0.kind != .text }
        let tip = FormatExample.helpTip(for: v)
        for id in AnswerLeak().answersStated(in: tip, among: checked, ownStep: nil) {
            out.append(Leak(step: "(help)", place: "help screen's tip", answerOf: id, line: v.question.line))
        }
        for (spec, s) in zip(v.question.steps, v.steps) {
            func check(_ text: String, _ place: String, line: Int, strict: Bool = false, own: [Value] = []) {
                let reader = strict ? AnswerLeak() : scan
                for id in reader.answersStated(in: text, among: checked, ownStep: s.id, own: own) {
                    out.append(Leak(step: s.id, place: place, answerOf: id, line: line))
                }
            }
            check(FormatExample.placeholder(for: s, in: v), "answer-field example", line: spec.line, strict: true)
            check(s.prompt, "prompt", line: spec.line)
            check(s.label, "step label", line: spec.line)
            // A choice step's own answer is one of its options by design, and another choice
            // step's answer may stand among its options as a distractor (both steps offer it);
            // any other step's answer may not.
            let nonChoice = checked.filter { $0.kind != .choice }
            for (i, option) in s.options.enumerated() {
                for id in scan.answersStated(in: option, among: nonChoice, ownStep: nil) {
                    out.append(Leak(step: s.id, place: "option \(ChoiceOrder.letter(i))", answerOf: id, line: spec.line))
                }
            }
            for (i, hint) in s.hints.enumerated() {
                check(hint, "hint \(i + 1)", line: spec.line)
            }
            for m in s.mistakes {
                let number = m.fileNumber
                let line = spec.mistakes.indices.contains(number - 1) ? spec.mistakes[number - 1].value.line : spec.line
                check(m.explanation, "feedback to mistake \(number)", line: line, own: [m.value])
            }
        }
        return out
    }

    /// Lint diagnostics for `q`: each leak of the original exam, then each leak found in random
    /// variants once, with the number of seeds it occurs in.
    static func check(_ q: Question, seeds: Int, extra: @escaping @Sendable (Variant) -> [Leak] = { _ in [] }) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let all: (Variant) -> [Leak] = { leaks(in: $0) + extra($0) }
        if let v = try? q.variant() {
            for l in all(v) {
                out.append(Diagnostic(file: q.file, line: l.line, message: l.message + " (original exam)"))
            }
        }
        var counts: [String: (line: Int, count: Int, example: UInt64)] = [:]
        for seed in 1...UInt64(max(seeds, 1)) {
            guard let v = try? q.variant(seed: seed) else { continue }
            for l in Set(all(v).map { LeakKey(message: $0.message, line: $0.line) }) {
                let prev = counts[l.message]
                counts[l.message] = (l.line, (prev?.count ?? 0) + 1, prev?.example ?? seed)
            }
        }
        for (message, c) in counts.sorted(by: { $0.key < $1.key }) {
            out.append(
                Diagnostic(
                    file: q.file, line: c.line, message: "\(message) (in \(c.count) of \(seeds) seeds, e.g. seed \(c.example))"))
        }
        return out
    }

    private struct LeakKey: Hashable { let message: String; let line: Int }
}
