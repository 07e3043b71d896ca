import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLint
@testable import TutorContent

/// The words a student reads: no feedback or hint gives the step's answer away, every level a
/// step expects is shown, nothing unrendered reaches the screen, and every named mistake of a
/// variant can be told apart from the others by value.
@Suite struct WordingTests {
    static let seeds: [UInt64] = Array(1...500)

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
            for i in listed.indices {
                for j in 0..<i where same(listed[i].value, listed[j].value) {
                    out.append("\(v.id) \(s.id): \(listed[j].id ?? "?") and \(listed[i].id ?? "?")")
                }
            }
        }
        return out
    }

    @Test func listedMistakesCanBeToldApartByValue() {
        var found: [String: Int] = [:]
        for q in loaded.exam.questions {
            for v in Self.variants(q) { for c in Self.coincidences(v) { found[c, default: 0] += 1 } }
        }
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
                    let shown =
                        s.mistakes.map { ("mistake \($0.id ?? "")", $0.explanation) }
                        + s.hints.enumerated().map { ("hint \($0.offset + 1)", $0.element) }
                    for (what, text) in shown {
                        // A number the student can read off the prompt or the question text is no leak.
                        for a in answers where Self.mentions(text, a) && !Self.mentions(s.prompt, a) && !Self.mentions(v.text, a)
                        {
                            leaks.insert("\(v.id) \(s.id) \(what): '\(a)' in \"\(text)\"")
                        }
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.sorted().prefix(60).joined(separator: "\n"))")
    }
}

/// Q1: a student who follows the tutor's own steps (per-sample losses to 4 dp, their mean to
/// 2 dp) lands on the accepted mean loss in every variant; the boundary constraint makes it so.
@Suite struct RoundedRouteTests {
    @Test func fourDecimalRouteIsAcceptedAtTwoDecimals() throws {
        for seed in [nil] + (1...500).map(Optional.some) as [UInt64?] {
            let v = try question("q1").variant(seed: seed)
            for (losses, mean) in [("k.per_sample_loss", "k.mean_loss"), ("k1.per_sample_loss", "k1.mean_loss")] {
                let rounded = numbers(v.step(losses)?.expected).map { ($0 * 10_000).rounded() / 10_000 }
                let typed = ValueText.number(rounded.reduce(0, +) / Double(rounded.count), decimals: 2)
                let given: [String: Value] = [losses: .vector(rounded)]
                #expect(
                    v.grade(step: mean, input: typed, given: given).isCorrect,
                    "seed \(String(describing: seed)) \(mean): \(typed)")
            }
        }
    }
}

/// Lint of the texts: a question whose text misses a level a step expects is an error, and so
/// is a `{placeholder}` left in a rendered text; literal braces are not.
@Suite struct TextLintTests {
    @Test func missingLevelIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-levels-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let q2 = try String(contentsOfFile: ExamFolder.sessional1 + "/q2.yaml", encoding: .utf8)
        #expect(q2.contains("\"A, O, B, AB\""))
        // The original exam's gender row loses "male", and bloodtype shows three of four levels.
        let broken = q2.replacingOccurrences(of: "\"A, O, B, AB\"", with: "\"A, O, B\"")
            .replacingOccurrences(of: "\"female, male, male, female\"", with: "\"female, female\"")
        try broken.write(to: dir.appendingPathComponent("q2.yaml"), atomically: true, encoding: .utf8)
        let d = Lint.run(directory: dir.path, seeds: 200)
        #expect(
            d.contains {
                $0.isError && $0.message.contains("level 'male' does not appear in the question text (in the original exam")
            })
        #expect(d.contains { $0.isError && $0.message.contains("level 'AB' does not appear") })
        #expect(!d.contains { $0.message.contains("level 'A' ") })
        #expect(!Lint.run(directory: ExamFolder.sessional1, seeds: 200).contains { $0.message.contains("does not appear") })
    }

    @Test func leftoverPlaceholdersAreFound() {
        #expect(PlaceholderLint.leftover(in: "the diagonal matrix diag({g:2})") == "{g:2}")
        #expect(PlaceholderLint.leftover(in: "nodes {at(v, 2)} and {@i=1..n}") == "{at(v, 2)}")
        #expect(PlaceholderLint.leftover(in: "w_{:,2}, w_{18}, nodes {1, 3}, Σ_{k=0}^{?}, {female, male}") == nil)
    }

    /// Q5's feedback to the diagonal alone is rendered (the matrix's size, not `{n}`).
    @Test func mistakeFeedbackIsRendered() throws {
        let why = original("q5").step("a.jacobian")?.mistakes.first?.explanation ?? ""
        #expect(why.contains("the whole 4×4 matrix"), "\(why)")
        #expect(PlaceholderLint.leftover(in: why) == nil)
    }

    @Test func articleAgreesWithTheNumberAfterIt() throws {
        func render(_ source: String, _ x: Double) throws -> String {
            let t = try Template.parse(source, file: "t", line: 1, what: "test")
            return try t.render(Environment(variables: ["L": .number(x)], dialect: .content), file: "t", what: "test")
        }
        #expect(try render("use a {L}-layer network", 8) == "use an 8-layer network")
        #expect(try render("A {L}-layer network", 18) == "An 18-layer network")
        #expect(try render("an {L}-layer network", 5) == "a 5-layer network")
        #expect(try render("a {L}-layer network", 11) == "an 11-layer network")
        #expect(try render("a {L}-layer, data {L}", 4) == "a 4-layer, data 4")
        #expect(try render("gamma {L}", 8) == "gamma 8")
    }
}
