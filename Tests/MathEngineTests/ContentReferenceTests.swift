import Foundation
import Testing

@testable import MathEngine

/// The authors' reference (`docs/content-format.md`) lists every function the engine knows, and
/// its examples evaluate to what it says: a function added without a line, or a line for a function
/// that is gone, fails here.
struct ContentReferenceTests {
    /// One row of a function table: the names in its first cell and the examples in its last.
    struct Row {
        var names: [String]
        var examples: [String]
        var section: String
    }

    static let reference: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let path = url.appendingPathComponent("docs/content-format.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// The rows of the tables under "## Content functions", with the `###` heading they sit under.
    static let rows: [Row] = {
        var out: [Row] = []
        var inFunctions = false
        var section = ""
        for line in reference.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inFunctions = line == "## Content functions" }
            if line.hasPrefix("### ") { section = String(line.dropFirst(4)) }
            guard inFunctions, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4 else { continue }
            // `log(x)`, `log(x, b)`: one function written two ways is one name.
            var names: [String] = []
            for name in codeSpans(cells[1]).compactMap(functionName) where !names.contains(name) { names.append(name) }
            out.append(Row(names: names, examples: codeSpans(cells[3]), section: section))
        }
        return out
    }()

    static func codeSpans(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map {
            String($0.element)
        }
    }

    static func functionName(_ span: String) -> String? {
        guard let open = span.firstIndex(of: "(") else { return nil }
        return String(span[..<open])
    }

    @Test func theReferenceIsFound() {
        #expect(Self.rows.count > 40, "docs/content-format.md was not found or lost its function tables")
    }

    @Test func everyFunctionHasExactlyOneLine() {
        let documented = Self.rows.flatMap(\.names)
        #expect(Set(documented) == Set(Functions.table.keys), "documented: \(documented.sorted())")
        #expect(documented.count == Set(documented).count, "a function is documented twice")
    }

    @Test func functionsSitUnderTheirDialect() {
        for row in Self.rows {
            for name in row.names {
                let dialect = Functions.table[name]?.dialect
                switch row.section {
                case "Functions a student may also type": #expect(dialect == .student, "\(name)")
                case "Functions for content only": #expect(dialect == .content, "\(name)")
                case "Random functions": #expect(dialect == .random, "\(name)")
                default: Issue.record("\(name) is under an unknown heading '\(row.section)'")
                }
            }
        }
    }

    /// Every example evaluates in the content language; an example written `expr = value` gives
    /// that value.
    @Test func examplesEvaluateToWhatTheySay() throws {
        let names: [String: Value] = [
            "x": .number(2), "h": .number(8), "n_in": .number(19), "C": .number(3), "z": .vector([0.5, -2])
        ]
        for row in Self.rows {
            for example in row.examples where example.contains("(") {
                let env = Environment(
                    variables: names, dialect: row.section == "Random functions" ? .random : .content,
                    rng: RandomSource(seed: 7))
                let value = try Evaluator.evaluate(Parser.parse(example, dialect: env.dialect), in: env)
                if let stated = Self.statedValue(after: example, in: row) {
                    #expect(value.display == stated, "\(example) gives \(value.display), the reference says \(stated)")
                }
            }
        }
    }

    /// The `= value` written right after an example's code span, if any.
    static func statedValue(after example: String, in row: Row) -> String? {
        guard let line = reference.split(separator: "\n").first(where: { $0.contains("`\(example)` = ") }),
            let range = line.range(of: "`\(example)` = ")
        else { return nil }
        let rest = line[range.upperBound...]
        return rest.prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
    }
}
