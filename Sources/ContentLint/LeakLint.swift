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

        /// "step 'a': the hint 2 states the answer of step 'b' before it is earned", without a
        /// full stop, so lint can add where it happens.
        public var statement: String {
            let whose = answerOf == step ? "its own answer" : "the answer of step '\(answerOf)'"
            let whereShown = step.hasPrefix("(") ? "the \(place)" : "step '\(step)': the \(place)"
            return "\(whereShown) states \(whose) before it is earned"
        }

        public var message: String { statement + "." }
    }

    /// Every leak in `v`'s texts.
    public static func leaks(in v: Variant) -> [Leak] {
        var out: [Leak] = []
        let scan = AnswerLeak(questionText: v.text, answersOf: v.steps)
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
            check(s.prompt, "prompt", line: LeakLintLines.prompt(spec))
            check(s.label, "step label", line: spec.line)
            // A choice step's own answer is one of its options by design, and another choice
            // step's answer may stand among its options as a distractor (both steps offer it);
            // any other step's answer may not.
            let nonChoice = checked.filter { $0.kind != .choice }
            for option in s.options {
                for id in scan.answersStated(in: option, among: nonChoice, ownStep: nil) {
                    let (place, line) = LeakLintLines.option(spec, shown: option, in: v)
                    out.append(Leak(step: s.id, place: place, answerOf: id, line: line))
                }
            }
            for (i, hint) in s.hints.enumerated() {
                check(hint, "hint \(i + 1)", line: LeakLintLines.hint(spec, i))
            }
            for m in s.mistakes {
                let number = m.fileNumber
                check(
                    m.explanation, "feedback to mistake \(number)", line: LeakLintLines.mistake(spec, number: number),
                    own: [m.value])
            }
        }
        return out
    }

    /// Lint diagnostics for `q`: one per leaking text and answer, at the text's line, saying
    /// where it happens ("original exam and 42 of 500 seeds, e.g. seed 7").
    static func check(_ q: Question, seeds: Int, extra: @escaping @Sendable (Variant) -> [Leak] = { _ in [] }) -> [Diagnostic] {
        check(q, variants: LintVariants(q, seeds: seeds), extra: extra)
    }

    static func check(_ q: Question, variants: LintVariants, extra: (Variant) -> [Leak]) -> [Diagnostic] {
        var found: [LeakKey: LintOccurrence] = [:]
        var order: [LeakKey] = []
        let pictureLine = LeakLintLines.picture(q)
        for v in variants.all {
            // One count per variant, however many passes report the same text.
            let keys = (leaks(in: v) + extra(v)).map { l in
                LeakKey(message: l.statement, line: l.step == "(picture)" ? pictureLine : l.line)
            }
            var counted: Set<LeakKey> = []
            for key in keys where counted.insert(key).inserted {
                if found[key] == nil { order.append(key) }
                found[key, default: LintOccurrence()].add(v)
            }
        }
        return order.map { key in
            Diagnostic(file: q.file, line: key.line, message: "\(key.message) (\(found[key]!.place(seeds: variants.seeds))).")
        }
    }

    private struct LeakKey: Hashable {
        let message: String
        let line: Int
    }
}
