import Foundation
import MathEngine
import TestFixtures

@testable import ContentLoading
@testable import TutorContent

/// Loaded once for all tests.
let loaded: LoadResult = ExamLoader.load(directory: ExamFolder.sessional1)

func question(_ id: String) -> Question {
    guard let q = loaded.exam.question(id) else { fatalError("question \(id) did not load: \(loaded.errors)") }
    return q
}

func original(_ id: String) -> Variant {
    do { return try question(id).variant() } catch { fatalError("\(error)") }
}

func numbers(_ v: Value?) -> [Double] {
    switch v {
    case .number(let x)?: [x]
    case .vector(let xs)?, .set(let xs)?: xs
    default: []
    }
}

func number(_ v: Value?) -> Double {
    if case .number(let x)? = v { return x }
    return .nan
}

func texts(_ v: Value?) -> [String] {
    if case .list(let items)? = v { return items.map { if case .text(let s) = $0 { s } else { "?" } } }
    return []
}

func approx(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol }
func approx(_ a: [Double], _ b: [Double], _ tol: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol }
}

/// The letter the student sees for a choice step's correct option (options are shuffled).
func answerLetter(_ v: Variant, _ stepID: String) -> String {
    guard let s = v.step(stepID), case .text(let t) = s.expected, let i = s.options.firstIndex(of: t) else { return "?" }
    return ChoiceOrder.letter(i)
}
/// A question file without its `tests:` blocks, for tests that write their own question tests
/// into a step (a second `tests:` field would be a duplicate key).
func withoutQuestionTests(_ yaml: String) -> String {
    var out: [Substring] = []
    var inTests = false
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
        if line == "    tests:" {
            inTests = true
            continue
        }
        if inTests, line.hasPrefix("      - ") || line.hasPrefix("      #") { continue }
        inTests = false
        out.append(line)
    }
    return out.joined(separator: "\n")
}
