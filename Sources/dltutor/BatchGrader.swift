import ArgumentParser
import Foundation
import MathEngine
import TutorCLI
import TutorContent
import TutorOutput

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Grades many answers in one process (`check --batch`): how an instructor grades answers typed
/// in from paper. A malformed line gets an error object and the rest are still graded.
struct BatchGrader {
    let exam: Exam
    /// Variants by question id and seed, made once each.
    private var cache: [String: Variant] = [:]

    init(exam: Exam) { self.exam = exam }

    /// The longest line graded, in bytes: a line of any real answer is a few hundred bytes; a
    /// longer one (a binary file, `/dev/zero`) gets an error object instead of filling memory.
    static let maxLineBytes = 65_536

    /// Grades each line as soon as it has been read (a pipe from a slow producer sees line 1's
    /// verdict at once) and flushes it; output that cannot be written ends the run (status 74).
    /// Lines end with LF, CRLF, a lone CR or CR CR LF (a file converted twice), the same from a
    /// file or standard input; Swift's `"\r\n"` Character would otherwise hide a CRLF from a
    /// split on "\n". A folder or a device is refused; a read error is an error, not an end.
    func run(path: String) throws {
        var me = self
        let fd = try Self.openInput(path)
        defer { if fd != 0 { close(fd) } }
        var splitter = LineSplitter(limit: Self.maxLineBytes)
        var number = 0
        var malformed = 0
        func handle(_ line: LineSplitter.Line) {
            number += 1
            let result: JSONValue
            if line.truncated {
                result = .object([
                    ("line", .number(Double(number))),
                    ("error", .string("the line is longer than \(Self.maxLineBytes) bytes; it was not graded."))
                ])
            } else {
                let text = String(decoding: line.bytes, as: UTF8.self)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
                result = me.grade(line: text, number: number)
            }
            if case .object(let pairs) = result, pairs.contains(where: { $0.0 == "error" }) { malformed += 1 }
            print(result.text)
            if let problem = StandardOutput.flushProblem() { StandardOutput.fail(problem) }
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw ValidationError("cannot read batch file '\(path)': \(String(cString: strerror(errno))).") }
            guard n > 0 else { break }
            for line in splitter.feed(chunk[0..<n]) { handle(line) }
        }
        if let last = splitter.finish() { handle(last) }
        if malformed > 0 {
            printError("\(malformed) malformed line\(malformed == 1 ? "" : "s") (see the \"error\" objects above).")
            throw ExitCode(3)
        }
    }

    /// Standard input for `-`; else the file, which must be a regular file or a pipe (a folder
    /// would read as nothing, a device such as `/dev/zero` would never end).
    static func openInput(_ path: String) throws -> Int32 {
        if path == "-" { return 0 }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw ValidationError("cannot read batch file '\(path)': \(String(cString: strerror(errno))).")
        }
        var st = stat()
        let kind = fstat(fd, &st) == 0 ? st.st_mode & S_IFMT : 0
        guard kind == S_IFREG || kind == S_IFIFO else {
            close(fd)
            let what = kind == S_IFDIR ? "a folder" : "not a regular file or a pipe"
            throw ValidationError("cannot read batch file '\(path)': it is \(what).")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) // a FIFO's reads wait for its writer
        return fd
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
            if extra.contains("=") {
                givenItems.append(extra)
                continue
            }
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
/// A line longer than `limit` bytes keeps only its first `limit` bytes and is marked truncated,
/// so memory stays bounded whatever the input.
struct LineSplitter {
    struct Line: Equatable {
        var bytes: [UInt8]
        var truncated = false
    }

    let limit: Int
    private var current: [UInt8] = []
    private var truncated = false
    /// Carriage returns seen and not yet known to be part of CRLF / CRCRLF or a lone CR.
    private var pendingCR = 0

    init(limit: Int = Int.max) { self.limit = limit }

    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [Line] {
        var out: [Line] = []
        for b in bytes {
            if b == 13 {
                pendingCR += 1
                if pendingCR == 3 {
                    out.append(take())
                    pendingCR = 2
                } // CR CR CR: the first CR was a lone one
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
            if current.count < limit { current.append(b) } else { truncated = true }
        }
        return out
    }

    /// The last line when the input does not end with a line end.
    mutating func finish() -> Line? {
        if pendingCR > 0 {
            pendingCR = 0
            return take()
        }
        return current.isEmpty && !truncated ? nil : take()
    }

    private mutating func take() -> Line {
        defer {
            current = []
            truncated = false
        }
        return Line(bytes: current, truncated: truncated)
    }
}
