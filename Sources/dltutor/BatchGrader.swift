import ArgumentParser
#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
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

    /// Grades each line as soon as it has been read (a pipe from a slow producer sees line 1's
    /// verdict at once) and flushes it. Lines end with LF, CRLF, a lone CR or CR CR LF (a file
    /// converted twice), the same from a file or standard input; Swift's `"\r\n"` Character
    /// would otherwise hide a CRLF from a split on "\n".
    func run(path: String) throws {
        var me = self
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ValidationError("cannot read batch file '\(path)'.") }
        defer { if fd != 0 { close(fd) } }
        var splitter = LineSplitter()
        var number = 0
        var malformed = 0
        func handle(_ bytes: [UInt8]) {
            number += 1
            let line = String(decoding: bytes, as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
            let result = me.grade(line: line, number: number)
            if case .object(let pairs) = result, pairs.contains(where: { $0.0 == "error" }) { malformed += 1 }
            print(result.text)
            fflush(stdout)
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            for line in splitter.feed(chunk[0..<n]) { handle(line) }
        }
        if let last = splitter.finish() { handle(last) }
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

/// Splits a byte stream into lines at LF, CRLF, CR CR LF or a lone CR, across chunk borders.
struct LineSplitter {
    private var current: [UInt8] = []
    /// Carriage returns seen and not yet known to be part of CRLF / CRCRLF or a lone CR.
    private var pendingCR = 0

    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for b in bytes {
            if b == 13 {
                pendingCR += 1
                if pendingCR == 3 { out.append(take()); pendingCR = 2 } // CR CR CR: the first CR was a lone one
                continue
            }
            if b == 10 {
                // LF, CRLF or CR CR LF: one line end (a CR CR LF is one conversion too many).
                out.append(take())
                pendingCR = 0
                continue
            }
            if pendingCR > 0 {
                // Lone CRs: each ends a line (the first ends `current`, the next an empty one).
                for _ in 0..<pendingCR { out.append(take()) }
                pendingCR = 0
            }
            current.append(b)
        }
        return out
    }

    /// The last line when the input does not end with a line end.
    mutating func finish() -> [UInt8]? {
        if pendingCR > 0 { pendingCR = 0; return take() }
        return current.isEmpty ? nil : take()
    }

    private mutating func take() -> [UInt8] { defer { current = [] }; return current }
}
