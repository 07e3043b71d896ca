import ContentLint
import ContentLoading
import Foundation
import MathEngine
import TerminalUI
import Testing
import TutorContent

@testable import TutorScreens
@testable import TutorSession

/// The generic picture kinds, drawn from the second exam's questions (a conv chain, softmax
/// bars, a sigmoid plot) and the first exam's weight grid: each at two widths, with every
/// value tied to a step absent until that step is known and present after.
@Suite("Screens: generic pictures")
struct GenericPictureTests {
    static func exam(_ folder: String) -> Exam {
        let dir = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/content/" + folder
        return ExamLoader.load(directory: dir).exam
    }
    static let sessional2 = exam("aml5202-sessional2")

    static func practice(_ exam: Exam, _ id: String, seed: UInt64? = nil) throws -> PracticeState {
        PracticeState(variant: try #require(exam.question(id)).variant(seed: seed))
    }

    func draw(_ p: PracticeState, width: Int, height: Int = 22) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        Picture(practice: p, glyphs: .unicode).draw(in: &buffer, rect: Rect(x: 0, y: 0, width: width, height: height))
        return buffer
    }

    func text(_ p: PracticeState, width: Int) -> String { draw(p, width: width).lines().joined(separator: "\n") }

    func know(_ p: inout PracticeState, _ id: String) throws {
        let i = try #require(p.variant.steps.firstIndex { $0.id == id })
        p.records[i].status = .correct
    }

    func expected(_ p: PracticeState, _ id: String) throws -> Value { try #require(p.variant.step(id)).expected }

    // MARK: chain

    @Test(arguments: [52, 100])
    func chainShowsEachVolumeOnceItsStepIsKnown(width: Int) throws {
        var p = try Self.practice(Self.sessional2, "q1")
        let inputFormula = try #require(formula(p, "shape(H, W, C)"))
        let input = try #require(PictureScope(variant: p.variant).value(inputFormula))
        let conv1 = try expected(p, "a.conv1_out").display
        #expect(text(p, width: width).contains(input.display), "the input volume is given")
        #expect(!text(p, width: width).contains(conv1))
        #expect(text(p, width: width).contains("?"))
        try know(&p, "a.conv1_out")
        #expect(text(p, width: width).contains(conv1))
        #expect(!text(p, width: width).contains(try expected(p, "b.conv2_out").display))
        Snapshot.assert(draw(p, width: width), named: "picture-chain-\(width)")
    }

    /// A formula of the question's own, parsed the way a picture's is (for given values).
    func formula(_ p: PracticeState, _ source: String) -> Formula? {
        (try? Parser.parse(source, dialect: .content)).map { Formula(source: source, expr: $0, line: 0) }
    }

    // MARK: bars

    @Test(arguments: [50, 100])
    func barsShowThePredictionOnceItIsKnown(width: Int) throws {
        var p = try Self.practice(Self.sessional2, "q2")
        guard case .vector(let probs) = try expected(p, "a.probs"), case .vector(let grad) = try expected(p, "c.grad") else {
            Issue.record("ŷ and ∂L/∂z are vectors")
            return
        }
        let before = text(p, width: width)
        #expect(before.contains("2 ŷ"), "each class's rows are labelled")
        #expect(!probs.map(Plot.format).contains { before.contains($0) })
        #expect(!before.contains("█ " + Plot.format(probs[0])))
        try know(&p, "a.probs")
        let after = text(p, width: width)
        #expect(probs.map(Plot.format).allSatisfy { after.contains($0) }, "\(after)")
        #expect(!grad.map(Plot.format).filter { $0.hasPrefix("-") }.contains { after.contains($0) })
        try know(&p, "c.grad")
        #expect(grad.map(Plot.format).allSatisfy { text(p, width: width).contains($0) })
        Snapshot.assert(draw(p, width: width), named: "picture-bars-\(width)")
    }

    // MARK: plot

    @Test(arguments: [50, 100])
    func plotShowsThePointThenItsSlope(width: Int) throws {
        var p = try Self.practice(Self.sessional2, "q3")
        let z = try #require(try expected(p, "a.z").number)
        let slope = try #require(try expected(p, "b.dadz").number)
        let point = "1: z=\(Plot.format(z))"
        #expect(!text(p, width: width).contains(point))
        try know(&p, "a.z")
        #expect(text(p, width: width).contains(point))
        #expect(!text(p, width: width).contains("\(point) slope"))
        try know(&p, "b.dadz")
        #expect(text(p, width: width).contains("\(point) slope \(Formatting.fixed(slope, 2))"))
        Snapshot.assert(draw(p, width: width), named: "picture-plot-\(width)")
    }

    // MARK: grid

    @Test(arguments: [50, 90])
    func gridWaitsForItsShapeAndLightsTheAskedColumn(width: Int) throws {
        let sessional1 = ScreenSnapshotTests.exam
        var p = try Self.practice(sessional1, "q2")
        let classes = try #require(p.variant.values["cats"]).display
        #expect(text(p, width: width).contains("W is ?"), "no grid before W's shape is known")
        try know(&p, "a.W_shape")
        let grid = text(p, width: width)
        #expect(!grid.contains("W is ?"))
        #expect(grid.contains("columns 1–"), "the column legend before the features are known")
        #expect(!grid.contains("■"))
        #expect(!classes.isEmpty)
        guard case .list(let features) = try expected(p, "a.features") else {
            Issue.record("the encoded features are a list")
            return
        }
        try know(&p, "a.features")
        // The legend wraps: read it as one line.
        let named = draw(p, width: width).lines().map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(features.compactMap(\.textValue).allSatisfy { named.contains($0) }, "\(named)")
        p.stepIndex = try #require(p.variant.steps.firstIndex { $0.id == "b.column" })
        #expect(!text(p, width: width).contains("■"), "lit only once the step is known")
        try know(&p, "b.column")
        let rows = try #require(p.variant.values["C"]?.number)
        #expect(draw(p, width: width).lines().filter { $0.contains("■") }.count == Int(rows))
        Snapshot.assert(draw(p, width: width), named: "picture-grid-\(width)")
    }

    // MARK: lint

    /// No label of the second exam's pictures states an open step's answer, original and 40 seeds.
    @Test func theSecondExamsPicturesGiveNothingAway() throws {
        for q in Self.sessional2.questions {
            #expect(q.picture != nil, "\(q.id) has a picture")
            for seed in [nil] + (1...40).map(UInt64.init) {
                let leaks = PictureLint.leaks(in: try q.variant(seed: seed))
                #expect(leaks.isEmpty, "\(q.id) seed \(String(describing: seed)): \(leaks.map(\.message))")
            }
        }
    }

    /// A box showing a step's answer without `after` is a leak, reported at the picture's line;
    /// tied to its step, it is not.
    @Test func anUntiedAnswerIsALeakAtThePicturesLine() throws {
        let leaking = try PictureQuestion.load(box: "{name: \"z\", shape: \"w*x_in\"}")
        let leaks = PictureLint.leaks(in: try leaking.question.variant())
        #expect(leaks.map(\.answerOf).contains("z"), "\(leaks.map(\.message))")
        #expect(leaks.allSatisfy { $0.line == leaking.pictureLine })
        let tied = try PictureQuestion.load(box: "{name: \"z\", shape: \"w*x_in\", after: z}")
        #expect(PictureLint.leaks(in: try tied.question.variant()).isEmpty)
    }
}

/// A one-step question with a one-box chain, written to a temporary folder and loaded.
enum PictureQuestion {
    static func load(box: String) throws -> (question: Question, pictureLine: Int) {
        let text = """
            id: p
            title: Leak
            points: 1
            topic: gradients
            text: "A neuron has w = {w} and input {x_in}."
            params:
              - {name: w, value: "7"}
              - {name: x_in, value: "3"}
            steps:
              - id: z
                prompt: "Compute z = w·x."
                kind: number
                check: abs 0.005
                answer: "w*x_in"
                points: 1
                hints: ["Multiply the weight by the input.", "w times x."]
                solution: "z = {w*x_in}."
            picture:
              kind: chain
              boxes:
                - \(box)

            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-leak-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id: t\ntitle: T\nquestions: [p]\n".write(toFile: dir + "/exam.yaml", atomically: true, encoding: .utf8)
        try text.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let loaded = ExamLoader.load(directory: dir)
        let q = try #require(loaded.exam.question("p"), "\(loaded.diagnostics.map(\.description))")
        let line = (text.components(separatedBy: "\n").firstIndex { $0.contains("kind: chain") } ?? -1) + 1
        return (q, line)
    }
}
