import Foundation
import TestFixtures
import Testing

@testable import ContentLint
@testable import ContentLoading
@testable import TutorContent

/// The complete example question in the authors' reference (`docs/content-format.md`) loads and
/// lints clean, so the reference never teaches a format the loader no longer reads.
struct ContentReferenceExampleTests {
    /// The first ```yaml block after the "## A complete example" heading.
    static func exampleQuestion() throws -> String {
        let docs = URL(fileURLWithPath: ExamFolder.sessional1).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/content-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.range(of: "## A complete example"))
        let open = try #require(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "\n```", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound])
    }

    static func examFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "id: reference\ntitle: \"Reference example\"\nquestions: [neuron]\n".write(
            to: dir.appendingPathComponent("exam.yaml"), atomically: true, encoding: .utf8)
        try exampleQuestion().write(to: dir.appendingPathComponent("neuron.yaml"), atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test func theExampleLoadsAndLintsClean() throws {
        let folder = try Self.examFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loaded = ExamLoader.load(directory: folder)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.exam.questions.map(\.id) == ["neuron"])
        let lint = Lint.run(directory: folder, seeds: 200)
        #expect(lint.isEmpty, "\(lint.map(\.description))")
    }

    /// The example's steps grade as its comments say: z is w·x + b, and a slip in z is carried
    /// forward into a = σ(z).
    @Test func theExampleGrades() throws {
        let folder = try Self.examFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let q = try #require(ExamLoader.load(directory: folder).exam.question("neuron"))
        let v = try q.variant()
        #expect(v.step("z")?.expected.number == 0.5)
        #expect(v.step("a.value")?.expected.number == 1 / (1 + exp(-0.5)))
    }
}
