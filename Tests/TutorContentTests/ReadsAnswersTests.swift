import MathEngine
import Testing

@testable import ContentLint
@testable import TutorContent

/// The bundled exam read as students type it: calculations in shape steps, false accepts closed,
/// mistakes and carried-forward values from the student's own earlier answers, one-sentence
/// feedback, and explanations that never state the answer.
struct ReadsAnswersTests {
    /// The original exam and 60 seeded variants of a question.
    func variants(_ id: String, seeds: UInt64 = 60) -> [Variant] {
        [original(id)]
            + (1...seeds).map { seed in
                do { return try question(id).variant(seed: seed) } catch { fatalError("\(error)") }
            }
    }

    func parameter(_ v: Variant, _ name: String) -> Int {
        guard case .number(let x)? = v.values[name] else { fatalError("no parameter \(name)") }
        return Int(x)
    }

    func named(_ verdict: Verdict) -> [String] {
        if case .incorrect(let mistakes, _, _) = verdict { return mistakes.compactMap(\.id) }
        return []
    }

    @Test func xBsLengthTypedAsItsCalculationIsCorrectInEveryVariant() {
        for v in variants("q4") {
            let s = parameter(v, "s"), c = parameter(v, "c")
            let calculation = c == 1 ? "\(s)*\(s)+1" : "\(s)*\(s)*3+1"
            #expect(v.grade(step: "xB", input: calculation) == .correct, "\(calculation) seed \(String(describing: v.seed))")
            #expect(v.grade(step: "xB", input: "(\(calculation))") == .correct)
            #expect(v.grade(step: "xB", input: "\(s * s * c)+1") == .correct)
            #expect(named(v.grade(step: "xB", input: c == 1 ? "\(s)*\(s)" : "\(s)*\(s)*3")) == ["xB#1"])
        }
    }

    @Test func q5RoundingRoutesAreWithinHalfAUnitAndTheJacobiansZerosAreZero() throws {
        let v = original("q5")
        let diag = try #require(v.step("a.diag"))
        guard case .vector(let g) = diag.expected else {
            Issue.record("a.diag is not a vector")
            return
        }
        let twoDp = g.map { ($0 * 100).rounded() / 100 }
        #expect(v.grade(step: "a.diag", input: Value.vector(twoDp).display).isCorrect)
        for shift in [-0.01, 0.01] {
            let off = twoDp.map { $0 > 0.1 ? $0 + shift : $0 }
            #expect(!v.grade(step: "a.diag", input: Value.vector(off).display).isCorrect, "\(off)")
        }
        let n = g.count
        var m = (0..<n).map { i in (0..<n).map { j in i == j ? twoDp[i] : 0.01 } }
        #expect(!v.grade(step: "a.jacobian", input: Value.matrix(m).display).isCorrect)
        m = (0..<n).map { i in (0..<n).map { j in i == j ? twoDp[i] : 0 } }
        #expect(v.grade(step: "a.jacobian", input: Value.matrix(m).display) == .correct)
    }

    @Test func theRoundedTanhRouteIsAcceptedWithATrueNote() throws {
        for v in variants("q5") {
            let diag = try #require(v.step("a.diag"))
            guard case .vector(let routed)? = diag.alternatives.first?.value else { continue }
            let typed = routed.map { ($0 * 100).rounded() / 100 }
            let verdict = v.grade(step: "a.diag", input: Value.vector(typed).display)
            #expect(verdict.isCorrect)
            if case .correctAlternative(let note) = verdict { #expect(note.contains("rounded to 2 decimals")) }
        }
    }

    @Test func mistakesAreNamedFromTheStudentsOwnEarlierAnswers() throws {
        let v = original("q1")
        // A student whose predictions are wrong in the first sample, then gives their error rate.
        let pred = try #require(v.step("k.pred"))
        guard case .vector(var own) = pred.expected else {
            Issue.record("k.pred")
            return
        }
        own[0] = 1 - own[0]
        let y: [Double] = numbers(v.values["y"])
        let errorRate = Double(zip(own, y).filter { $0 != $1 }.count) / Double(y.count)
        let given = ["k.pred": Value.vector(own)]
        let verdict = v.grade(step: "k.accuracy", input: Value.number(errorRate).display, given: given)
        #expect(named(verdict).contains("k.accuracy#2"), "\(verdict)")
        let count = zip(own, y).filter { $0 == $1 }.count
        #expect(named(v.grade(step: "k.accuracy", input: "\(count)", given: given)) == ["k.accuracy#4"])
    }

    @Test func q4FollowsTheStepsItsHintsName() throws {
        let v = original("q4")
        let given = ["W1": Value.shape([256, 1024]), "W2": Value.shape([3, 257])]
        let ownCount: Int = 256 * 1024 + 3 * 257
        #expect(v.grade(step: "ext.params", input: "\(ownCount)", given: given) == .carriedForward)
        #expect(v.grade(step: "a1B", input: "258", given: ["a1": .shape([257])]) == .carriedForward)
        // The W's without their bias column, from the student's own shapes.
        let withoutBias: Int = 256 * 1023 + 3 * 256
        #expect(named(v.grade(step: "ext.params", input: "\(withoutBias)", given: given)) == ["ext.params#1"])
    }

    @Test func q3sTotalFollowsTheStudentsShapesAndSizes() throws {
        let v = original("q3")
        let shapes = try #require(v.read(step: "a.shapes", input: "8x20, 8x9 (x5), 3x9"))
        let ownTotal: Int = 8 * 20 + 5 * 8 * 9 + 3 * 9
        #expect(v.grade(step: "a.total", input: "\(ownTotal)", given: ["a.shapes": shapes]) == .carriedForward)
        let sizes = try #require(v.read(step: "a.sizes", input: "[19, 8, 8, 8, 8, 8, 8, 3]"))
        #expect(v.grade(step: "a.shapes", input: "8x20, 8x9 (x5), 3x9", given: ["a.sizes": sizes]) == .carriedForward)
    }

    @Test func aMeaninglessCarriedValueIsNeverCorrect() {
        let v = original("q3")
        let given = ["a.total": Value.number(2)]
        #expect(!v.grade(step: "b.n_hidden", input: "-1", given: given).isCorrect)
        #expect(v.carried(for: "b.n_hidden", given: given) == nil)
        #expect(v.carriedThroughEveryStep(for: "b.n_hidden", given: given) == nil)
    }

    @Test func feedbackMixingWordsAndNumbersIsOneSentenceInEveryVariant() {
        for v in variants("q2") {
            for s in v.steps {
                for m in s.mistakes { #expect(SeparatorLint.flaw(in: m.explanation) == nil, "\(s.id): \(m.explanation)") }
            }
        }
    }

    @Test func noExplanationStatesItsStepsAnswer() {
        for id in ["q1", "q2", "q3", "q4", "q5"] {
            for v in variants(id, seeds: 40) {
                #expect(
                    ExplanationLint.problems(v).isEmpty,
                    "\(id) seed \(String(describing: v.seed)): \(ExplanationLint.problems(v))")
            }
        }
    }

    @Test func catalogueGapsAreNamed() throws {
        let q1 = original("q1")
        #expect(named(q1.grade(step: "k.mean_loss", input: "0.10")) == ["k.mean_loss#8"])
        #expect(named(q1.grade(step: "k.accuracy", input: "2")) == ["k.accuracy#4"])
        // Negative z only, where z holds a 0.
        for v in variants("q5", seeds: 300) {
            let z = numbers(v.values["z"])
            guard z.contains(0) else { continue }
            let negatives = z.indices.filter { z[$0] < 0 }.map { "\($0 + 1)" }.joined(separator: ", ")
            #expect(named(v.grade(step: "b.nodes", input: "{\(negatives)}")).contains("b.nodes#5"), "\(z)")
        }
        #expect(named(original("q5").grade(step: "b.fix", input: "relu")) == ["b.fix#1"])
    }

    @Test func answersArePrintedAtThePrecisionTheStepAsks() throws {
        let v = original("q5")
        #expect(try #require(v.step("a.a")).answerDisplay == "[-1.00, 0.76, 1.00, -0.76]")
        #expect(try #require(original("q3").step("a.total")).answerDisplay == "619")
        #expect(VariantStep.decimalsNamed(in: "per-sample loss, 4 decimal places.") == 4)
        #expect(Tolerance.absolute(0.005).impliedDecimals == 2)
        #expect(Tolerance.absolute(0.01).impliedDecimals == nil)
    }

    @Test func lintWarnsWhenAnAlternativesBandTakesInAMistakeOrAnOffByOneValue() {
        let answer = Value.number(0.42)
        #expect(ToleranceBandLint.bandsOverlap(.number(0.4224), .number(0.43), .absolute(0.005)))
        #expect(!ToleranceBandLint.bandsOverlap(.number(0.4224), .number(0.44), .absolute(0.005)))
        #expect(
            ToleranceBandLint.offByOne(answer, decimals: 2).contains { Tolerance.absolute(0.01).matches($0, .number(0.4224)) })
        #expect(
            !ToleranceBandLint.offByOne(answer, decimals: 2).contains { Tolerance.absolute(0.005).matches($0, .number(0.4224)) })
        for id in ["q1", "q2", "q3", "q4", "q5"] {
            #expect(ToleranceBandLint.check(question(id), seeds: 30).isEmpty, "\(id)")
        }
    }

    @Test func separatorLintFindsStraySeparatorsAndEmptyOrdinals() {
        #expect(SeparatorLint.flaw(in: "That reads the subscript as the , 18th,  entry") != nil)
        #expect(SeparatorLint.flaw(in: "it is row , 1, , column , 8.") != nil)
        #expect(SeparatorLint.flaw(in: "the th entry of W") != nil)
        #expect(SeparatorLint.flaw(in: "it is row 1, column 8.") == nil)
        #expect(SeparatorLint.flaw(in: "    x_B = [x; 1] , z") != nil)
    }
}
