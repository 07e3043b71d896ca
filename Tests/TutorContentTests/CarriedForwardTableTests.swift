import Dispatch
import Foundation
import MathEngine
import Synchronization
import Testing

@testable import ContentLoading
@testable import TutorContent

/// The per-variant grading table (`StepTable`) and the carried-forward check that uses it must
/// give exactly what the full walk over every earlier step gives (`carriedThroughEveryStep`, the
/// code carried forward had before the table), for the shipped questions over many seeds and for
/// a question built to reach the less common paths (options, expression, set and percent steps).
@Suite struct CarriedForwardTableTests {
    static let seeds: [UInt64?] = [nil] + (1...40).map { UInt64($0) }

    /// The shipped questions and the test question below.
    static let questions: [Question] = loaded.exam.questions + [chainQuestion]

    static func variants(_ q: Question) -> [Variant] {
        seeds.compactMap { try? q.variant(seed: $0) }
    }

    /// Values a student might have given for a step whose key is `v`: the key, one inside a
    /// tolerance, wrong ones, a percentage, and values of other kinds.
    static func answers(like v: Value) -> [Value] {
        var out: [Value] = [v, .text("what?"), .number(3)]
        switch v {
        case .number(let x):
            out += [.number(x + 1), .number(x * 1.1), .number(x + 1e-12), .number(-x), .number(x * 100), .number(67)]
            out.append(.vector([x, x]))
        case .vector(let xs):
            out += [.vector(xs.map { $0 + 1 }), .vector(xs + [2]), .vector(Array(xs.dropLast())), .number(xs.first ?? 0)]
            if !xs.isEmpty { out.append(.vector([xs[0] * 2] + xs.dropFirst())) }
        case .matrix(let m):
            out += [.matrix(m.map { $0.map { $0 + 1 } }), .vector(m.first ?? [])]
        case .shape(let s):
            out += [.shape(s.map { $0 + 1 }), .shape(s.reversed()), .shape(s + [1])]
        case .set(let xs):
            out += [Value.makeSet(xs + [99]), .set(Array(xs.dropFirst())), .vector(xs)]
        case .text(let t):
            out += [.text(t + " and more"), .text("")]
        case .list(let items):
            out += [.list(Array(items.dropLast())), .list(items + items)]
        }
        return out
    }

    static func same(_ a: Value?, _ b: Value?) -> Bool {
        if case .number(let x)? = a, case .number(let y)? = b { return x.bitPattern == y.bitPattern }
        return a == b
    }

    @Test func theTableDescribesTheQuestionsSteps() {
        for q in Self.questions {
            let facts = StepFacts(q.steps)
            #expect(facts.ids == q.steps.map(\.id))
            #expect(facts.variableNames == q.steps.map { Step.variableName(for: $0.id) })
            #expect(facts.percent == q.steps.map(\.percent))
            #expect(facts.hasDependencies == q.steps.map { !$0.dependencies.isEmpty })
            #expect(facts.kinds == q.steps.map(\.kind))
            for (j, step) in q.steps.enumerated() {
                #expect(facts.indexByID?[step.id] == j)
                // Every earlier step the answer names is among the steps a recomputation reads.
                let named = Set(step.dependencies.compactMap { id in q.steps.firstIndex { $0.id == id } })
                #expect(named.isSubset(of: Set(facts.reads[j])), "\(q.id) \(step.id)")
                #expect(facts.reads[j].allSatisfy { $0 < j })
            }
        }
    }

    /// Each cached recomputation formula, evaluated where the variant computed its key (the
    /// parameters and every earlier step's key value), gives that key exactly, as the step's own
    /// formula does.
    @Test func cachedFormulasRecomputeTheKeyInEveryVariant() throws {
        var compared = 0
        for q in Self.questions {
            for v in Self.variants(q) {
                var env = Environment(variables: v.values, dialect: .content)
                for (j, step) in q.steps.enumerated() {
                    defer { env.variables[step.variableName] = v.steps[j].expected }
                    guard let answer = v.table.answers[j] else {
                        #expect(step.dependencies.isEmpty, "\(q.id) \(step.id)")
                        continue
                    }
                    let raw = try q.options(of: step, env: env)
                    let cached = try q.answerValue(answer, step: step, env: env, rawOptions: raw, what: "cached")
                    let fresh = try q.answerValue(step.answer, step: step, env: env, rawOptions: raw, what: "fresh")
                    #expect(Self.same(cached, fresh), "\(q.id) \(step.id) seed \(String(describing: v.seed))")
                    if step.kind != .text {
                        #expect(Self.same(cached, v.steps[j].expected), "\(q.id) \(step.id)")
                    }
                    compared += 1
                }
            }
        }
        #expect(compared > 200)
    }

    /// One given answer at a time, each of many kinds, for every step of every variant.
    @Test func carriedMatchesTheFullWalkForEachSingleGivenAnswer() {
        var carried = 0
        for q in Self.questions {
            for v in Self.variants(q) {
                for target in v.steps {
                    for earlier in v.steps.prefix(while: { $0.id != target.id }) {
                        for answer in Self.answers(like: earlier.expected) {
                            let given = [earlier.id: answer]
                            let fast = v.carried(for: target.id, given: given)
                            let full = v.carriedThroughEveryStep(for: target.id, given: given)
                            #expect(Self.same(fast, full), "\(q.id) \(target.id) given \(earlier.id) = \(answer)")
                            if fast != nil { carried += 1 }
                        }
                    }
                }
            }
        }
        #expect(carried > 500) // the comparisons reach recomputed values, not only nil
    }

    /// Random sets of given answers (some right, some wrong), and the verdicts they lead to.
    @Test func carriedAndVerdictsMatchTheFullWalkForRandomGivenSets() {
        var rng = SeededGenerator(seed: 11)
        var carried = 0
        for q in Self.questions {
            for v in Self.variants(q) {
                for (t, target) in v.steps.enumerated() where t > 0 && target.kind != .text {
                    for _ in 0..<6 {
                        var given: [String: Value] = [:]
                        for earlier in v.steps[..<t] where rng.next() % 3 != 0 {
                            let options = Self.answers(like: earlier.expected)
                            given[earlier.id] = options[Int(rng.next() % UInt64(options.count))]
                        }
                        let fast = v.carried(for: target.id, given: given)
                        let full = v.carriedThroughEveryStep(for: target.id, given: given)
                        #expect(Self.same(fast, full), "\(q.id) \(target.id) given \(given)")
                        if fast != nil { carried += 1 }
                        // The verdict for the value carried forward (or the key's) is the one the
                        // grader gives with the full walk's value.
                        let typed = (full ?? target.expected).display
                        let reference = Grader.grade(
                            input: typed, kind: target.answerKind, expected: target.expected, rule: target.tolerance,
                            mistakes: target.mistakes, alternatives: target.alternatives, carried: full.map { [$0] } ?? [],
                            definitions: target.definitions, percent: q.steps[t].percent, log: v.log)
                        #expect(v.grade(step: target.id, input: typed, given: given) == reference, "\(q.id) \(target.id)")
                    }
                }
            }
        }
        #expect(carried > 100)
    }

    /// The table is made once per variant, shared by its copies and by threads that ask at once,
    /// and released with the variant.
    @Test func aVariantMakesItsTableOnceAndReleasesIt() {
        weak var released: StepTable?
        do {
            let v = original("q3")
            let copy = v
            let tables = Mutex<[ObjectIdentifier]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                let id = ObjectIdentifier(copy.table)
                tables.withLock { $0.append(id) }
            }
            #expect(Set(tables.withLock { $0 }) == [ObjectIdentifier(v.table)])
            #expect(v.table.facts.ids == StepFacts(v.question.steps).ids)
            released = v.table
            #expect(released != nil)
        }
        #expect(released == nil)
    }

    /// A question whose chain passes through a choice step whose options name an earlier step
    /// its answer does not, an expression step, a set step and a percent step.
    static let chainQuestion: Question = {
        let yaml = """
            id: chain
            title: Chain
            points: 8
            topic: params
            text: "n is {n}, m is {m}"
            params:
              - {name: n, value: "4", vary: "randint(2, 9)"}
              - {name: m, value: "3", vary: "randint(2, 5)"}
              - {name: w, value: "[1, 2]"}
            steps:
              - id: a.count
                prompt: "?"
                kind: integer
                answer: "n*m"
                points: 1
                hints: ["a", "b"]
                solution: "{n*m}"
              - id: a.share
                prompt: "?"
                kind: number
                percent: true
                check: abs 0.005
                answer: "1/m"
                points: 1
                hints: ["a", "b"]
                solution: "{1/m}"
              - id: a.extra
                prompt: "?"
                kind: integer
                answer: "n + 1"
                points: 1
                hints: ["a", "b"]
                solution: "{n + 1}"
              - id: b.scaled
                prompt: "?"
                kind: number
                check: rel 0.01
                answer: "a_count * a_share + sum(w)"
                points: 1
                hints: ["a", "b"]
                solution: "{a_count * a_share}"
                mistakes:
                  - {value: "a_count", why: "Scale it."}
              - id: b.pick
                prompt: "?"
                kind: choice
                options: ["{b_scaled}", "{b_scaled + a_extra}", "{@i=1..2}{i + a_count}"]
                answer: "if(b_scaled > 0, 1, 2)"
                points: 1
                hints: ["a", "b"]
                solution: "{b_scaled}"
              - id: c.members
                prompt: "?"
                kind: set
                answer: "vec(a_count, b_scaled, n)"
                points: 1
                hints: ["a", "b"]
                solution: "{n}"
              - id: c.formula
                prompt: "?"
                kind: expression
                variables: {x: "x"}
                answer: "b_scaled * x + n"
                points: 1
                hints: ["a", "b"]
                solution: "{n}"
              - id: d.last
                prompt: "?"
                kind: number
                check: sf 3
                answer: "b_scaled / a_count + len(c_members)"
                points: 1
                hints: ["a", "b"]
                solution: "{n}"
            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-chain-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try? yaml.write(toFile: dir + "/chain.yaml", atomically: true, encoding: .utf8)
        let (q, diagnostics) = ExamLoader.loadQuestion(file: dir + "/chain.yaml")
        guard let q else { fatalError("the chain question did not load: \(diagnostics)") }
        return q
    }()

    @Test func theChainQuestionLoadsWithTheDependenciesItIsMeantToHave() {
        let q = Self.chainQuestion
        #expect(q.step("b.pick")?.dependencies == ["b.scaled"])
        #expect(q.step("c.formula")?.dependencies == ["b.scaled"])
        #expect(q.step("d.last")?.dependencies == ["a.count", "b.scaled", "c.members"])
        // The options name a_extra (which the answer does not) and a_count (through the repeat),
        // so a recomputation of b.pick reads them.
        #expect(StepFacts(q.steps).reads[4] == [0, 2, 3])
        let v = Self.variants(q)[0]
        #expect(v.carried(for: "d.last", given: ["a.count": .number(6)]) != nil)
    }
}
