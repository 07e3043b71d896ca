import Foundation
import MathEngine
import Testing

@testable import TutorContent

/// Seeded answer fuzzing: random and mutated answers for every step of the bundled exam (every
/// step kind it uses, on the original and on variants) through `AnswerReader`, `Grader` and
/// `Variant.grade`. Asserts no crash (a trap ends the test run), no hang (each answer within a
/// second, the run within its time cap) and that every invalid verdict points at a 1-based
/// column within the input (at most one past its end, where something is missing).
///
/// `make test` runs a few thousand answers capped to ~4 seconds. A long run, by hand:
///     DLTUTOR_FUZZ_CASES=200000 [DLTUTOR_FUZZ_SEED=n] swift test --disable-xctest --filter AnswerFuzzTests
@Suite struct AnswerFuzzTests {
    static let pieces: [String] = SafetyPieces.all

    /// Every (variant, step) to aim at: the original exam and three variants of each question.
    static let targets: [(Variant, VariantStep)] = loaded.exam.questions.flatMap { q -> [(Variant, VariantStep)] in
        let variants = [nil, 1, 2, 3].compactMap { (seed: UInt64?) in try? q.variant(seed: seed) }
        return variants.flatMap { v in v.steps.map { (v, $0) } }
    }

    /// A correct answer as a student would type it (the starting point for mutations).
    static func typed(_ s: VariantStep) -> String {
        if s.kind == .text { return s.model ?? "" }
        if case .text(let t) = s.expected { return t }
        return s.expected.display
    }

    /// Random pieces, or the correct answer with a few pieces inserted, deleted or replaced.
    static func answer(for s: VariantStep, _ g: inout SeededGenerator) -> String {
        func piece() -> String { pieces[Int(g.below(UInt64(pieces.count)))] }
        if g.below(3) == 0 {
            return (0..<Int(g.below(30))).map { _ in piece() }.joined()
        }
        var chars = Array(typed(s))
        for _ in 0..<(1 + Int(g.below(4))) {
            let at = chars.isEmpty ? 0 : Int(g.below(UInt64(chars.count + 1)))
            switch g.below(5) {
            case 0 where !chars.isEmpty: chars.remove(at: min(at, chars.count - 1))
            case 1 where !chars.isEmpty: chars[min(at, chars.count - 1)] = piece().first ?? Character("x")
            case 2: chars = Array(chars.prefix(at)) // cut short
            case 3: chars += chars.prefix(Int(g.below(8))) // repeated tail
            default: chars.insert(contentsOf: Array(piece()), at: at)
            }
        }
        return String(chars)
    }

    func checkColumn(_ v: Verdict, _ input: String, _ where_: String) {
        if case .invalid(let column, let reason) = v {
            #expect(
                column >= 1 && column <= input.unicodeScalars.count + 1,
                "\(where_): column \(column) for \(input.debugDescription)")
            #expect(!reason.isEmpty)
        }
    }

    @Test func randomAndMutatedAnswersNeverCrashHangOrMisplaceAColumn() {
        let env = ProcessInfo.processInfo.environment["DLTUTOR_FUZZ_CASES"].flatMap(Int.init)
        let cases = env ?? 5000
        let cap: Duration = env == nil ? .seconds(4) : .seconds(3600)
        let clock = ContinuousClock(), start = clock.now
        var g = SeededGenerator(seed: ProcessInfo.processInfo.environment["DLTUTOR_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_260_909)
        var run = 0, invalid = 0, correct = 0, slowest = Duration.zero
        var kinds = Set<String>()
        while run < cases, clock.now - start < cap {
            let (variant, step) = Self.targets[run % Self.targets.count]
            let input = Self.answer(for: step, &g)
            let t = clock.now
            let live = AnswerReader.read(input, as: step.answerKind, log: .natural)
            if case .invalid(let column, _) = live {
                #expect(column >= 1 && column <= input.unicodeScalars.count + 1, "live \(step.id): \(input.debugDescription)")
            }
            let direct = Grader.grade(
                input: input, kind: step.answerKind, expected: step.expected, rule: step.tolerance,
                mistakes: step.mistakes, alternatives: step.alternatives, definitions: step.definitions)
            checkColumn(direct, input, "Grader \(variant.id)/\(step.id)")
            let verdict = variant.grade(step: step.id, input: input)
            checkColumn(verdict, input, "Variant.grade \(variant.id)/\(step.id)")
            slowest = max(slowest, clock.now - t)
            if case .invalid = verdict { invalid += 1 }
            if verdict.isCorrect { correct += 1 }
            kinds.insert("\(step.kind)")
            run += 1
        }
        #expect(slowest < .seconds(1), "one answer took \(slowest)")
        #expect(run >= min(cases, 500), "the cap leaves a real number of cases: \(run)")
        #expect(invalid > 0 && correct > 0 && run - invalid - correct > 0, "all outcomes occur")
        #expect(kinds.count >= 5, "step kinds covered: \(kinds.sorted())")
        print(
            "answer fuzz: \(run) answers (\(Self.targets.count) steps, kinds \(kinds.sorted().joined(separator: " "))), "
                + "\(invalid) invalid, \(correct) correct, slowest \(slowest), total \(clock.now - start); no crash, no hang")
    }
}

extension AnswerFuzzTests {
    /// Found by the 200,000-answer run: a non-whole number just under 1e15 trapped the live
    /// preview (its 4-decimal units overflowed an Int64) on every keystroke.
    @Test func aHugeNonWholeNumberPreviewsInsteadOfTrapping() {
        for text in ["999999999999999.5", "-923456789012345.7", "9.3e14 + 0.5"] {
            guard case .valid(_, let preview) = AnswerReader.read(text, as: .number) else {
                Issue.record("\(text) reads as a number")
                continue
            }
            #expect(preview.contains("e14") || preview.contains("e15"), "scientific: \(text): \(preview)")
        }
    }
}

/// Pieces answers are built from: digits, operators, brackets, words the readers know, and
/// hostile characters (NUL, DEL, combining marks, emoji, huge numbers).
enum SafetyPieces {
    static let all: [String] = [
        "0", "1", "9", ".", "e", "E", "-", "−", "+", "*", "/", "^", "%", "²", "³", "×", "·", "÷", "(", ")", "[", "]",
        "{", "}", ",", ";", " ", "x", "by", "n", "a", "z", "ln", "log", "tanh", "sech²", "σ", "π", "pi", "diag",
        "round", "sqrt", "min", "\"", "<", "=", "!", "and", "not", "vector", "scalar", "node", "1e308", "9^9^9",
        "\u{0}", "\u{7F}", "é", "🙂", "\u{301}", "\t", "\n", "\r", "_", "@", "#", "'", "a)", "(b)", "increased",
        "1e19", "-1e400", "0.000000000000000000001", "99999999999999999999", "[[", "]]", "x^(4)", "sample"
    ]
}
