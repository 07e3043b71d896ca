import Foundation
import MathEngine
import Testing
@testable import TutorContent

/// The words a student reads: no feedback or hint gives the step's answer away, every level a
/// step expects is shown, nothing unrendered reaches the screen, and every named mistake of a
/// variant can be told apart from the others by value.
@Suite struct WordingTests {
    static let seeds: [UInt64] = Array(1...300)

    static func variants(_ q: Question) -> [Variant] {
        [try? q.variant()].compactMap { $0 } + seeds.compactMap { try? q.variant(seed: $0) }
    }

    /// Named mistakes that coincide once those equal to the correct value are left out (the
    /// tutor does not list those: StepInstance), under the step's rule, as lint compares them.
    static func coincidences(_ v: Variant) -> [String] {
        var out: [String] = []
        for s in v.steps {
            let same: (Value, Value) -> Bool = { a, b in
                if s.kind == .expression || s.kind == .choice { return a == b }
                return (s.kind == .integer ? Tolerance.exact : s.tolerance).matches(a, b)
            }
            let listed = s.mistakes.filter { !same($0.value, s.expected) }
            for i in listed.indices { for j in 0..<i where same(listed[i].value, listed[j].value) {
                out.append("\(v.id) \(s.id): \(listed[j].id ?? "?") and \(listed[i].id ?? "?")")
            } }
        }
        return out
    }

    @Test func listedMistakesCanBeToldApartByValue() {
        var found: [String: Int] = [:]
        for q in loaded.exam.questions { for v in Self.variants(q) { for c in Self.coincidences(v) { found[c, default: 0] += 1 } } }
        #expect(found.isEmpty, "\(found.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value)×)" }.joined(separator: "\n"))")
    }

    /// The texts that render the expected value of a numeric step the way a student would type it.
    static func answerTexts(_ s: VariantStep) -> [String] {
        switch s.expected {
        case .number(let x):
            var t = [ValueText.number(x)]
            if x != x.rounded() { t += [ValueText.number(x, decimals: 2), ValueText.number(x, decimals: 4)] }
            if s.kind == .number, x > 0, x < 1 { t.append(ValueText.number(100 * x) + "%") }
            return t
        case .shape(let d) where !d.isEmpty: return [ValueText.format(s.expected), d.map(String.init).joined(separator: " × ")]
        case .vector, .set, .matrix: return [ValueText.format(s.expected), ValueText.format(s.expected, decimals: 2)]
        case .list(let items): return [items.map { ValueText.format($0) }.joined(separator: ", ")]
        case .text(let t) where s.kind == .choice: return [t]
        default: return []
        }
    }

    /// Whether `text` contains `needle` not glued to a digit, letter or '.' on either side.
    static func mentions(_ text: String, _ needle: String) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: needle, range: from..<text.endIndex) {
            let glued: (Character?) -> Bool = { $0.map { $0.isNumber || $0.isLetter || $0 == "." } ?? false }
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !glued(before) && !glued(after) { return true }
            from = text.index(after: r.lowerBound)
        }
        return false
    }

    @Test func feedbackAndHintsDoNotStateTheAnswer() {
        var leaks: Set<String> = []
        for q in loaded.exam.questions {
            for v in Self.variants(q) {
                for s in v.steps where s.kind != .text {
                    let answers = Self.answerTexts(s).filter { $0.count >= 1 }
                    let shown = s.mistakes.map { ("mistake \($0.id ?? "")", $0.explanation) } + s.hints.enumerated().map { ("hint \($0.offset + 1)", $0.element) }
                    for (what, text) in shown {
                        // A number the student can read off the prompt or the question text is no leak.
                        for a in answers where Self.mentions(text, a) && !Self.mentions(s.prompt, a) && !Self.mentions(v.text, a) {
                            leaks.insert("\(v.id) \(s.id) \(what): '\(a)' in \"\(text)\"")
                        }
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.sorted().prefix(60).joined(separator: "\n"))")
    }
}
