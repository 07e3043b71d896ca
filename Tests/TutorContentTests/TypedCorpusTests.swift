import Foundation
import MathEngine
import Testing

@testable import TutorContent

/// A corpus of answers typed the way students write them, built from each variant's own numbers
/// (never typed-in results): shapes as calculations, labels before the value, decimal commas and
/// thousands separators, words in shapes, Greek names, options by word or copied with their
/// letter. Each carries the verdict a careful grader gives; the tutor must agree on every one.
struct TypedCorpusTests {
    enum Expected: CustomStringConvertible {
        case correct
        case named(String)
        case invalid(startingWith: String)

        var description: String {
            switch self {
            case .correct: "correct"
            case .named(let id): "the named mistake \(id)"
            case .invalid(let start): "invalid: \(start)…"
            }
        }
    }

    struct Case {
        let question: String
        let seed: UInt64?
        let step: String
        let input: String
        let expected: Expected
    }

    static let seeds: [UInt64?] = [nil] + (1...24).map { UInt64($0) }

    static func variant(_ id: String, _ seed: UInt64?) -> Variant {
        do { return try (seed.map { try question(id).variant(seed: $0) } ?? question(id).variant()) } catch {
            fatalError("\(error)")
        }
    }

    static func int(_ v: Variant, _ name: String) -> Int {
        guard case .number(let x)? = v.values[name] else { fatalError("no value \(name)") }
        return Int(x)
    }

    /// Q4: shapes as calculations, in words, and with labels.
    static func q4(_ seed: UInt64?) -> [Case] {
        let v = variant("q4", seed)
        let s = int(v, "s"), c = int(v, "c"), h = int(v, "h"), C = int(v, "C"), d = s * s * c
        let image = c == 1 ? "\(s)*\(s)" : "\(s)*\(s)*3"
        func k(_ step: String, _ input: String, _ e: Expected) -> Case {
            Case(question: "q4", seed: seed, step: step, input: input, expected: e)
        }
        return [
            k("xB", "\(image)+1", .correct), k("xB", "(\(image)+1)", .correct), k("xB", "(\(image))+1", .correct),
            k("xB", "\(image.replacingOccurrences(of: "*", with: " × ")) + 1", .correct), k("xB", "\(d)+1", .correct),
            k("xB", "x_B = \(d + 1)", .correct), k("xB", "\(d + 1)x1", .correct), k("xB", image, .named("xB#1")),
            k("xB", "1x\(d + 1)", .named("xB#4")), k("z1", "\(h)", .correct), k("z1", "\(h)+1", .named("z1#1")),
            k("W1", "\(h)x\(d + 1)", .correct), k("W1", "\(h) × (\(image)+1)", .correct),
            k("W1", "\(h) × \(d + 1) matrix", .invalid(startingWith: "Write it as \(h)x\(d + 1).")),
            k("W1", "\(h)-by-\(d + 1)", .invalid(startingWith: "Write it as \(h)x\(d + 1).")),
            k("W1", "\(h) rows \(d + 1) cols", .invalid(startingWith: "Write it as \(h)x\(d + 1).")),
            k("W1", "W^[1] = \(h)x\(d + 1)", .correct), k("a1B", "\(h)+1", .correct), k("a1B", "\(h)", .named("a1B#1")),
            k("W2", "\(C)x(\(h)+1)", .correct), k("a2", "\(C)", .correct), k("loss", "scalar", .correct),
            k("loss", "a scalar", .invalid(startingWith: "Write it as scalar.")),
            k("ext.params", "\(h)*(\(d)+1) + \(C)*(\(h)+1)", .correct),
            k("ext.params", "\(h * d + C * h)", .named("ext.params#1"))
        ]
    }

    /// Q3: labels, thousands separators, formulas with a label.
    static func q3(_ seed: UInt64?) -> [Case] {
        let v = variant("q3", seed)
        let n = int(v, "n_in"), C = int(v, "C"), L = int(v, "L"), h = int(v, "h")
        let total = h * (n + 1) + (L - 2) * h * (h + 1) + C * (h + 1)
        func k(_ step: String, _ input: String, _ e: Expected) -> Case {
            Case(question: "q3", seed: seed, step: step, input: input, expected: e)
        }
        var out = [
            k("a.hidden_layers", "n=\(L - 1)", .correct), k("a.hidden_layers", "\(L)", .named("a.hidden_layers#1")),
            k("a.total", "P = \(total)", .correct),
            k("a.total", "total = \(h)*\(n + 1) + \(L - 2)*\(h)*\(h + 1) + \(C)*\(h + 1)", .correct),
            k("b.expression", "P(n) = \(n + 1)n + \(C)(n+1)", .correct), k("b.expression", "\(n + 1 + C)n + \(C)", .correct)
        ]
        if total >= 1000 {
            let thousands = "\(total / 1000),\(String(format: "%03d", total % 1000))"
            out.append(k("a.total", thousands, .invalid(startingWith: "Write \(total) without separators.")))
            let spaced = "\(total / 1000) \(String(format: "%03d", total % 1000))"
            out.append(k("a.total", spaced, .invalid(startingWith: "Write \(total) without separators.")))
        }
        return out
    }

    /// Q1: decimal commas, labels, counts, options copied with their letter.
    static func q1(_ seed: UInt64?) -> [Case] {
        let v = variant("q1", seed)
        func k(_ step: String, _ input: String, _ e: Expected) -> Case {
            Case(question: "q1", seed: seed, step: step, input: input, expected: e)
        }
        guard case .number(let loss)? = v.step("k.mean_loss")?.expected, case .vector(let sigma)? = v.step("k.sigma")?.expected,
            let compare = v.step("compare"), case .text(let option) = compare.expected,
            let letter = compare.options.firstIndex(of: option).map(ChoiceOrder.letter)
        else { fatalError("q1 steps") }
        let twoDp = String(format: "%.2f", loss)
        let sigmas = sigma.map { String(format: "%.2f", $0) }
        let n = sigma.count
        var out = [
            k("k.mean_loss", twoDp, .correct), k("k.mean_loss", "L = \(twoDp)", .correct),
            k("k.mean_loss", "L_k=\(twoDp)", .correct),
            k(
                "k.mean_loss", twoDp.replacingOccurrences(of: ".", with: ","),
                .invalid(startingWith: "Use a decimal point: \(twoDp).")),
            k("k.sigma", "[" + sigmas.joined(separator: ", ") + "]", .correct),
            k(
                "k.sigma", "[" + sigmas.map { $0.replacingOccurrences(of: ".", with: ",") }.joined(separator: "; ") + "]",
                .invalid(startingWith: "Use a decimal point: \(sigmas[0])")),
            k("compare", "\(letter)) \(option)", .correct), k("compare", "(\(letter)) \(option)", .correct),
            k("compare", letter, .correct),
            k("k.accuracy", "50%%", .invalid(startingWith: "Type one '%'")),
            k("k.accuracy", "2 out of \(n)", .invalid(startingWith: "Write it as a number, e.g. 2/\(n)."))
        ]
        if let wrong = compare.options.indices.first(where: { compare.options[$0] != option }) {
            let other = ChoiceOrder.letter(wrong)
            out.append(
                k("compare", "\(letter), \(other)", .invalid(startingWith: "Choose one option, not \(letter) and \(other).")))
        }
        return out
    }

    /// Q5: Greek names in formulas, options by a key word.
    static func q5(_ seed: UInt64?) -> [Case] {
        func k(_ step: String, _ input: String, _ e: Expected) -> Case {
            Case(question: "q5", seed: seed, step: step, input: input, expected: e)
        }
        return [
            k("a.formula", "1 - tanh(z)^2", .correct), k("a.formula", "1 - a^2", .correct), k("a.formula", "sech(z)^2", .correct),
            k("a.formula", "sigma(z)*(1-sigma(z))", .named("a.formula#1")), k("a.formula", "σ(z)(1−σ(z))", .named("a.formula#1")),
            k("a.formula", "sigmoid(z)(1 - sigmoid(z))", .named("a.formula#1")), k("b.fix", "leaky relu", .correct),
            k("b.fix", "Leaky ReLU", .correct), k("b.fix", "relu", .named("b.fix#1")),
            k("b.fix", "plain ReLU", .named("b.fix#1")),
            k("b.fix", "sigmoid", .named("b.fix#2"))
        ]
    }

    static let corpus: [Case] = seeds.flatMap { q4($0) + q3($0) + q1($0) + q5($0) }

    @Test func theCorpusHoldsAtLeast500TypedForms() {
        #expect(Self.corpus.count >= 500)
    }

    @Test func everyTypedFormGetsTheVerdictACarefulGraderGives() {
        var variants: [String: Variant] = [:]
        for c in Self.corpus {
            let key = "\(c.question)|\(c.seed.map(String.init) ?? "original")"
            let v = variants[key] ?? Self.variant(c.question, c.seed)
            variants[key] = v
            let verdict = v.grade(step: c.step, input: c.input)
            let agrees: Bool
            switch (c.expected, verdict) {
            case (.correct, _): agrees = verdict.isCorrect
            case (.named(let id), .incorrect(let mistakes, _, _)): agrees = mistakes.contains { $0.id == id }
            case (.invalid(let start), .invalid(_, let reason)): agrees = reason.hasPrefix(start)
            default: agrees = false
            }
            #expect(agrees, "\(key) \(c.step) '\(c.input)': expected \(c.expected), got \(verdict.message)")
        }
    }
}
