import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLoading
@testable import TutorContent

/// A broken file must be reported as `file:line: message` without stopping the good files.
@Suite struct MalformedContentTests {
    func makeDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-content-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    let good = try! String(contentsOfFile: ExamFolder.sessional1 + "/q3.yaml", encoding: .utf8)

    @Test func unknownNameInAnAnswerIsReportedWithFileAndLine() throws {
        let broken = good.replacingOccurrences(of: "answer: \"shape_params(a_shapes)\"", with: "answer: \"Pp + 1\"")
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("answer: \"Pp + 1\"") }! + 1
        let dir = try makeDirectory([
            "exam.yaml": "id: t\ntitle: T\nquestions: [good, bad, syntax]\n",
            "good.yaml": good.replacingOccurrences(of: "id: q3", with: "id: good"),
            "bad.yaml": broken.replacingOccurrences(of: "id: q3", with: "id: bad"),
            "syntax.yaml": "id: syntax\ntitle: [unclosed\npoints: 10\n"
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = ExamLoader.load(directory: dir)
        #expect(result.exam.questions.map(\.id) == ["good"])
        let messages = result.errors.map(\.description)
        #expect(messages.contains("\(dir)/bad.yaml:\(line): step 'a.total': answer formula: unknown name 'Pp'."), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(dir)/syntax.yaml:") && $0.contains("invalid YAML") }, "\(messages)")
        let syntax = result.errors.first { $0.file.hasSuffix("syntax.yaml") }
        #expect((syntax?.line ?? 0) >= 2)
    }

    @Test func missingFieldsUnknownKindsDuplicatesAndPointSums() throws {
        let text = """
            id: m
            title: Malformed
            points: 10
            topic: params
            text: "x is {x}"
            params:
              - {name: x, value: "2"}
            steps:
              - id: a.one
                prompt: "?"
                kind: integre
                answer: "x"
                points: 4
                hints: ["a", "b"]
                solution: "{x}"
              - id: a.one
                prompt: "?"
                kind: integer
                answer: "x + 1"
                points: 4
                hints: ["a", "b"]
                solution: "{x}"
              - id: a.two
                kind: number
                answer: "x"
                points: 1
                hints: ["a", "b"]
                solution: "{y}"
            """
        let dir = try makeDirectory(["exam.yaml": "id: t\ntitle: T\nquestions: [m, missing]\n", "m.yaml": text])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = ExamLoader.load(directory: dir)
        let d = result.errors.map(\.description)
        let file = dir + "/m.yaml"
        #expect(d.contains { $0.hasPrefix("\(file):11: step 'a.one': unknown kind 'integre'") }, "\(d)")
        #expect(d.contains("\(file):16: duplicate step id 'a.one'."), "\(d)")
        #expect(d.contains("\(file):23: step 'a.two': missing field 'prompt'."), "\(d)")
        #expect(d.contains { $0.hasPrefix("\(file):23: step 'a.two': missing field 'check'") }, "\(d)")
        #expect(d.contains("\(file):28: step 'a.two': solution: unknown name 'y'."), "\(d)")
        #expect(d.contains { $0.hasPrefix("\(dir)/exam.yaml:3: question file 'missing.yaml' does not exist") }, "\(d)")
        #expect(result.exam.questions.isEmpty)
    }

    @Test func pointsThatDoNotSumAreReported() throws {
        let text = good.replacingOccurrences(of: "points: 2.5", with: "points: 2")
        let dir = try makeDirectory(["exam.yaml": "id: t\ntitle: T\nquestions: [q3]\n", "q3.yaml": text])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = ExamLoader.load(directory: dir).errors.map(\.description)
        #expect(d.contains("\(dir)/q3.yaml:4: question 'q3': step points sum to 9.5, not 10."), "\(d)")
    }
}
