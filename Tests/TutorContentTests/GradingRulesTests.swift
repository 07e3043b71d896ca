import ContentLoading
import Foundation
import MathEngine
import Testing

@testable import TutorContent

/// The grading rules a question states: accepted forms and what later steps see of them
/// (`accept:` with `map:`), several causes of one mistake (`causes:`), mistakes kept apart from
/// the answer and each other (`distinct: true`). Every expected value comes from the engine.
@Suite struct GradingRulesTests {
    /// Writes `text` as a question file in a folder of its own and loads it.
    func load(_ text: String) throws -> (Question?, [Diagnostic], String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-rules-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/q.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (q, diagnostics) = ExamLoader.loadQuestion(file: file)
        return (q, diagnostics, file)
    }

    func loaded(_ text: String) throws -> Question {
        let (q, diagnostics, _) = try load(text)
        return try #require(q, "\(diagnostics)")
    }

    /// A shape step that accepts the channels-first form, then a step reading the channel count.
    static func channels(map: String?) -> String {
        let mapField = map.map { ", map: \"\($0)\"" } ?? ""
        return """
            id: q
            title: Channels
            points: 2
            topic: shapes
            text: "An image of {h} by {w} pixels with {c} channels."
            params:
              - {name: h, value: "32"}
              - {name: w, value: "28"}
              - {name: c, value: "3"}
            steps:
              - id: a.shape
                prompt: "The image's shape, channels last."
                kind: shape
                answer: "shape(h, w, c)"
                points: 1
                accept:
                  - {value: "shape(c, h, w)", note: "channels first"\(mapField)}
                hints: ["Height, width, channels.", "Channels last."]
                solution: "{h}×{w}×{c}"
              - id: b.channels
                prompt: "How many channels does your shape have?"
                kind: integer
                answer: "at(a_shape, 3)"
                points: 1
                hints: ["The last entry.", "Read it off."]
                solution: "{c}"
            """
    }

    /// What the student typed for step 1, read as the engine reads it.
    func given(_ v: Variant, _ typed: String) throws -> [String: Value] {
        ["a.shape": try #require(v.read(step: "a.shape", input: typed))]
    }

    @Test(arguments: [nil, "shape(at(answer, 2), at(answer, 3), at(answer, 1))"])
    func anAcceptedFormCannotMakeAWrongLaterAnswerRight(map: String?) throws {
        let v = try loaded(Self.channels(map: map)).variant()
        let h = number(v.values["h"]), w = number(v.values["w"]), c = number(v.values["c"])
        let channelsFirst = "\(Int(c))x\(Int(h))x\(Int(w))"
        #expect(v.grade(step: "a.shape", input: channelsFirst) == .correctAlternative(note: "channels first"))
        let g = try given(v, channelsFirst)
        // The raw channels-first shape's third entry is the width: no credit for it.
        guard case .incorrect = v.grade(step: "b.channels", input: String(Int(w)), given: g) else {
            Issue.record("the width was accepted as the channel count after a channels-first shape")
            return
        }
        #expect(v.grade(step: "b.channels", input: String(Int(c)), given: g) == .correct)
        #expect(v.carried(for: "b.channels", given: g) == nil)
        #expect(v.carriedThroughEveryStep(for: "b.channels", given: g) == nil)
        // A genuinely wrong shape still carries forward.
        let wrong = try given(v, "\(Int(h))x\(Int(w))x\(Int(c) + 2)")
        #expect(v.grade(step: "b.channels", input: String(Int(c) + 2), given: wrong) == .carriedForward)
    }

    @Test func aMapGivesLaterStepsTheStudentsValueInTheCanonicalForm() throws {
        let text = """
            id: q
            title: Shares
            points: 2
            topic: loss
            text: "p is {p}."
            params:
              - {name: p, value: "0.4567"}
            steps:
              - id: a.p
                prompt: "p, 2 decimals."
                kind: number
                check: abs 0.005
                answer: "p"
                points: 1
                accept:
                  - {value: "100*p", note: "as a percentage", map: "answer/100"}
                hints: ["It is given.", "Read it."]
                solution: "{p}"
              - id: b.q
                prompt: "1 − p."
                kind: number
                check: abs 0.005
                answer: "1 - a_p"
                points: 1
                hints: ["Subtract.", "From 1."]
                solution: "{1 - p}"
            """
        let q = try loaded(text)
        let v = try q.variant()
        let p = number(v.values["p"])
        let typed = 100 * p + 0.004 // accepted as the percentage, within the step's check
        #expect(v.grade(step: "a.p", input: "\(typed)") == .correctAlternative(note: "as a percentage"))
        #expect(approx(number(v.canonicalGiven(.number(typed), at: 0, percent: false)), typed / 100))
        // Without the map, the key's value.
        let unmapped = try loaded(text.replacingOccurrences(of: ", map: \"answer/100\"", with: "")).variant()
        #expect(unmapped.canonicalGiven(.number(typed), at: 0, percent: false) == unmapped.steps[0].expected)
        // The same value given raw would make 1 − 45.7 "consistent"; mapped, it is not.
        guard case .incorrect = v.grade(step: "b.q", input: "\(1 - typed)", given: ["a.p": .number(typed)]) else {
            Issue.record("1 − (the percentage) was credited")
            return
        }
    }

    /// A conv layer's parameter count with two mistakes given by causes.
    static let filters = """
        id: q
        title: Filters
        points: 1
        topic: params
        text: "{F} filters of {k}×{k} on {C} channels."
        params:
          - {name: k, value: "3"}
          - {name: F, value: "8"}
          - {name: C, value: "3", vary: "pick([1, 3])"}
        steps:
          - id: a.params
            prompt: "Trainable parameters."
            kind: integer
            answer: "k*k*C*F + F"
            points: 1
            mistakes:
              - value: "k*k*F"
                causes:
                  - {when: "C > 1", text: "Two slips: a filter spans every input channel, and each filter has a bias."}
              - value: "k*k*C*F"
                causes:
                  - "Each filter also has a bias."
                  - {when: "C == 3", text: "The {C} colour channels are right; the biases are missing."}
            hints: ["Weights per filter.", "Then the biases."]
            solution: "{k*k*C*F + F}"
        """

    @Test func causesGiveTheExplanationsThatApplyInTheVariant() throws {
        let q = try loaded(Self.filters)
        let v = try q.variant()
        let k = number(v.values["k"]), f = number(v.values["F"]), c = number(v.values["C"])
        let step = try #require(v.step("a.params"))
        #expect(step.mistakes.map(\.id) == ["a.params#1", "a.params#2"])
        guard case .incorrect(let one, _, _) = v.grade(step: "a.params", input: String(Int(k * k * f))) else {
            Issue.record("not a named mistake")
            return
        }
        #expect(one.map(\.explanation) == ["Two slips: a filter spans every input channel, and each filter has a bias."])
        guard case .incorrect(let two, _, _) = v.grade(step: "a.params", input: String(Int(k * k * c * f))) else {
            Issue.record("not a named mistake")
            return
        }
        #expect(
            two.first?.explanation
                == "More than one slip gives this value: Each filter also has a bias; or The 3 colour channels are right; the biases are missing."
        )
        // A variant with one channel: the first mistake has no cause there, the second one cause.
        let seed = try #require((1...200).first { number(try? q.variant(seed: UInt64($0)).values["C"]) == 1 })
        let single = try q.variant(seed: UInt64(seed))
        let singleStep = try #require(single.step("a.params"))
        #expect(singleStep.mistakes.map(\.id) == ["a.params#2"])
        #expect(singleStep.mistakes.first?.explanation == "Each filter also has a bias.")
    }

    @Test func theCacheKeepsCausesMapsAndDistinct() throws {
        let q = try loaded(
            Self.filters.replacingOccurrences(
                of: "    points: 1\n    mistakes:", with: "    points: 1\n    distinct: true\n    mistakes:"))
        #expect(q.steps[0].distinct)
        var w = CacheWriter()
        ContentCodec.write(&w, q)
        var r = CacheReader(w.bytes)
        let back = try ContentCodec.readQuestion(&r)
        #expect(back.steps[0].distinct)
        #expect(back.steps[0].mistakes.map(\.causes.count) == [1, 2])
        #expect(back.steps[0].mistakes[1].causes[1].when?.source == "C == 3")
        let channels = try loaded(Self.channels(map: "answer"))
        var w2 = CacheWriter()
        ContentCodec.write(&w2, channels)
        var r2 = CacheReader(w2.bytes)
        #expect(try ContentCodec.readQuestion(&r2).steps[0].accept[0].map?.source == "answer")
    }

    /// A step whose named mistake n + 2 equals the answer 2n when n is 2.
    static func coinciding(distinct: Bool, mistake: String = "n + 2", n: String = "3") -> String {
        """
        id: q
        title: Doubles
        points: 1
        topic: params
        text: "n is {n}."
        params:
          - {name: n, value: "\(n)", vary: "randint(1, 4)"}
        steps:
          - id: a.double
            prompt: "Twice n."
            kind: integer
            answer: "2*n"
            points: 1
            \(distinct ? "distinct: true" : "")
            mistakes:
              - {value: "\(mistake)", why: "Twice is times two, not plus two."}
            hints: ["Double it.", "Times two."]
            solution: "{2*n}"
        """
    }

    @Test func distinctRejectsTheVariantsWhereAMistakeCoincides() throws {
        let plain = try loaded(Self.coinciding(distinct: false))
        let kept = try loaded(Self.coinciding(distinct: true))
        let seeds = (1...300).map { UInt64($0) }
        let plainNs = try seeds.map { number(try plain.variant(seed: $0).values["n"]) }
        #expect(plainNs.contains(2), "without distinct some variant has the coinciding n")
        for s in seeds {
            let v = try kept.variant(seed: s)
            #expect(number(v.values["n"]) != 2, "seed \(s)")
            #expect(v.step("a.double")?.mistakes.count == 1, "seed \(s): the mistake is shown")
        }
    }

    @Test func aDistinctStepThatAlwaysCoincidesIsReportedAtItsLine() throws {
        let q = try loaded(Self.coinciding(distinct: true, mistake: "n + n"))
        let line = q.steps[0].line
        do {
            _ = try q.variant(seed: 1)
            Issue.record("a variant was built")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains("'distinct: true' of step 'a.double'"))
            #expect(error.message.contains("rejects every draw"))
        }
    }

    @Test func anOriginalExamBreakingDistinctIsAnError() throws {
        let (_, diagnostics, file) = try load(Self.coinciding(distinct: true, n: "2"))
        let d = try #require(diagnostics.first { $0.message.contains("'distinct: true' does not hold for the original exam") })
        #expect(d.isError)
        #expect(d.description.hasPrefix("\(file):"))
    }

    @Test(arguments: [
        ("{value: \"1\", why: \"a\", causes: [\"b\"]}", "a mistake needs 'why' or 'causes'"),
        ("{value: \"1\"}", "a mistake needs 'why' or 'causes'"),
        ("{value: \"1\", causes: []}", "'causes' needs at least one cause"),
        ("{value: \"1\", causes: [{when: \"zz > 1\", text: \"a\"}]}", "unknown name 'zz'"),
        ("{value: \"1\", causes: [{when: \"n > 1\"}]}", "missing field 'text'")
    ])
    func brokenCausesAreErrorsAtTheirLine(mistake: String, message: String) throws {
        let text = Self.coinciding(distinct: false).replacingOccurrences(
            of: "{value: \"n + 2\", why: \"Twice is times two, not plus two.\"}", with: mistake)
        let (q, diagnostics, file) = try load(text)
        #expect(q == nil)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(mistake) }! + 1
        let d = try #require(diagnostics.first { $0.isError && $0.message.contains(message) }, "\(diagnostics)")
        #expect(d.line == line)
        #expect(d.description.hasPrefix("\(file):\(line):"))
    }

    @Test func brokenMapsAndDistinctAreErrorsAtTheirLine() throws {
        let badMap = Self.channels(map: "reverse(answr)")
        let (q, diagnostics, file) = try load(badMap)
        #expect(q == nil)
        let mapLine = badMap.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("map:") }! + 1
        let d = try #require(diagnostics.first { $0.isError && $0.message.contains("accepted form's map") }, "\(diagnostics)")
        #expect(d.description.hasPrefix("\(file):\(mapLine):"))

        let noMistakes = Self.channels(map: nil).replacingOccurrences(
            of: "    kind: integer\n", with: "    kind: integer\n    distinct: true\n")
        let (q2, diagnostics2, _) = try load(noMistakes)
        #expect(q2 == nil)
        let distinctLine =
            noMistakes.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("distinct:") }! + 1
        let d2 = try #require(diagnostics2.first { $0.message.contains("'distinct' keeps named mistakes apart") })
        #expect(d2.line == distinctLine)
    }

    @Test func aQuestionTestCanExpectTheImpreciseVerdict() {
        #expect(StepTest.Expected(Verdict.imprecise(asked: "4 decimal places")) == .imprecise)
        #expect(StepTest.Expected(rawValue: "imprecise") == .imprecise)
    }
}
