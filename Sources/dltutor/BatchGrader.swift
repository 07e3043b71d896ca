import ArgumentParser
import Foundation
import MathEngine
import TutorContent

/// Grades many answers in one process (`check --batch`): how an instructor grades answers typed
/// in from paper. A malformed line gets an error object and the rest are still graded.
struct BatchGrader {
    let exam: Exam
    /// Variants by question id and seed, made once each.
    private var cache: [String: Variant] = [:]

    init(exam: Exam) { self.exam = exam }

    func run(path: String) throws {
        var me = self
        let text: String
        if path == "-" {
            var lines: [String] = []
            while let line = readLine(strippingNewline: true) { lines.append(line) }
            text = lines.joined(separator: "\n")
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read batch file '\(path)'.")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        var malformed = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw      // files saved with CRLF line ends
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let result = me.grade(line: String(line), number: n + 1)
            if case .object(let pairs) = result, pairs.contains(where: { $0.0 == "error" }) { malformed += 1 }
            print(result.text)
        }
        if malformed > 0 {
            printError("\(malformed) malformed line\(malformed == 1 ? "" : "s") (see the \"error\" objects above).")
            throw ExitCode(3)
        }
    }

    mutating func grade(line: String, number: Int) -> JSONValue {
        let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func failure(_ message: String) -> JSONValue {
            .object([("line", .number(Double(number))), ("error", .string(message))])
        }
        guard cols.count >= 3 else {
            return failure("expected QUESTION<TAB>STEP<TAB>ANSWER, found \(cols.count) column\(cols.count == 1 ? "" : "s").")
        }
        var seed: UInt64?
        var givenItems: [String] = []
        for extra in cols.dropFirst(3) where !extra.isEmpty {
            if extra.contains("=") { givenItems.append(extra); continue }
            guard let s = UInt64(extra.trimmingCharacters(in: .whitespaces)) else {
                return failure("column 4 should be a seed (a whole number) or STEP=ANSWER, not '\(extra)'.")
            }
            seed = s
        }
        do {
            let question = try exam.find(cols[0].trimmingCharacters(in: .whitespaces))
            let key = "\(question.id)#\(seed.map(String.init) ?? "original")"
            let variant: Variant
            if let cached = cache[key] {
                variant = cached
            } else {
                do { variant = try question.variant(seed: seed) } catch { return failure(error.description) }
                cache[key] = variant
            }
            let step = try variant.findStep(cols[1].trimmingCharacters(in: .whitespaces))
            let given = try parseGiven(givenItems, variant: variant)
            let verdict = variant.grade(step: step.id, input: cols[2], given: given)
            guard case .object(var pairs) = VerdictJSON.make(verdict, variant: variant, step: step, input: cols[2]) else {
                return failure("internal error")
            }
            pairs.insert(("line", .number(Double(number))), at: 0)
            return .object(pairs)
        } catch let e as ValidationError {
            return failure(e.message)
        } catch {
            return failure("\(error)")
        }
    }
}
