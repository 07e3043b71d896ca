import MathEngine

/// Writes and reads the parsed content (exam, questions, steps, formulas with their syntax trees,
/// templates, diagnostics) for the content cache. Every stored field is written, in declaration
/// order; a question read back builds exactly the variants of the one parsed from YAML (tested).
/// Adding a field to a content type means adding it here (the memberwise initialisers below stop
/// compiling otherwise) and bumping `ContentCache.format`.
package enum ContentCodec {
    // MARK: Load result

    package static func write(_ r: LoadResult, to w: inout CacheWriter) {
        w.array(r.diagnostics, write)
        w.string(r.exam.id)
        w.string(r.exam.title)
        w.string(r.exam.directory)
        w.optional(r.exam.log, write)
        // The ids first, then each question in a block of its own: `dltutor check` decodes the
        // one question it grades and passes over the others.
        w.array(r.exam.questions) { w, q in w.string(q.id) }
        for q in r.exam.questions { w.block { write(&$0, q) } }
        w.array(r.exam.broken) { w, b in
            w.string(b.id)
            w.optional(b.title) { $0.string($1) }
            w.int(b.position)
            write(&w, b.error)
        }
    }

    package static func readLoadResult(_ r: inout CacheReader) throws(CacheCorrupt) -> LoadResult {
        try readLoadResult(&r) { ids in Array(ids.indices) }
    }

    /// The exam with only the questions at the indices `keep` returns (given every question's id,
    /// in order); the others are passed over undecoded.
    package static func readLoadResult(_ r: inout CacheReader, keep: ([String]) -> [Int]) throws(CacheCorrupt) -> LoadResult {
        let diagnostics = try r.array(readDiagnostic)
        let id = try r.string(), title = try r.string(), directory = try r.string()
        let log = try r.optional(readLog)
        let ids = try r.array { r throws(CacheCorrupt) in try r.string() }
        let wanted = keep(ids)
        var questions: [Question] = []
        for index in ids.indices {
            if wanted.contains(index) {
                questions.append(try r.block(readQuestion))
            } else {
                try r.skipBlock()
            }
        }
        var exam = Exam(id: id, title: title, questions: questions, directory: directory, log: log)
        exam.broken = try r.array { r throws(CacheCorrupt) in
            BrokenQuestion(
                id: try r.string(), title: try r.optional { r throws(CacheCorrupt) in try r.string() }, position: try r.int(),
                error: try readDiagnostic(&r))
        }
        return LoadResult(exam: exam, diagnostics: diagnostics)
    }

    static func write(_ w: inout CacheWriter, _ d: Diagnostic) {
        // One byte: 0 warning, 1 error (the bool this once was), 2 note.
        w.string(d.file)
        w.int(d.line)
        w.string(d.message)
        w.byte(d.isError ? 1 : d.severity == .note ? 2 : 0)
    }

    static func readDiagnostic(_ r: inout CacheReader) throws(CacheCorrupt) -> Diagnostic {
        let (file, line, message) = (try r.string(), try r.int(), try r.string())
        let severity: Diagnostic.Severity
        switch try r.byte() {
        case 0: severity = .warning
        case 1: severity = .error
        case 2: severity = .note
        default: throw CacheCorrupt()
        }
        return Diagnostic(file: file, line: line, message: message, severity: severity)
    }

    // MARK: Question and step

    static func write(_ w: inout CacheWriter, _ q: Question) {
        w.string(q.id)
        w.string(q.title)
        w.double(q.points)
        w.string(q.topic)
        w.optional(q.picture, write)
        write(&w, q.text)
        w.array(q.params) { w, p in
            w.string(p.name)
            write(&w, p.value)
            w.optional(p.vary, write)
            w.int(p.line)
        }
        w.array(q.derived) { w, d in
            w.string(d.name)
            write(&w, d.formula)
            w.int(d.line)
        }
        w.array(q.constraints, write)
        w.array(q.steps, write)
        w.string(q.file)
        w.int(q.line)
        w.optional(q.logSetting, write)
        write(&w, q.log)
    }

    static func readQuestion(_ r: inout CacheReader) throws(CacheCorrupt) -> Question {
        Question(
            id: try r.string(), title: try r.string(), points: try r.double(), topic: try r.string(),
            picture: try r.optional(readPicture),
            text: try readTemplate(&r),
            params: try r.array { r throws(CacheCorrupt) in
                ParamSpec(name: try r.string(), value: try readFormula(&r), vary: try r.optional(readFormula), line: try r.int())
            },
            derived: try r.array { r throws(CacheCorrupt) in
                DerivedSpec(name: try r.string(), formula: try readFormula(&r), line: try r.int())
            },
            constraints: try r.array(readFormula),
            steps: try r.array(readStep),
            file: try r.string(), line: try r.int(), logSetting: try r.optional(readLog), log: try readLog(&r))
    }

    static func write(_ w: inout CacheWriter, _ s: Step) {
        w.string(s.id)
        w.string(s.part)
        write(&w, s.prompt)
        w.string(s.kind.rawValue)
        write(&w, s.answer)
        write(&w, s.check)
        w.double(s.points)
        switch s.options {
        case .none: w.byte(0)
        case .templates(let ts):
            w.byte(1)
            w.array(ts, write)
        case .formula(let f):
            w.byte(2)
            write(&w, f)
        }
        w.array(s.variables) { w, v in
            w.string(v.name)
            write(&w, v.formula)
        }
        w.array(s.accept) { w, a in
            write(&w, a.value)
            write(&w, a.note)
            w.optional(a.map, write)
        }
        w.array(s.mistakes) { w, m in
            write(&w, m.value)
            write(&w, m.why)
            w.bool(m.fromAnswers)
            w.array(m.causes) { w, c in
                w.optional(c.when, write)
                write(&w, c.text)
            }
        }
        w.array(s.hints, write)
        write(&w, s.solution)
        w.optional(s.model) { $0.string($1) }
        w.array(s.keywords) { w, k in w.array(k) { $0.string($1) } }
        w.array(s.dependencies) { $0.string($1) }
        w.bool(s.partialCredit)
        w.optional(s.levels, write)
        w.int(s.line)
        w.bool(s.percent)
        w.optional(s.label) { $0.string($1) }
        w.array(s.tests) { w, t in
            write(&w, t.input)
            w.string(t.expected.rawValue)
            w.optional(t.mistake) { $0.int($1) }
            w.array(t.given) { w, g in
                w.string(g.step)
                write(&w, g.input)
            }
            w.optional(t.seed) { $0.uint($1) }
            w.int(t.line)
        }
        w.bool(s.shuffle)
        w.bool(s.distinct)
    }

    static func readTest(_ r: inout CacheReader) throws(CacheCorrupt) -> StepTest {
        let input = try readTemplate(&r)
        guard let expected = StepTest.Expected(rawValue: try r.string()) else { throw CacheCorrupt() }
        let mistake = try r.optional { r throws(CacheCorrupt) in try r.int() }
        let given = try r.array { r throws(CacheCorrupt) -> (step: String, input: Template) in
            (try r.string(), try readTemplate(&r))
        }
        let seed = try r.optional { r throws(CacheCorrupt) in try r.uint() }
        return StepTest(input: input, expected: expected, mistake: mistake, given: given, seed: seed, line: try r.int())
    }

    static func readStep(_ r: inout CacheReader) throws(CacheCorrupt) -> Step {
        let id = try r.string(), part = try r.string(), prompt = try readTemplate(&r)
        guard let kind = StepKind(rawValue: try r.string()) else { throw CacheCorrupt() }
        let answer = try readFormula(&r), check = try readTolerance(&r), points = try r.double()
        let options: OptionsSpec
        switch try r.byte() {
        case 0: options = .none
        case 1: options = .templates(try r.array(readTemplate))
        case 2: options = .formula(try readFormula(&r))
        default: throw CacheCorrupt()
        }
        let variables = try r.array { r throws(CacheCorrupt) -> (name: String, formula: Formula) in
            (try r.string(), try readFormula(&r))
        }
        let accept = try r.array { r throws(CacheCorrupt) in
            var a = AlternativeSpec(value: try readFormula(&r), note: try readTemplate(&r))
            a.map = try r.optional(readFormula)
            return a
        }
        let mistakes = try r.array { r throws(CacheCorrupt) in
            var m = MistakeSpec(value: try readFormula(&r), why: try readTemplate(&r))
            m.fromAnswers = try r.bool()
            m.causes = try r.array { r throws(CacheCorrupt) in
                MistakeCause(when: try r.optional(readFormula), text: try readTemplate(&r))
            }
            return m
        }
        let hints = try r.array(readTemplate)
        let solution = try readTemplate(&r)
        let model = try r.optional { r throws(CacheCorrupt) in try r.string() }
        let keywords = try r.array { r throws(CacheCorrupt) in try r.array { r throws(CacheCorrupt) in try r.string() } }
        let dependencies = try r.array { r throws(CacheCorrupt) in try r.string() }
        let partial = try r.bool()
        let levels = try r.optional(readFormula)
        let line = try r.int()
        let percent = try r.bool()
        let label = try r.optional { r throws(CacheCorrupt) in try r.string() }
        var step = Step(
            id: id, part: part, prompt: prompt, kind: kind, answer: answer, check: check, points: points,
            options: options, variables: variables, accept: accept, mistakes: mistakes, hints: hints,
            solution: solution, model: model, keywords: keywords, dependencies: dependencies, partialCredit: partial,
            levels: levels, line: line, percent: percent)
        step.label = label
        step.tests = try r.array(readTest)
        step.shuffle = try r.bool()
        step.distinct = try r.bool()
        return step
    }

    // MARK: Templates, formulas, settings

    static func write(_ w: inout CacheWriter, _ t: Template) {
        w.string(t.source)
        w.array(t.segments, write)
        w.int(t.line)
    }

    static func readTemplate(_ r: inout CacheReader) throws(CacheCorrupt) -> Template {
        Template(source: try r.string(), segments: try r.array(readSegment), line: try r.int())
    }

    static func write(_ w: inout CacheWriter, _ s: Template.Segment) {
        switch s {
        case .literal(let text):
            w.byte(0)
            w.string(text)
        case .formula(let f, let decimals):
            w.byte(1)
            write(&w, f)
            w.optional(decimals) { $0.int($1) }
        case .repeating(let name, let from, let to, let body):
            w.byte(2)
            w.string(name)
            write(&w, from)
            write(&w, to)
            w.array(body, write)
        }
    }

    static func readSegment(_ r: inout CacheReader) throws(CacheCorrupt) -> Template.Segment {
        try r.nested(readSegmentLevel)
    }

    private static func readSegmentLevel(_ r: inout CacheReader) throws(CacheCorrupt) -> Template.Segment {
        switch try r.byte() {
        case 0: return .literal(try r.string())
        case 1: return .formula(try readFormula(&r), decimals: try r.optional { r throws(CacheCorrupt) in try r.int() })
        case 2:
            return .repeating(
                name: try r.string(), from: try readFormula(&r), to: try readFormula(&r), body: try r.array(readSegment))
        default: throw CacheCorrupt()
        }
    }

    static func write(_ w: inout CacheWriter, _ f: Formula) {
        w.string(f.source)
        write(&w, f.expr)
        w.int(f.line)
    }

    static func readFormula(_ r: inout CacheReader) throws(CacheCorrupt) -> Formula {
        Formula(source: try r.string(), expr: try readExpr(&r), line: try r.int())
    }

    static func write(_ w: inout CacheWriter, _ t: Tolerance) {
        switch t {
        case .exact: w.byte(0)
        case .absolute(let x):
            w.byte(1)
            w.double(x)
        case .relative(let x):
            w.byte(2)
            w.double(x)
        case .decimals(let n):
            w.byte(3)
            w.int(n)
        case .significant(let n):
            w.byte(4)
            w.int(n)
        }
    }

    static func readTolerance(_ r: inout CacheReader) throws(CacheCorrupt) -> Tolerance {
        switch try r.byte() {
        case 0: return .exact
        case 1: return .absolute(try r.double())
        case 2: return .relative(try r.double())
        case 3: return .decimals(try r.int())
        case 4: return .significant(try r.int())
        default: throw CacheCorrupt()
        }
    }

    static func write(_ w: inout CacheWriter, _ log: LogBase) {
        switch log {
        case .natural: w.byte(0)
        case .base(let b):
            w.byte(1)
            w.double(b)
        }
    }

    static func readLog(_ r: inout CacheReader) throws(CacheCorrupt) -> LogBase {
        switch try r.byte() {
        case 0: return .natural
        case 1: return .base(try r.double())
        default: throw CacheCorrupt()
        }
    }

    // MARK: Syntax trees

    static func write(_ w: inout CacheWriter, _ e: Expr) {
        switch e {
        case .number(let x, let c):
            w.byte(0)
            w.double(x)
            w.int(c)
        case .text(let s, let c):
            w.byte(1)
            w.string(s)
            w.int(c)
        case .name(let n, let c):
            w.byte(2)
            w.string(n)
            w.int(c)
        case .unary(let op, let a, let c):
            w.byte(3)
            w.string(op.rawValue)
            write(&w, a)
            w.int(c)
        case .binary(let op, let a, let b, let c):
            w.byte(4)
            w.string(op.rawValue)
            write(&w, a)
            write(&w, b)
            w.int(c)
        case .call(let f, let args, let c):
            w.byte(5)
            w.string(f)
            w.array(args, write)
            w.int(c)
        case .array(let rows, let c):
            w.byte(6)
            w.array(rows) { w, row in w.array(row, write) }
            w.int(c)
        }
    }

    /// One syntax tree, at most `CacheReader.maxDepth` levels deep.
    static func readExpr(_ r: inout CacheReader) throws(CacheCorrupt) -> Expr {
        try r.nested(readExprLevel)
    }

    private static func readExprLevel(_ r: inout CacheReader) throws(CacheCorrupt) -> Expr {
        switch try r.byte() {
        case 0: return .number(try r.double(), column: try r.int())
        case 1: return .text(try r.string(), column: try r.int())
        case 2: return .name(try r.string(), column: try r.int())
        case 3:
            guard let op = Expr.UnaryOperator(rawValue: try r.string()) else { throw CacheCorrupt() }
            return .unary(op, try readExpr(&r), column: try r.int())
        case 4:
            guard let op = Expr.BinaryOperator(rawValue: try r.string()) else { throw CacheCorrupt() }
            return .binary(op, try readExpr(&r), try readExpr(&r), column: try r.int())
        case 5: return .call(try r.string(), try r.array(readExpr), column: try r.int())
        case 6: return .array(try r.array { r throws(CacheCorrupt) in try r.array(readExpr) }, column: try r.int())
        default: throw CacheCorrupt()
        }
    }
}
