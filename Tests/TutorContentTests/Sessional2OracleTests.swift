import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLint
@testable import ContentLoading
@testable import TutorContent

/// The Sessional-2 exam (`content/aml5202-sessional2`): for the original exam and 200 seeds per
/// question, every step's expected value is recomputed here in plain Swift from the variant's
/// parameters (conv sizes, softmax, the chain rule, finite differences) and compared with the
/// engine's; then typed answers for the original exam go through the real grader, every named
/// mistake included.
@Suite struct Sessional2OracleTests {
    static let directory = ExamFolder.sessional2
    static let loaded = ExamLoader.load(directory: directory)
    static let seeds: [UInt64] = Array(1...200)

    // MARK: - Helpers

    /// The original exam followed by the 200 seeded variants of question `id`.
    func variants(_ id: String) throws -> [Variant] {
        guard let q = Self.loaded.exam.question(id) else {
            Issue.record("question \(id) did not load: \(Self.loaded.errors)")
            return []
        }
        return try [q.variant()] + Self.seeds.map { try q.variant(seed: $0) }
    }

    func originalVariant(_ id: String) throws -> Variant {
        let q = try #require(Self.loaded.exam.question(id), "question \(id) did not load")
        return try q.variant()
    }

    /// A whole-number parameter; a missing one is recorded as an issue and read as 1 (never a
    /// divisor of zero, so the test fails instead of trapping).
    func int(_ v: Variant, _ name: String) -> Int {
        let x = number(v.values[name])
        guard x.isFinite else {
            Issue.record("\(v.id) has no number named \(name)")
            return 1
        }
        return Int(x)
    }

    func seedName(_ v: Variant) -> Comment { "\(v.id), seed \(v.seed.map { "\($0)" } ?? "original")" }

    /// The text of a choice step's expected option ("" for any other value).
    func optionText(_ value: Value?) -> String {
        if case .text(let s)? = value { return s }
        return ""
    }

    /// One side of a convolution or pooling output: floor((n + 2p − k)/s) + 1.
    func outputSide(_ n: Int, kernel k: Int, stride s: Int, padding p: Int) -> Int {
        Int((Double(n + 2 * p - k) / Double(s)).rounded(.down)) + 1
    }

    func softmax(_ z: [Double]) -> [Double] {
        let e = z.map { exp($0) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// The letter a student types for the option of `stepID` that starts with `prefix`.
    func letter(_ v: Variant, _ stepID: String, optionStarting prefix: String) -> String {
        guard let i = v.step(stepID)?.options.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            Issue.record("\(stepID) has no option starting \"\(prefix)\"")
            return "?"
        }
        return ChoiceOrder.letter(i)
    }

    /// Grades `input` as the tutor does, with `given` typed answers to earlier steps.
    func grade(_ v: Variant, _ step: String, _ input: String, given: [String: String] = [:]) -> Verdict {
        var values: [String: Value] = [:]
        for (id, typed) in given { values[id] = v.read(step: id, input: typed) }
        return v.grade(step: step, input: input, given: values)
    }

    /// Expects `input` to be graded wrong with exactly one named mistake whose feedback contains `phrase`.
    func expectMistake(
        _ v: Variant, _ step: String, _ input: String, names phrase: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let verdict = grade(v, step, input)
        guard case .incorrect(let mistakes, _, _) = verdict, mistakes.count == 1 else {
            Issue.record("\(step) \(input): expected one named mistake, got \(verdict)", sourceLocation: sourceLocation)
            return
        }
        #expect(
            mistakes[0].explanation.contains(phrase), "\(step) \(input): \(mistakes[0].explanation)",
            sourceLocation: sourceLocation)
    }

    // MARK: - The exam loads

    @Test func examLoadsCleanWithThreeTenPointQuestions() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics)")
        #expect(Self.loaded.exam.questions.map(\.id) == ["q1", "q2", "q3"])
        #expect(Self.loaded.exam.questions.map(\.points) == [10, 10, 10])
    }

    /// Lint over 200 seeds, as `dltutor lint` runs it: no leak, no variant that fails to build, no
    /// named mistake that always gives the answer or gives another mistake's value.
    @Test func lintReportsNothing() {
        let report = Lint.run(directory: Self.directory, seeds: 200)
        #expect(report.isEmpty, "\(report.map(\.description).joined(separator: "\n"))")
    }

    // MARK: - Oracle: every expected value recomputed from the parameters

    @Test func q1ConvShapesAndParameterCounts() throws {
        let all = try variants("q1")
        #expect(all.count == 201)
        for v in all {
            let (H, W, C, D) = (int(v, "H"), int(v, "W"), int(v, "C"), int(v, "D"))
            let (k1, s1, p1, F1) = (int(v, "k1"), int(v, "s1"), int(v, "p1"), int(v, "F1"))
            let (k2, s2, p2, F2) = (int(v, "k2"), int(v, "s2"), int(v, "p2"), int(v, "F2"))
            let m = int(v, "m")
            let conv1 = [
                outputSide(H, kernel: k1, stride: s1, padding: p1), outputSide(W, kernel: k1, stride: s1, padding: p1), F1
            ]
            let conv2 = [
                outputSide(conv1[0], kernel: k2, stride: s2, padding: p2),
                outputSide(conv1[1], kernel: k2, stride: s2, padding: p2), F2
            ]
            let pooled = [
                outputSide(conv2[0], kernel: m, stride: m, padding: 0), outputSide(conv2[1], kernel: m, stride: m, padding: 0), F2
            ]
            let flat = pooled.reduce(1, *)
            let conv1Params = k1 * k1 * C * F1 + F1
            let conv2Params = k2 * k2 * F1 * F2 + F2
            let denseParams = flat * D + D
            #expect(pooled[0] >= 2 && pooled[1] >= 2, seedName(v))
            #expect(v.step("a.conv1_out")?.expected == .shape(conv1), seedName(v))
            #expect(v.step("a.conv1_params")?.expected == .number(Double(conv1Params)), seedName(v))
            #expect(v.step("b.conv2_out")?.expected == .shape(conv2), seedName(v))
            #expect(v.step("b.conv2_params")?.expected == .number(Double(conv2Params)), seedName(v))
            #expect(v.step("c.pool_out")?.expected == .shape(pooled), seedName(v))
            #expect(v.step("c.flat")?.expected == .number(Double(flat)), seedName(v))
            #expect(v.step("d.dense_params")?.expected == .number(Double(denseParams)), seedName(v))
            #expect(v.step("d.total")?.expected == .number(Double(conv1Params + conv2Params + denseParams)), seedName(v))
        }
    }

    @Test func q2SoftmaxLossAndGradient() throws {
        let all = try variants("q2")
        #expect(all.count == 201)
        for v in all {
            let z = numbers(v.values["z"]), t = int(v, "t")
            try #require(z.indices.contains(t - 1), seedName(v))
            let p = softmax(z)
            let y = z.indices.map { $0 == t - 1 ? 1.0 : 0.0 }
            let loss = -log(p[t - 1])
            let gradient = zip(p, y).map { $0 - $1 }
            // The gradient checked two more ways: central differences of the loss, and the
            // softmax Jacobian diag(p) − p pᵀ applied to ∂L/∂p = −y/p.
            let h = 1e-6
            let numeric = z.indices.map { i in
                var up = z, down = z
                up[i] += h
                down[i] -= h
                return (-log(softmax(up)[t - 1]) + log(softmax(down)[t - 1])) / (2 * h)
            }
            let dLdp = zip(y, p).map { -$0 / $1 }
            let throughJacobian = z.indices.map { i in
                z.indices.reduce(0.0) { sum, j in sum + ((i == j ? p[i] : 0) - p[i] * p[j]) * dLdp[j] }
            }
            #expect(approx(numbers(v.step("a.probs")?.expected), p, 1e-12), seedName(v))
            #expect(approx(number(v.step("b.loss")?.expected), loss, 1e-12), seedName(v))
            #expect(approx(numbers(v.step("c.grad")?.expected), gradient, 1e-12), seedName(v))
            #expect(approx(numeric, gradient, 1e-6) && approx(throughJacobian, gradient, 1e-12), seedName(v))
            // A descent step raises exactly the logits with a negative gradient entry: the correct class's.
            #expect(gradient.indices.filter { gradient[$0] < 0 } == [t - 1], seedName(v))
            #expect(v.step("d.descent")?.expected == .text("only z_\(t), the correct class's logit"), seedName(v))
            let why = optionText(v.step("e.why")?.expected)
            #expect(why.hasPrefix("the softmax Jacobian diag(ŷ) − ŷŷᵀ"), seedName(v))
        }
    }

    @Test func q3SigmoidNeuronBackpropAndUpdate() throws {
        let all = try variants("q3")
        #expect(all.count == 201)
        for v in all {
            let x = numbers(v.values["x"]), w = numbers(v.values["w"])
            let (b, y, eta) = (number(v.values["b"]), number(v.values["y"]), number(v.values["eta"]))
            func loss(_ w: [Double], _ b: Double) -> Double {
                let a = sigmoid(zip(w, x).map { $0 * $1 }.reduce(0, +) + b)
                return 0.5 * (a - y) * (a - y)
            }
            let z = zip(w, x).map { $0 * $1 }.reduce(0, +) + b
            let a = sigmoid(z)
            let dLda = a - y, dadz = a * (1 - a)
            let dLdw = x.map { dLda * dadz * $0 }, dLdb = dLda * dadz
            let updated = zip(w, dLdw).map { $0 - eta * $1 }
            // The chain rule checked against central differences of the loss itself.
            let h = 1e-6
            let numericW = w.indices.map { i in
                var up = w, down = w
                up[i] += h
                down[i] -= h
                return (loss(up, b) - loss(down, b)) / (2 * h)
            }
            let numericB = (loss(w, b + h) - loss(w, b - h)) / (2 * h)
            #expect(approx(numericW, dLdw, 1e-8) && approx(numericB, dLdb, 1e-8), seedName(v))
            #expect(approx(number(v.step("a.z")?.expected), z, 1e-12), seedName(v))
            #expect(approx(number(v.step("a.a")?.expected), a, 1e-12), seedName(v))
            #expect(approx(number(v.step("a.loss")?.expected), loss(w, b), 1e-12), seedName(v))
            #expect(approx(number(v.step("b.dLda")?.expected), dLda, 1e-12), seedName(v))
            #expect(approx(number(v.step("b.dadz")?.expected), dadz, 1e-12), seedName(v))
            #expect(approx(numbers(v.step("b.dw")?.expected), dLdw, 1e-12), seedName(v))
            #expect(approx(number(v.step("b.db")?.expected), dLdb, 1e-12), seedName(v))
            #expect(approx(numbers(v.step("c.w_new")?.expected), updated, 1e-12), seedName(v))
            // With the binary cross-entropy, ∂L/∂a · σ'(z) is a − y: the option the key chooses.
            let crossEntropyDLda = -y / a + (1 - y) / (1 - a)
            #expect(approx(crossEntropyDLda * dadz, a - y, 1e-12), seedName(v))
            let crossEntropyOption = optionText(v.step("d.ce")?.expected)
            #expect(crossEntropyOption.contains("∂L/∂z = a − y"), seedName(v))
        }
    }

    // MARK: - The real grader on the original exam

    @Test func q1GradesAnswersAndNamesEveryMistake() throws {
        let v = try originalVariant("q1")
        #expect(grade(v, "a.conv1_out", "32x32x16") == .correct)
        #expect(v.step("a.conv1_out")?.mistakes.count == 3) // stride and rounding do not apply here
        expectMistake(v, "a.conv1_out", "28x28x16", names: "padding is missing")
        expectMistake(v, "a.conv1_out", "30x30x16", names: "n + 2p, not n + p")
        expectMistake(v, "a.conv1_out", "32x32x3", names: "one channel per filter")
        #expect(grade(v, "a.conv1_params", "(5*5*3 + 1)*16") == .correct)
        expectMistake(v, "a.conv1_params", "1200", names: "bias")
        expectMistake(v, "a.conv1_params", "416", names: "k × k × C_in weights, not k × k")
        expectMistake(v, "a.conv1_params", "400", names: "Two slips")
        expectMistake(v, "a.conv1_params", "76", names: "That is one filter")
        expectMistake(v, "a.conv1_params", "1245184", names: "shared")
        #expect(grade(v, "b.conv2_out", "16 x 16 x 32") == .correct)
        expectMistake(v, "b.conv2_out", "15x15x32", names: "padding is missing")
        expectMistake(v, "b.conv2_out", "17x17x32", names: "down, not up")
        expectMistake(v, "b.conv2_out", "32x32x32", names: "divide (n + 2p − k) by the stride")
        expectMistake(v, "b.conv2_out", "16x16x16", names: "number of conv2's filters")
        #expect(grade(v, "b.conv2_out", "14x14x32", given: ["a.conv1_out": "28x28x16"]) == .carriedForward)
        #expect(grade(v, "b.conv2_params", "4640") == .correct)
        expectMistake(v, "b.conv2_params", "896", names: "conv1's channels")
        expectMistake(v, "b.conv2_params", "4608", names: "bias")
        expectMistake(v, "b.conv2_params", "320", names: "k × k × C_in")
        expectMistake(v, "b.conv2_params", "4624", names: "per output channel")
        #expect(grade(v, "b.conv2_params", "2336", given: ["a.conv1_out": "32x32x8"]) == .carriedForward)
        #expect(grade(v, "c.pool_out", "8x8x32") == .correct)
        expectMistake(v, "c.pool_out", "8x8x16", names: "keeps the depth")
        expectMistake(v, "c.pool_out", "15x15x32", names: "not by one pixel")
        #expect(grade(v, "c.flat", "8*8*32") == .correct)
        expectMistake(v, "c.flat", "8192", names: "after the pooling layer")
        expectMistake(v, "c.flat", "64", names: "multiply by the depth")
        expectMistake(v, "c.flat", "48", names: "do not add them")
        #expect(grade(v, "d.dense_params", "20490") == .correct)
        expectMistake(v, "d.dense_params", "20480", names: "bias")
        expectMistake(v, "d.dense_params", "81930", names: "not conv2's output")
        #expect(grade(v, "d.total", "26346") == .correct)
        expectMistake(v, "d.total", "5856", names: "dense head")
        expectMistake(v, "d.total", "26288", names: "biases are trainable")
        expectMistake(v, "d.total", "26474", names: "no trainable parameters")
    }

    @Test func q2GradesAnswersAndNamesEveryMistake() throws {
        let v = try originalVariant("q2")
        #expect(grade(v, "a.probs", "[0.665, 0.245, 0.090]") == .correct)
        expectMistake(v, "a.probs", "[7.389, 2.718, 1]", names: "before normalising")
        expectMistake(v, "a.probs", "[0.667, 0.333, 0]", names: "exponentiates first")
        expectMistake(v, "a.probs", "[0.881, 0.731, 0.5]", names: "sigmoid")
        expectMistake(v, "a.probs", "[0.901, 0.090, 0.009]", names: "not 10^(z_i)")
        #expect(grade(v, "b.loss", "1.41") == .correct)
        #expect(grade(v, "b.loss", "-ln(0.245)") == .correct)
        expectMistake(v, "b.loss", "0.61", names: "not log base 10")
        expectMistake(v, "b.loss", "-1.41", names: "sign is missing")
        expectMistake(v, "b.loss", "0.41", names: "correct class 2")
        expectMistake(v, "b.loss", "4.22", names: "one-hot")
        expectMistake(v, "b.loss", "-1", names: "normalisation")
        #expect(grade(v, "b.loss", "1.20", given: ["a.probs": "[0.6, 0.3, 0.1]"]) == .carriedForward)
        #expect(grade(v, "c.grad", "[0.665, -0.755, 0.090]") == .correct)
        expectMistake(v, "c.grad", "[-0.665, 0.755, -0.090]", names: "Sign slip")
        expectMistake(v, "c.grad", "[0.665, 0.245, 0.090]", names: "one-hot label is missing")
        expectMistake(v, "c.grad", "[0, -4.086, 0]", names: "∂L/∂ŷ")
        expectMistake(v, "c.grad", "[7.389, 1.718, 1]", names: "normalised probabilities")
        #expect(grade(v, "d.descent", letter(v, "d.descent", optionStarting: "only z_2")) == .correct)
        expectMistake(v, "d.descent", letter(v, "d.descent", optionStarting: "every logit"), names: "against it")
        expectMistake(v, "d.descent", letter(v, "d.descent", optionStarting: "all 3"), names: "add up to 0")
        expectMistake(v, "d.descent", letter(v, "d.descent", optionStarting: "none"), names: "raises z_t")
        #expect(grade(v, "e.why", letter(v, "e.why", optionStarting: "the softmax Jacobian")) == .correct)
        expectMistake(v, "e.why", letter(v, "e.why", optionStarting: "softmax acts"), names: "couples the logits")
        expectMistake(v, "e.why", letter(v, "e.why", optionStarting: "the loss depends"), names: "normalising sum")
        expectMistake(v, "e.why", letter(v, "e.why", optionStarting: "the cross-entropy is"), names: "different losses")
    }

    @Test func q3GradesAnswersAndNamesEveryMistake() throws {
        let v = try originalVariant("q3")
        #expect(grade(v, "a.z", "0.5*2 - 0.5*1 + 0.5") == .correct)
        expectMistake(v, "a.z", "0.5", names: "add b after the dot product")
        expectMistake(v, "a.z", "1.5", names: "not once per input")
        #expect(grade(v, "a.a", "0.7311") == .correct)
        expectMistake(v, "a.a", "0.7616", names: "not tanh")
        expectMistake(v, "a.a", "0.2689", names: "exponent is −z")
        #expect(grade(v, "a.loss", "0.0362") == .correct)
        expectMistake(v, "a.loss", "0.0723", names: "factor ½")
        #expect(grade(v, "a.loss", "0.0284", given: ["a.a": "0.7616"]) == .carriedForward)
        #expect(grade(v, "b.dLda", "-0.2689") == .correct)
        expectMistake(v, "b.dLda", "0.2689", names: "Sign slip")
        expectMistake(v, "b.dLda", "-0.5379", names: "½ cancels")
        expectMistake(v, "b.dLda", "0.0362", names: "loss itself")
        #expect(grade(v, "b.dadz", "0.1966") == .correct)
        expectMistake(v, "b.dadz", "0.4656", names: "derivative of tanh")
        expectMistake(v, "b.dadz", "0.7311", names: "σ(z) itself")
        #expect(grade(v, "b.dw", "[-0.1058, -0.0529]") == .correct)
        expectMistake(v, "b.dw", "[-0.5379, -0.2689]", names: "σ'(z) factor is missing")
        expectMistake(v, "b.dw", "[0.1058, 0.0529]", names: "Sign slip")
        expectMistake(v, "b.dw", "[-0.0264, 0.0264]", names: "not the weight")
        expectMistake(v, "b.dw", "[-0.0529, -0.0529]", names: "multiply by ∂z/∂w_i")
        #expect(grade(v, "b.db", "-0.0529") == .correct)
        expectMistake(v, "b.db", "-0.2689", names: "σ'(z) factor is missing")
        expectMistake(v, "b.db", "0.0529", names: "Sign slip")
        expectMistake(v, "b.db", "-0.1586", names: "∂z/∂b is 1")
        #expect(grade(v, "c.w_new", "[0.5529, -0.4736]") == .correct)
        expectMistake(v, "c.w_new", "[0.4471, -0.5264]", names: "against the gradient")
        expectMistake(v, "c.w_new", "[0.6058, -0.4471]", names: "learning rate")
        expectMistake(v, "c.w_new", "[0.0529, 0.0264]", names: "only the change")
        #expect(grade(v, "d.ce", letter(v, "d.ce", optionStarting: "the σ'(z) factor cancels")) == .correct)
        expectMistake(v, "d.ce", letter(v, "d.ce", optionStarting: "its gradient keeps"), names: "nearly zero")
        expectMistake(v, "d.ce", letter(v, "d.ce", optionStarting: "it gives smaller"), names: "larger, not smaller")
        expectMistake(v, "d.ce", letter(v, "d.ce", optionStarting: "it is the only"), names: "Both losses")
    }
}
