import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLoading
@testable import TutorContent

/// Content is data that always terminates: hostile numbers, nested repeats and nested lists are
/// errors with their `file:line`, never a trap or an endless render.
@Suite struct TerminationTests {
    let good = try! String(contentsOfFile: ExamFolder.sessional1 + "/q3.yaml", encoding: .utf8)

    /// q3 with `extra` as the first line of its question text.
    func q3(textLine extra: String) -> String {
        good.replacingOccurrences(of: "text: |\n", with: "text: |\n  \(extra)\n")
    }

    func load(_ files: [String: Data]) throws -> (LoadResult, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-term-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var files = files
        if files["exam.yaml"] == nil { files["exam.yaml"] = Data("id: t\ntitle: T\nquestions: [q3]\n".utf8) }
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return (ExamLoader.load(directory: dir), dir)
    }

    func errors(q3 text: String) throws -> [String] {
        let (result, dir) = try load(["q3.yaml": Data(text.utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return result.errors.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
    }

    var textLine: Int { good.components(separatedBy: "\n").firstIndex { $0.hasPrefix("text: |") }! + 2 }

    @Test func nestedRepeatsStopAtTheBudgetWithTheLine() throws {
        let clock = ContinuousClock(), start = clock.now
        let e = try errors(q3: q3(textLine: "{@i=1..999999}{@j=1..999999}x"))
        #expect(clock.now - start < .seconds(5))
        #expect(
            e.contains { $0.hasPrefix("q3.yaml:\(textLine): question text: repeats") && $0.contains("more than 10000") }, "\(e)")
    }

    @Test func nestedFillIsTooLargeAValue() throws {
        let e = try errors(q3: q3(textLine: "{fill(9999, fill(9999, 1))}"))
        #expect(e.contains { $0.hasPrefix("q3.yaml:\(textLine):") && $0.contains("'fill' builds too large a value") }, "\(e)")
    }

    @Test func hugePlaceholdersRenderInsteadOfTrapping() throws {
        let (result, dir) = try load(["q3.yaml": Data(q3(textLine: "big {1e19} {2^70:3} {-1e19:0}").utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(result.errors.isEmpty, "\(result.errors)")
        let text = try #require(try result.exam.questions.first?.variant().text)
        #expect(text.contains("big 1.00×10^19 1.18×10^21 −1.00×10^19"), "\(text.prefix(80))")
    }

    @Test func tooManyDecimalsIsAnError() throws {
        let e = try errors(q3: q3(textLine: "{0.5:19}"))
        #expect(e.contains("q3.yaml:\(textLine): question text: placeholder {0.5:19}: decimals must be 0 to 15."), "\(e)")
    }

    @Test func hugePointsAndChoiceIndicesAreErrors() throws {
        let pointsLine = good.components(separatedBy: "\n").firstIndex { $0.hasPrefix("points:") }! + 1
        let e = try errors(q3: good.replacingOccurrences(of: "\npoints: 10\n", with: "\npoints: 1e19\n"))
        #expect(e.contains { $0.hasPrefix("q3.yaml:\(pointsLine): ") && $0.contains("from -1e9 to 1e9") }, "\(e)")
        #expect(ValueText.fixed(.infinity, 2) == "∞" && ValueText.fixed(1e19, 2) == "1.00×10^19")
    }

    @Test func invalidUTF8IsReportedOnTheLineOfTheFirstBadByte() throws {
        var lines = good.components(separatedBy: "\n").map { Data($0.utf8) }
        lines[11].append(contentsOf: [0xFF, 0xFE])
        let (result, dir) = try load(["q3.yaml": Data(lines.joined(separator: Data("\n".utf8)))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = result.errors.map(\.description)
        #expect(
            e.count == 1
                && e[0].hasSuffix(
                    "q3.yaml:12: the file is not UTF-8: byte 0xFF at byte \(lines[11].count - 1) of this line (save it as UTF-8)."
                ), "\(e)")
    }

    @Test func controlCharactersAreReportedOnTheirLineEscaped() throws {
        var lines = good.components(separatedBy: "\n")
        lines[6] += "\u{1B}[31m"
        let e = try errors(q3: lines.joined(separator: "\n"))
        #expect(
            e.contains(
                "q3.yaml:7: control character U+001B at column \(lines[6].unicodeScalars.count - 4) is not allowed; remove it."),
            "\(e)")
        #expect(!e.joined().contains("\u{1B}"), "no raw escape in a diagnostic")
    }

    @Test func examYamlNamesOnlyFilesInItsFolder() throws {
        let exam = "id: t\ntitle: T\nquestions: [q3, ../outside, /etc/passwd]\n"
        let (result, dir) = try load(["exam.yaml": Data(exam.utf8), "q3.yaml": Data(good.utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(result.exam.questions.map(\.id) == ["q3"])
        let e = result.errors.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        #expect(
            e == [
                "exam.yaml:3: exam: question '../outside' must name a file in this folder (no '/' or '..').",
                "exam.yaml:3: exam: question '/etc/passwd' must name a file in this folder (no '/' or '..')."
            ], "\(e)")
    }
}
