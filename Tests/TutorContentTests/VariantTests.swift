import Foundation
import MathEngine
import Testing

@testable import TutorContent

/// 500 seeds per question: every variant builds, satisfies the answer key's variant rules, and
/// agrees with an INDEPENDENT plain-Swift computation from its parameter values (not the formulas).
@Suite struct VariantTests {
    static let seeds: [UInt64] = Array(1...500)

    func variants(_ id: String) throws -> [Variant] {
        try Self.seeds.map { try question(id).variant(seed: $0) }
    }

    func ints(_ v: Value?) -> [Int] { numbers(v).map { Int($0) } }

    @Test func q1LossesAccuraciesAndDriver() throws {
        for v in try variants("q1") {
            let y = ints(v.values["y"]), n = y.count
            let pk = numbers(v.values["pk"]), pk1 = numbers(v.values["pk1"])
            let fk = ints(v.values["form_k"]), fk1 = ints(v.values["form_k1"])
            #expect((4...6).contains(n) && y.contains(0) && y.contains(1))
            func sigma(_ p: [Double]) -> [Double] { (0..<n).map { y[$0] == 1 ? p[$0] : 1 - p[$0] } }
            func accuracy(_ s: [Double]) -> Double { Double((0..<n).filter { (s[$0] > 0.5 ? 1 : 0) == y[$0] }.count) / Double(n) }
            func loss(_ p: [Double]) -> [Double] { p.map { -log10($0) } }
            let s0 = sigma(pk), s1 = sigma(pk1)
            let l0 = loss(pk), l1 = loss(pk1)
            let L0 = l0.reduce(0, +) / Double(n), L1 = l1.reduce(0, +) / Double(n)
            var driver = 0
            for i in 0..<n where l1[i] - l0[i] > l1[driver] - l0[driver] { driver = i }
            #expect(approx(numbers(v.step("k.sigma")?.expected), s0, 1e-9))
            #expect(approx(numbers(v.step("k1.sigma")?.expected), s1, 1e-9))
            #expect(approx(number(v.step("k.accuracy")?.expected), accuracy(s0)))
            #expect(approx(number(v.step("k1.accuracy")?.expected), accuracy(s1)))
            #expect(approx(numbers(v.step("k.per_sample_loss")?.expected), l0, 1e-9))
            #expect(approx(number(v.step("k.mean_loss")?.expected), L0, 1e-9))
            #expect(approx(number(v.step("k1.mean_loss")?.expected), L1, 1e-9))
            #expect(v.step("driver")?.expected == .number(Double(driver + 1)))
            #expect(v.step("compare")?.expected == .text("loss increased, accuracy increased"))
            // The exam's variant rules.
            #expect(accuracy(s1) > accuracy(s0))
            #expect(((L1 * 100).rounded() - (L0 * 100).rounded()) >= 2 - 1e-9)
            #expect((0..<n).contains { (s1[$0] > 0.5 ? 1 : 0) != y[$0] })
            #expect(!(s0 + s1).contains { abs($0 - 0.5) < 1e-9 })
            #expect((0..<n).contains { fk[$0] == y[$0] } && (0..<n).contains { fk1[$0] == y[$0] })
            let r = [L0, L0 * log(10), L0 * Double(n)].map { ($0 * 100).rounded() }
            #expect(Set(r).count == 3)
            // The printed lines in the text carry the 1 − σ conversions.
            let printed0 = (0..<n).map { fk[$0] == 1 ? 1 - s0[$0] : s0[$0] }
            #expect(v.text.contains("= " + String(format: "%.2f", printed0[n - 1])))
        }
    }

    @Test func q2FeaturesShapesAndIndices() throws {
        let levels = [
            "gender": ["female", "male"], "smoker": ["no", "yes"], "bloodtype": ["A", "AB", "B", "O"],
            "activity": ["high", "low", "moderate"]
        ]
        for v in try variants("q2") {
            let numeric = texts(v.values["numeric"])
            guard case .text(let cat)? = v.values["cat_name"] else {
                Issue.record("no categorical")
                continue
            }
            let pos = Int(number(v.values["pos"])), C = Int(number(v.values["C"]))
            var features = numeric
            features.insert(contentsOf: levels[cat]!.map { cat + $0 }, at: pos - 1)
            let D = features.count
            #expect((3...6).contains(numeric.count) && (3...5).contains(C))
            #expect(D + 1 <= 9)
            #expect(texts(v.step("a.features")?.expected) == features)
            #expect(v.step("a.n_features")?.expected == .number(Double(D)))
            #expect(v.step("a.W_shape")?.expected == .shape([C, D + 1]))
            #expect(v.step("a.categorical")?.expected == .text(cat))
            let j = Int(number(v.values["col_q"])), wi = Int(number(v.values["wrow"])), wj = Int(number(v.values["wcol"]))
            #expect(features[j - 1].hasPrefix(cat)) // the column query is a one-hot column
            #expect(!levels[cat]!.map { cat + $0 }.contains(features[wj - 1])) // the weight query is numeric
            #expect(v.step("b.column")?.expected == .text("the weights on \(features[j - 1]) in all the category scores"))
            let cats = texts(v.values["cats"])
            #expect(cats.count == C)
            #expect(v.step("b.weight")?.expected == .text("the weight on \(features[wj - 1]) in the \(cats[wi - 1]) score"))
            let bi = Int(number(v.values["bias_q"]))
            #expect(v.step("b.bias")?.expected == .text("the bias of the \(cats[bi - 1]) score"))
            #expect(v.text.contains("w_{\(bi)\(D + 1)}"))
            for s in v.steps where s.kind == .choice { #expect(s.options.contains(ValueText.format(s.expected))) }
        }
    }

    @Test func q3ParameterCountsAndShallowWidth() throws {
        for v in try variants("q3") {
            let nIn = Int(number(v.values["n_in"])), C = Int(number(v.values["C"]))
            let L = Int(number(v.values["L"])), h = Int(number(v.values["h"]))
            let sizes = [nIn] + Array(repeating: h, count: L - 1) + [C]
            var total = 0
            for l in 1..<sizes.count { total += sizes[l] * (sizes[l - 1] + 1) }
            var n = 0
            while (n + 1) * (nIn + 1) + C * (n + 2) <= total { n += 1 }
            #expect(v.step("a.total")?.expected == .number(Double(total)))
            #expect(v.step("b.n_hidden")?.expected == .number(Double(n)))
            #expect(numbers(v.step("a.sizes")?.expected) == sizes.map(Double.init))
            let nstar = Double(total - C) / Double(nIn + 1 + C)
            #expect(nstar - nstar.rounded(.down) >= 0.5 && n >= 2 && n > h)
            #expect(Int(nstar.rounded()) != n) // round-to-nearest stays diagnosable
        }
    }

    @Test func q4Shapes() throws {
        for v in try variants("q4") {
            let s = Int(number(v.values["s"])), c = Int(number(v.values["c"]))
            let h = Int(number(v.values["h"])), C = Int(number(v.values["C"])), b = Int(number(v.values["b"]))
            let d = s * s * c
            #expect(v.step("xB")?.expected == .shape([d + 1]))
            #expect(v.step("W1")?.expected == .shape([h, d + 1]))
            #expect(v.step("a1B")?.expected == .shape([h + 1]))
            #expect(v.step("W2")?.expected == .shape([C, h + 1]))
            #expect(v.step("a2")?.expected == .shape([C]))
            #expect(v.step("sum_limit")?.expected == .number(Double(b == 0 ? C - 1 : C)))
            #expect(v.step("loss")?.expected == .shape([]))
            #expect(v.step("ext.params")?.expected == .number(Double(h * (d + 1) + C * (h + 1))))
            #expect(![d, d + 1].contains(h) && ![h, h + 1].contains(C))
            #expect(v.text.contains(c == 1 ? "grayscale" : "RGB"))
        }
    }

    @Test func q5DerivativeAndSaturatedSet() throws {
        for v in try variants("q5") {
            let z = numbers(v.values["z"])
            let g = z.map { x -> Double in
                let t = tanh(x)
                return 1 - t * t
            }
            let saturated = z.indices.filter { abs(z[$0]) >= 4 }.map { Double($0 + 1) }
            #expect(approx(numbers(v.step("a.diag")?.expected), g, 1e-12))
            #expect(v.step("b.nodes")?.expected == .set(saturated))
            #expect(v.step("b.nodes")?.mistakes.first?.value == .set(z.indices.filter { z[$0] <= 0 }.map { Double($0 + 1) }))
            #expect((3...6).contains(z.count))
            #expect(z.contains { $0 >= 4 } && z.contains { $0 <= -4 } && z.contains { $0 < 0 && $0 >= -1.5 })
            #expect(!z.contains { abs($0) > 1.5 && abs($0) < 4 })
            for x in z { // both rounding routes agree to 2 dp
                let exact = ((1 - tanh(x) * tanh(x)) * 100).rounded()
                let t = (tanh(x) * 100).rounded() / 100
                #expect(exact == ((1 - t * t) * 100).rounded())
            }
        }
    }

    @Test func sameSeedSameVariantDifferentSeedsDiffer() throws {
        for q in loaded.exam.questions {
            let a = try q.variant(seed: 42), b = try q.variant(seed: 42)
            #expect(a.parameters == b.parameters && a.text == b.text, "\(q.id)")
            #expect(a.steps.map(\.expected) == b.steps.map(\.expected) && a.steps.map(\.options) == b.steps.map(\.options))
            let distinct = Set((1...20).map { try! q.variant(seed: $0).parameters.map(\.value) })
            #expect(distinct.count > 10, "\(q.id): only \(distinct.count) distinct variants in 20 seeds")
            #expect(try q.variant(seed: 1).parameters != q.variant(seed: 2).parameters)
        }
        // Machine independence: the generator seed is a fixed function of (seed, question id).
        #expect(Question.generatorSeed(seed: 1, questionID: "q1") == Question.generatorSeed(seed: 1, questionID: "q1"))
        #expect(Question.generatorSeed(seed: 1, questionID: "q1") != Question.generatorSeed(seed: 1, questionID: "q2"))
    }
}
