import ContentLoading
import Foundation
import Testing

@testable import TutorContent

/// The `picture:` field: a generic kind's fields load into a `PictureSpec`, and every kind of
/// bad picture is an error at the line that has it.
@Suite struct PictureFieldTests {
    /// A one-step question with `picture` appended at the end of the file.
    static func question(picture: String) -> String {
        """
        id: p
        title: Pictures
        points: 1
        topic: gradients
        text: "A neuron has w = {w} and input {x_in}."
        params:
          - {name: w, value: "2"}
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

        """ + picture
    }

    /// Loads the question with `picture` from a temporary folder: the load result and the file.
    static func load(picture: String) throws -> (LoadResult, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-picture-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "id: t\ntitle: T\nquestions: [p]\n".write(toFile: dir + "/exam.yaml", atomically: true, encoding: .utf8)
        try question(picture: picture).write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        return (ExamLoader.load(directory: dir), dir + "/p.yaml")
    }

    /// The 1-based line of the first line of the question file that contains `marker`.
    static func line(of marker: String, picture: String) -> Int {
        (question(picture: picture).components(separatedBy: "\n").firstIndex { $0.contains(marker) } ?? -1) + 1
    }

    /// The load's errors as `file:line: message`, for the picture given.
    func errors(_ picture: String) throws -> [String] {
        let (result, file) = try Self.load(picture: picture)
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        return result.errors.map(\.description)
    }

    @Test func aGenericPlotLoadsWithItsFieldsAndGates() throws {
        let picture = """
            picture:
              kind: plot
              title: "σ at z = {w*x_in}"
              f: "sigmoid(x)"
              from: "-6"
              to: "6"
              points:
                - {x: "w*x_in", label: "z", after: z, tangent: true, tangent_after: [z]}
            """
        let (result, file) = try Self.load(picture: picture)
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let q = try #require(result.exam.question("p"))
        guard case .generic(let spec)? = q.picture else {
            Issue.record("expected a generic picture, got \(String(describing: q.picture))")
            return
        }
        #expect(spec.kind == .plot)
        #expect(spec.fields.formulas["f"]?.source == "sigmoid(x)")
        #expect(spec.fields.line == Self.line(of: "kind: plot", picture: picture))
        #expect(spec.items.count == 1)
        #expect(spec.items[0].gate() == ["z"])
        #expect(spec.items[0].gate("tangent_after") == ["z"])
        #expect(spec.items[0].flags == ["tangent"])
        #expect(spec.gateSteps == ["z"])
    }

    @Test func aBuiltInNameStillLoads() throws {
        let (result, file) = try Self.load(picture: "picture: tanh_points\n")
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        guard case .builtIn(let name)? = try #require(result.exam.question("p")).picture else {
            Issue.record("expected a built-in picture")
            return
        }
        #expect(name == "tanh_points")
    }

    @Test func anUnknownKindIsAnErrorAtItsLine() throws {
        let picture = "picture:\n  kind: pie\n  title: \"Shares\"\n"
        let line = Self.line(of: "kind: pie", picture: picture)
        let found = try errors(picture)
        #expect(
            found.contains { $0.hasSuffix(".yaml:\(line): picture: unknown kind 'pie'; use one of chain, bars, plot, grid.") },
            "\(found)")
    }

    @Test func anUnknownPictureNameIsAnErrorAtItsLine() throws {
        let picture = "picture: pie_chart\n"
        let line = Self.line(of: "picture: pie_chart", picture: picture)
        let found = try errors(picture)
        #expect(
            found.contains {
                $0.hasSuffix(
                    ".yaml:\(line): unknown picture 'pie_chart'; use a generic kind (chain, bars, plot, grid) or one of forward_chain, layers, loss_accuracy, tanh_points, w_grid."
                )
            }, "\(found)")
    }

    @Test func aMissingFieldIsAnErrorAtThePicturesLine() throws {
        let picture = "picture:\n  kind: plot\n  f: \"tanh(x)\"\n  from: \"-3\"\n"
        let line = Self.line(of: "kind: plot", picture: picture)
        let found = try errors(picture)
        #expect(found.contains { $0.hasSuffix(".yaml:\(line): picture: missing field 'to'.") }, "\(found)")
    }

    @Test func aMissingItemFieldIsAnErrorAtTheItemsLine() throws {
        let picture = "picture:\n  kind: bars\n  series:\n    - {name: \"y\"}\n"
        let line = Self.line(of: "{name: \"y\"}", picture: picture)
        let found = try errors(picture)
        #expect(found.contains { $0.hasSuffix(".yaml:\(line): picture: series item 1: missing field 'values'.") }, "\(found)")
    }

    @Test func aFormulaThatDoesNotParseIsAnErrorAtItsLine() throws {
        let picture = "picture:\n  kind: plot\n  f: \"tanh(x\"\n  from: \"-3\"\n  to: \"3\"\n"
        let line = Self.line(of: "f: \"tanh(x\"", picture: picture)
        let found = try errors(picture)
        #expect(found.contains { $0.contains(".yaml:\(line): picture 'f': ") }, "\(found)")
    }

    @Test func anUnknownNameIsAnErrorAtItsLine() throws {
        let picture = "picture:\n  kind: chain\n  boxes:\n    - {name: \"input\", shape: \"shape(n_in)\"}\n"
        let line = Self.line(of: "shape(n_in)", picture: picture)
        let found = try errors(picture)
        #expect(found.contains { $0.contains(".yaml:\(line): picture: boxes item 1 'shape': unknown name 'n_in'") }, "\(found)")
    }

    @Test func anAfterThatNamesNoStepIsAnErrorAtItsLine() throws {
        let picture = "picture:\n  kind: chain\n  boxes:\n    - {name: \"z\", shape: \"w*x_in\", after: a.z}\n"
        let line = Self.line(of: "after: a.z", picture: picture)
        let found = try errors(picture)
        #expect(
            found.contains { $0.hasSuffix(".yaml:\(line): picture: boxes item 1 'after': no step 'a.z' in this question.") },
            "\(found)")
    }

    @Test func aGridHighlightNeedsARowOrAColumn() throws {
        let picture = "picture:\n  kind: grid\n  rows: \"2\"\n  cols: \"3\"\n  highlights:\n    - {caption: \"nothing\"}\n"
        let line = Self.line(of: "caption: \"nothing\"", picture: picture)
        let found = try errors(picture)
        #expect(
            found.contains { $0.hasSuffix(".yaml:\(line): picture: highlights item 1: give 'row', 'col' or both.") }, "\(found)")
    }

    @Test func aChainWithoutBoxesIsAnError() throws {
        let picture = "picture:\n  kind: chain\n  title: \"Empty\"\n"
        let line = Self.line(of: "kind: chain", picture: picture)
        let found = try errors(picture)
        #expect(
            found.contains { $0.hasSuffix(".yaml:\(line): picture: a chain needs at least one item under 'boxes'.") }, "\(found)")
    }
}
