import Foundation
import MathEngine
import TestFixtures
import Testing

@testable import ContentLoading
@testable import TutorContent

/// The compiled content cache: what it gives back is what the YAML gives, it is rebuilt when a
/// file or the program changes, and a damaged cache is never fatal.
@Suite("Content cache")
struct ContentCacheTests {
    /// A scratch folder (cache and, when asked, a copy of the exam), removed afterwards.
    final class Scratch {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-cache-\(UUID().uuidString)").path
        init(copyExam: Bool = false) throws {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            if copyExam { try FileManager.default.copyItem(atPath: ExamFolder.sessional1, toPath: exam) }
        }
        var cache: String { path + "/cache" }
        var exam: String { path + "/exam" }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    func roundTrip(_ result: LoadResult) throws -> LoadResult {
        var w = CacheWriter()
        ContentCodec.write(result, to: &w)
        var r = CacheReader(w.bytes)
        let back = try ContentCodec.readLoadResult(&r)
        #expect(r.isAtEnd)
        return back
    }

    /// Every stored field, deeply (syntax trees with columns, templates, settings), by reflection;
    /// dictionary and set entries sorted, as their order differs between equal instances.
    func dump(_ value: Any) -> String {
        let m = Mirror(reflecting: value)
        if m.children.isEmpty { return String(reflecting: value) }
        let parts = m.children.map { ($0.label.map { $0 + ": " } ?? "") + dump($0.value) }
        switch m.displayStyle {
        case .dictionary?, .set?: return "[" + parts.sorted().joined(separator: ", ") + "]"
        default: return "\(m.subjectType)(" + parts.joined(separator: ", ") + ")"
        }
    }

    @Test func aQuestionReadBackIsTheQuestionParsed() throws {
        let back = try roundTrip(loaded)
        #expect(back.exam.questions.count == loaded.exam.questions.count)
        for (a, b) in zip(loaded.exam.questions, back.exam.questions) { #expect(dump(a) == dump(b), "\(a.id)") }
        #expect(back.exam.log == loaded.exam.log)
        #expect(
            back.exam.id == loaded.exam.id && back.exam.title == loaded.exam.title && back.exam.directory == loaded.exam.directory
        )
        #expect(back.diagnostics == loaded.diagnostics)
    }

    /// Question tests come back from the cache as written, seeds included (the second exam keeps tests).
    @Test func questionTestsAreReadBack() throws {
        let second = ExamLoader.load(directory: ExamFolder.sessional1.replacingOccurrences(of: "sessional1", with: "sessional2"))
        let tests = second.exam.questions.flatMap(\.steps).flatMap(\.tests)
        #expect(tests.count > 50)
        #expect(tests.contains { !$0.given.isEmpty } || tests.contains { $0.mistake != nil })
        #expect(tests.contains { $0.seed != nil }, "a test with a seed, so the round trip carries one")
        let back = try roundTrip(second)
        for (a, b) in zip(second.exam.questions, back.exam.questions) { #expect(dump(a) == dump(b), "\(a.id)") }
    }

    /// A field added to a content type must be written and read by `ContentCodec` (a field with a
    /// default value would otherwise come back from the cache as its default, silently).
    @Test func theCodecKnowsEveryStoredField() throws {
        func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let note = "a content type gained a field: write and read it in ContentCodec (and bump ContentCache.format)"
        let q = try #require(loaded.exam.question("q3"))
        #expect(
            fields(q) == [
                "id", "title", "points", "topic", "picture", "text", "params", "derived", "constraints", "steps",
                "file", "line", "logSetting", "log"
            ], "\(note)")
        #expect(
            fields(try #require(q.steps.first)) == [
                "id", "part", "prompt", "kind", "answer", "check", "points", "options", "variables",
                "accept", "mistakes", "hints", "solution", "model", "keywords", "dependencies",
                "partialCredit", "levels", "line", "percent", "label", "tests", "shuffle", "distinct"
            ], "\(note)")
        #expect(fields(loaded.exam) == ["id", "title", "questions", "directory", "log", "broken"], "\(note)")
        let broken = BrokenQuestion(id: "q", title: nil, position: 0, error: Diagnostic(file: "f", line: 1, message: "m"))
        #expect(fields(broken) == ["id", "title", "position", "error"], "\(note)")
        #expect(fields(try #require(q.params.first)) == ["name", "value", "vary", "line"], "\(note)")
        #expect(fields(try #require(q.derived.first)) == ["name", "formula", "line"], "\(note)")
        #expect(fields(q.steps[0].answer) == ["source", "expr", "line"], "\(note)")
        #expect(fields(q.text) == ["source", "segments", "line"], "\(note)")
        #expect(
            fields(MistakeSpec(value: q.steps[0].answer, why: q.text)) == ["value", "why", "causes", "fromAnswers"], "\(note)")
        #expect(fields(MistakeCause(when: nil, text: q.text)) == ["when", "text"], "\(note)")
        #expect(fields(AlternativeSpec(value: q.steps[0].answer, note: q.text)) == ["value", "note", "map"], "\(note)")
        #expect(fields(Diagnostic(file: "f", line: 1, message: "m")) == ["file", "line", "message", "severity"], "\(note)")
        #expect(fields(loaded) == ["exam", "diagnostics"], "\(note)")
    }

    /// A question whose file has errors comes back from the cache with its title, place and error.
    @Test func questionsWithErrorsAreReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-broken-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: ExamFolder.sessional1, toPath: dir)
        try "id: q2\ntitle: \"Draft\"\npoints: 10\n".write(toFile: dir + "/q2.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/q5.yaml")
        let result = ExamLoader.load(directory: dir)
        #expect(result.exam.broken.map(\.id) == ["q2", "q5"])
        #expect(result.exam.broken.map(\.title) == ["Draft", nil])
        #expect(result.exam.broken.map(\.position) == [1, 3])
        let back = try roundTrip(result)
        #expect(back.exam.broken == result.exam.broken)
    }

    @Test func variantsFromTheCacheAreTheVariantsFromYAML() throws {
        let back = try roundTrip(loaded)
        for (a, b) in zip(loaded.exam.questions, back.exam.questions) {
            for seed in [nil] + (1...100).map(UInt64.init) as [UInt64?] {
                let va = try? a.variant(seed: seed), vb = try? b.variant(seed: seed)
                #expect(dump(va as Any) == dump(vb as Any), "\(a.id) seed \(seed.map(String.init) ?? "original")")
            }
        }
    }

    @Test func gradingThroughTheCacheIsUnchanged() throws {
        let back = try roundTrip(loaded)
        let a = try #require(loaded.exam.question("q3")).variant(), b = try #require(back.exam.question("q3")).variant()
        for input in ["691", "619", "29", "abc", "6*9+3"] {
            #expect(dump(a.grade(step: "a.total", input: input)) == dump(b.grade(step: "a.total", input: input)))
        }
        let given: [String: Value] = ["a.total": .number(691)]
        #expect(
            dump(a.grade(step: "b.n_hidden", input: "29", given: given))
                == dump(b.grade(step: "b.n_hidden", input: "29", given: given)))
    }

    @Test func diagnosticsAndEveryNodeKindSurvive() throws {
        // Warnings and errors, a repeated template line, literal braces and every expression node.
        let diagnostics = [
            Diagnostic(file: "a.yaml", line: 3, message: "bad"),
            Diagnostic(file: "b.yaml", line: 0, message: "w", severity: .warning)
        ]
        let q = try #require(loaded.exam.question("q1"))
        let template = try Template.parse("{@i=1..n}row {i}: {x:2} {{lit}}", file: "t", line: 1, what: "t")
        let expr = try Parser.parse("if(not (a <= 2) and b != 3, [1, 2; 3, 4], -\"s\" ^ 2)", dialect: .content)
        var w = CacheWriter()
        ContentCodec.write(
            LoadResult(
                exam: Exam(id: "e", title: "T", questions: [q], directory: "/d", log: .base(10)), diagnostics: diagnostics),
            to: &w)
        ContentCodec.write(&w, template)
        ContentCodec.write(&w, expr)
        for t in [Tolerance.exact, .absolute(0.005), .relative(0.01), .decimals(2), .significant(3)] { ContentCodec.write(&w, t) }
        var r = CacheReader(w.bytes)
        let back = try ContentCodec.readLoadResult(&r)
        #expect(back.diagnostics == diagnostics)
        #expect(back.exam.log == .base(10))
        #expect(dump(try ContentCodec.readTemplate(&r)) == dump(template))
        #expect(dump(try ContentCodec.readExpr(&r)) == dump(expr))
        for t in [Tolerance.exact, .absolute(0.005), .relative(0.01), .decimals(2), .significant(3)] {
            #expect(try ContentCodec.readTolerance(&r) == t)
        }
        #expect(r.isAtEnd)
    }

    @Test func theSecondLoadComesFromTheCacheAndMatches() throws {
        let s = try Scratch()
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        #expect(!cache.isFresh(directory: ExamFolder.sessional1))
        let first = cache.load(directory: ExamFolder.sessional1)
        #expect(cache.isFresh(directory: ExamFolder.sessional1))
        let second = cache.load(directory: ExamFolder.sessional1)
        #expect(dump(first.exam.questions) == dump(loaded.exam.questions))
        #expect(dump(second.exam.questions) == dump(loaded.exam.questions))
        #expect(second.diagnostics == loaded.diagnostics)
    }

    @Test func aChangedFileOrProgramIsReadFromYAML() throws {
        let s = try Scratch(copyExam: true)
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        _ = cache.load(directory: s.exam)
        #expect(cache.isFresh(directory: s.exam))
        // Another build of the program misses.
        #expect(!ContentCache(folder: s.cache, programVersion: "test2").isFresh(directory: s.exam))
        // A changed file misses and the change is seen.
        let file = s.exam + "/q2.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let title = try #require(loaded.exam.question("q2")).title
        try text.replacingOccurrences(of: title, with: "Changed title").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(!cache.isFresh(directory: s.exam))
        #expect(cache.load(directory: s.exam).exam.question("q2")?.title == "Changed title")
        #expect(cache.isFresh(directory: s.exam))
        // A broken file reports the same diagnostics through the cache, the first time and after.
        try "id: q2\ntitle: [unclosed\n".write(toFile: file, atomically: true, encoding: .utf8)
        let yaml = ExamLoader.load(directory: s.exam)
        #expect(!yaml.errors.isEmpty)
        #expect(cache.load(directory: s.exam).diagnostics == yaml.diagnostics)
        #expect(cache.load(directory: s.exam).diagnostics == yaml.diagnostics)
        // A new file in the folder misses too.
        try "id: extra\n".write(toFile: s.exam + "/extra.yaml", atomically: true, encoding: .utf8)
        #expect(!cache.isFresh(directory: s.exam))
    }

    @Test func aDamagedCacheIsIgnoredAndRewritten() throws {
        let s = try Scratch()
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        _ = cache.load(directory: ExamFolder.sessional1)
        let file = cache.path(directory: ExamFolder.sessional1)
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        // Truncated anywhere, or with a byte flipped: never a crash, always the YAML's exam.
        for cut in stride(from: 0, to: good.count, by: max(1, good.count / 97)) {
            try good.prefix(cut).write(to: URL(fileURLWithPath: file))
            #expect(!cache.isFresh(directory: ExamFolder.sessional1))
        }
        var flipped = good
        for i in stride(from: 40, to: flipped.count, by: 1_013) { flipped[i] ^= 0xA5 }
        try flipped.write(to: URL(fileURLWithPath: file))
        let result = cache.load(directory: ExamFolder.sessional1)
        #expect(result.exam.questions.count == loaded.exam.questions.count)
        // Garbage, then the file replaced by a folder (unreadable): the YAML still loads.
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: file))
        #expect(dump(cache.load(directory: ExamFolder.sessional1).exam.questions) == dump(loaded.exam.questions))
        #expect(cache.isFresh(directory: ExamFolder.sessional1)) // rewritten
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false)
        #expect(dump(cache.load(directory: ExamFolder.sessional1).exam.questions) == dump(loaded.exam.questions))
    }

    @Test func anUnwritableCacheFolderIsNotFatal() throws {
        let s = try Scratch()
        // The cache folder's parent is a file: nothing can be written, the YAML still loads.
        try Data().write(to: URL(fileURLWithPath: s.path + "/file"))
        let cache = ContentCache(folder: s.path + "/file/dltutor", programVersion: "test")
        #expect(dump(cache.load(directory: ExamFolder.sessional1).exam.questions) == dump(loaded.exam.questions))
        #expect(!cache.isFresh(directory: ExamFolder.sessional1))
    }

    @Test func theFolderFollowsXDG() {
        #expect(ContentCache.defaultFolder(xdgCacheHome: "/x", home: "/h") == "/x/dltutor")
        #expect(ContentCache.defaultFolder(xdgCacheHome: "relative", home: "/h") == "/h/.cache/dltutor")
        #expect(ContentCache.defaultFolder(xdgCacheHome: nil, home: nil) == nil)
    }
}

/// `dltutor check` decodes one question from the cache and passes over the others.
@Suite("Content cache: one question")
struct ContentCacheOneQuestionTests {
    @Test func oneQuestionIsTheQuestionOfTheWholeExamOnAHitAndOnAMiss() throws {
        let s = try ContentCacheTests.Scratch()
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        let whole = ExamLoader.load(directory: ExamFolder.sessional1).exam
        let ids = whole.questions.map(\.id)
        for round in ["miss", "hit"] {
            #expect(cache.isFresh(directory: ExamFolder.sessional1) == (round == "hit"))
            for (index, question) in whole.questions.enumerated() {
                let (picked, seen) = cache.load(directory: ExamFolder.sessional1) { all in all.firstIndex(of: question.id) }
                #expect(seen == ids, "\(round)")
                #expect(picked.exam.questions.count == 1, "\(round) \(question.id)")
                let one = try #require(picked.exam.questions.first)
                #expect(
                    ContentCacheTests().dump(one) == ContentCacheTests().dump(whole.questions[index]), "\(round) \(question.id)")
            }
            let (none, seen) = cache.load(directory: ExamFolder.sessional1) { _ in nil }
            #expect(none.exam.questions.isEmpty && seen == ids, "\(round)")
        }
    }

    @Test func aTruncatedQuestionBlockIsACacheMiss() throws {
        var w = CacheWriter()
        ContentCodec.write(ExamLoader.load(directory: ExamFolder.sessional1), to: &w)
        var cut = CacheReader(Array(w.bytes.dropLast(5)))
        #expect(throws: CacheCorrupt.self) { try ContentCodec.readLoadResult(&cut) { ids in [ids.count - 1] } }
        var skipped = CacheReader(Array(w.bytes.dropLast(5)))
        // Passing over a block still checks that it is all there.
        #expect(throws: CacheCorrupt.self) {
            _ = try ContentCodec.readLoadResult(&skipped) { _ in [] }
            if !skipped.isAtEnd { throw CacheCorrupt() }
        }
    }
}

/// The cache proves itself: a checksum of its body is checked on every read, the header is
/// tied to the folder, the decoder bounds its depth, and only a regular file is read.
@Suite("Content cache: integrity")
struct ContentCacheIntegrityTests {
    typealias Scratch = ContentCacheTests.Scratch
    func dump(_ value: Any) -> String { ContentCacheTests().dump(value) }

    /// The header's length: the magic, then the format, the key and the checksum as varints.
    func headerLength(_ bytes: Data) -> Int {
        var at = "dltutor-content".utf8.count
        for _ in 0..<3 {
            while bytes[bytes.startIndex + at] & 0x80 != 0 { at += 1 }
            at += 1
        }
        return at
    }

    /// One bit flipped in the body, at ~600 places spread over it: every one is a miss, the
    /// load gives the YAML's exam, and the cache is rewritten.
    @Test func everyFlippedBitOfTheBodyIsAMissAndTheCacheIsRebuilt() throws {
        let s = try Scratch()
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        _ = cache.load(directory: ExamFolder.sessional1)
        let file = cache.path(directory: ExamFolder.sessional1)
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        let start = headerLength(good)
        var accepted = 0, trials = 0
        for (n, i) in stride(from: start, to: good.count, by: max(1, (good.count - start) / 600)).enumerated() {
            var flipped = good
            flipped[i] ^= UInt8(1 << (n % 8))
            try flipped.write(to: URL(fileURLWithPath: file))
            trials += 1
            if cache.isFresh(directory: ExamFolder.sessional1) { accepted += 1 }
        }
        #expect(trials >= 500 && accepted == 0, "\(accepted) of \(trials) flipped bits accepted")
        #expect(dump(cache.load(directory: ExamFolder.sessional1).exam.questions) == dump(loaded.exam.questions))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == good, "rebuilt from the YAML")
    }

    /// Another folder's cache with this folder's header pasted on is a miss.
    @Test func aHeaderPastedOntoAnotherFoldersCacheIsAMiss() throws {
        let s = try Scratch(copyExam: true)
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        let other = s.path + "/other"
        try FileManager.default.copyItem(atPath: s.exam, toPath: other)
        let q2 = other + "/q2.yaml"
        let title = try #require(loaded.exam.question("q2")).title
        try String(contentsOfFile: q2, encoding: .utf8).replacingOccurrences(of: title, with: "Another title")
            .write(toFile: q2, atomically: true, encoding: .utf8)
        _ = cache.load(directory: s.exam)
        _ = cache.load(directory: other)
        let mine = try Data(contentsOf: URL(fileURLWithPath: cache.path(directory: s.exam)))
        let theirs = try Data(contentsOf: URL(fileURLWithPath: cache.path(directory: other)))
        let pasted = mine.prefix(headerLength(mine)) + theirs.dropFirst(headerLength(theirs))
        try pasted.write(to: URL(fileURLWithPath: cache.path(directory: s.exam)))
        #expect(!cache.isFresh(directory: s.exam))
        #expect(cache.load(directory: s.exam).exam.question("q2")?.title == title)
    }

    /// The same folder moved away and another put under its name is another folder.
    @Test func theKeyNamesTheFolderNotOnlyItsPath() throws {
        let s = try Scratch(copyExam: true)
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        let before = try #require(cache.key(directory: s.exam))
        try FileManager.default.moveItem(atPath: s.exam, toPath: s.path + "/moved")
        try FileManager.default.copyItem(atPath: s.path + "/moved", toPath: s.exam)
        #expect(cache.key(directory: s.exam) != before, "same path and files, another folder")
    }

    /// `count` unary minus nodes around a number, as the codec writes them.
    func nestedMinus(_ count: Int) -> [UInt8] {
        var w = CacheWriter()
        for _ in 0..<count {
            w.byte(3)
            w.string("-")
        }
        w.byte(0)
        w.double(1)
        w.int(1)
        for _ in 0..<count { w.int(1) }
        return w.bytes
    }

    @Test func aDeepSyntaxTreeIsRefusedNotFollowedOffTheStack() throws {
        // The deepest tree allowed still decodes (on a test thread, whose stack is no larger).
        var deepest = CacheReader(nestedMinus(CacheReader.maxDepth - 1))
        #expect(throws: Never.self) { _ = try ContentCodec.readExpr(&deepest) }
        var deep = CacheReader(nestedMinus(100_000))
        #expect(throws: CacheCorrupt.self) { _ = try ContentCodec.readExpr(&deep) }
    }

    /// A crafted cache with a valid header and checksum whose one question holds 100,000 nested
    /// unary minus nodes: the load falls back to the YAML instead of dying of SIGSEGV.
    @Test func aCraftedDeepCacheWithAValidChecksumFallsBackToTheYAML() throws {
        let s = try Scratch()
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        let key = try #require(cache.key(directory: ExamFolder.sessional1))
        var question = CacheWriter()
        question.string("q1")
        question.string("title")
        question.double(1)
        question.string("loss")
        question.byte(0) // no picture
        question.string("{x}")
        question.uint(1)
        question.byte(1)
        question.string("x")
        var body = CacheWriter()
        body.uint(0) // no diagnostics
        for text in ["exam", "title", ExamFolder.sessional1] { body.string(text) }
        body.byte(0) // no log setting
        body.uint(1)
        body.string("q1")
        let tree = nestedMinus(100_000)
        body.uint(UInt64(question.bytes.count + tree.count))
        body.append(question)
        for b in tree { body.byte(b) }
        var file = CacheWriter()
        for b in "dltutor-content".utf8 { file.byte(b) }
        file.uint(ContentCache.format)
        file.uint(key)
        file.uint(CacheReader.checksum(key: key, body.bytes[...]))
        file.append(body)
        try FileManager.default.createDirectory(atPath: s.cache, withIntermediateDirectories: true)
        try Data(file.bytes).write(to: URL(fileURLWithPath: cache.path(directory: ExamFolder.sessional1)))
        #expect(dump(cache.load(directory: ExamFolder.sessional1).exam.questions) == dump(loaded.exam.questions))
        #expect(cache.isFresh(directory: ExamFolder.sessional1), "rewritten")
    }

    /// A cache that is a FIFO, a link to /dev/zero or a link to a good cache is not read (the
    /// FIFO would block, /dev/zero fill memory); the YAML loads and nothing is written through
    /// the link.
    @Test func aCacheThatIsNotARegularFileIsNotRead() throws {
        let s = try Scratch()
        let cache = ContentCache(folder: s.cache, programVersion: "test")
        _ = cache.load(directory: ExamFolder.sessional1)
        let file = cache.path(directory: ExamFolder.sessional1)
        try FileManager.default.moveItem(atPath: file, toPath: s.path + "/good.bin")
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: s.path + "/good.bin")
        #expect(!cache.isFresh(directory: ExamFolder.sessional1), "a symbolic link is not followed")
        // Nor written through: the rebuilt cache replaces the link, the file it named is untouched.
        let victim = s.path + "/victim"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: victim)
        _ = cache.load(directory: ExamFolder.sessional1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == Data("keep".utf8))
        #expect(cache.isFresh(directory: ExamFolder.sessional1), "a regular cache file now")
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: "/dev/zero")
        #expect(!cache.isFresh(directory: ExamFolder.sessional1))
        try FileManager.default.removeItem(atPath: file)
        #expect(mkfifo(file, 0o600) == 0)
        #expect(!cache.isFresh(directory: ExamFolder.sessional1), "a FIFO is refused without waiting for a writer")
        #expect(dump(cache.load(directory: ExamFolder.sessional1).exam.questions) == dump(loaded.exam.questions))
    }

    /// A question file that is a FIFO, a link to /dev/zero or larger than the limit is an error
    /// with its name; the other questions load.
    @Test func aContentFileThatIsNotARegularFileIsAnError() throws {
        let s = try Scratch(copyExam: true)
        let q1 = s.exam + "/q1.yaml", q2 = s.exam + "/q2.yaml", q4 = s.exam + "/q4.yaml"
        try FileManager.default.removeItem(atPath: q1)
        #expect(mkfifo(q1, 0o600) == 0)
        try FileManager.default.removeItem(atPath: q2)
        try FileManager.default.createSymbolicLink(atPath: q2, withDestinationPath: "/dev/zero")
        try Data(repeating: 0x20, count: ContentFile.maxYAMLBytes + 1).write(to: URL(fileURLWithPath: q4))
        let result = ContentCache(folder: s.cache, programVersion: "test").load(directory: s.exam)
        let messages = result.errors.map(\.description)
        #expect(messages.contains { $0.hasPrefix(q1) && $0.contains("it is a FIFO, not a regular file") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix(q2) && $0.contains("it is a device, not a regular file") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix(q4) && $0.contains("larger than 4 MiB") }, "\(messages)")
        #expect(result.exam.questions.map(\.id) == ["q3", "q5"])
    }
}
