import Foundation
import TestFixtures
import Testing

@testable import ContentLint
@testable import TutorContent

/// Lint says what is wrong in the author's terms: the root cause once (what depends on it is a
/// note, never more errors), a function the language lacks with the way to write it, a `%` that
/// would multiply, and the constraint that leaves a seed without a variant.
struct LintTeachingTests {
    func q3(_ edit: (String) -> String) throws -> String { try editedExam("q3", edit) }

    func lint(_ dir: String, seeds: Int = 5) -> [Diagnostic] {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return Lint.run(directory: dir, seeds: seeds)
    }

    @Test func aBrokenParameterIsOneErrorAndOneNote() throws {
        let dir = try q3 { $0.replacingOccurrences(of: "vary: \"randint(5, 40)\"", with: "vary: \"randint(5, 40\"") }
        let found = lint(dir)
        let errors = found.filter(\.isError)
        #expect(errors.count == 1, "\(found.map(\.description))")
        #expect(errors.first?.message.contains("parameter 'n_in' vary") == true)
        let notes = found.filter { $0.severity == .note }
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note.message.contains("depend on 'n_in'"))
        #expect(note.message.contains("steps"))
        #expect(note.description.contains(": note: "))
        #expect(!found.contains { $0.message.contains("has no steps") || $0.message.contains("points sum") })
    }

    @Test func aStepWithAnErrorHoldsBackOnlyTheStepsThatUseIt() throws {
        let dir = try q3 { $0.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"L - \"") }
        let found = lint(dir)
        #expect(found.filter(\.isError).count == 1, "\(found.map(\.description))")
        let note = try #require(found.first { $0.severity == .note })
        #expect(note.message.contains("'a.hidden_layers'"))
        #expect(note.message.contains("1 step ('a.sizes')"))
    }

    @Test func aMissingFunctionIsNamedWithTheWayToWriteIt() throws {
        let modDir = try q3 { $0.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"mod(L, 3)\"") }
        let message = try #require(lint(modDir).first { $0.isError }).message
        #expect(message.contains("unknown function 'mod'"))
        #expect(message.contains("x - q*floor(x/q)"))
        #expect(!message.contains("square brackets"))
        let dotDir = try q3 { $0.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"dot(L)\"") }
        let dot = try #require(lint(dotDir).first { $0.isError })
        #expect(dot.message.contains("unknown function 'dot'; write sum(a*b)"))
        let typoDir = try q3 { $0.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"sqr(L)\"") }
        let typo = try #require(lint(typoDir).first { $0.isError })
        #expect(typo.message.contains("did you mean 'sqrt'?"))
        // A name times a bracket is still multiplication when the name is known.
        let productDir = try q3 { $0.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"L(2) - L - 1\"") }
        #expect(lint(productDir).isEmpty)
    }

    @Test func percentBeforeANameOrNumberIsAnError() throws {
        for formula in ["L % h", "L % 2", "L %(h)"] {
            let dir = try q3 { $0.replacingOccurrences(of: "answer: \"L - 1\"", with: "answer: \"\(formula)\"") }
            let found = lint(dir)
            let message = try #require(found.first { $0.isError }).message
            #expect(message.contains("'%' means percent"), "\(formula): \(message)")
        }
    }

    @Test func aConstraintNoDrawMeetsIsNamedAtItsLine() throws {
        let dir = try q3 {
            $0.replacingOccurrences(of: "  - \"frac(nstar) != 0\"\n", with: "  - \"frac(nstar) != 0\"\n  - \"C > 10\"\n")
        }
        let source = try String(contentsOfFile: dir + "/q3.yaml", encoding: .utf8)
        let line = source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"C > 10\"") }! + 1
        let found = lint(dir, seeds: 1)
        let error = try #require(found.first { $0.message.contains("satisfies the constraints") })
        #expect(error.line == line)
        #expect(error.message.contains("the constraint \"C > 10\" rejects every draw"))
    }
}
