import MathEngine

/// What grading needs to know about a question's steps by index, worked out once per variant
/// instead of on every check.
///
/// A check used to find its step's flags through the question's steps, build each earlier step's
/// formula name (`a.total` → `a_total`) and re-evaluate every earlier step of a carried-forward
/// chain; those costs were most of a check. Everything here follows from the question file
/// alone, never from an answer, so computing it once changes no verdict.
struct StepFacts: Sendable {
    /// Step ids, in the question's order (a variant's steps are in the same order).
    let ids: [String]
    /// The formula name of each step's value (`Step.variableName`).
    let variableNames: [String]
    /// `percent: true` per step.
    let percent: [Bool]
    /// Whether a step's answer formula names earlier steps (only those are ever recomputed).
    let hasDependencies: [Bool]
    /// Each step's kind, and whether it has options (`OptionsSpec.none` renders none).
    let kinds: [StepKind]
    let hasOptions: [Bool]
    /// Step index by id; nil when two steps share an id (the loader rejects that, and then the
    /// carried-forward check walks every step, which handles it as it always did).
    let indexByID: [String: Int]?
    /// Per step: the earlier steps whose values a recomputation of it can look up, ascending
    /// (the steps named in its answer formula or its options; see `names(read:)`).
    let reads: [[Int]]
    /// Every step's formula name: these are rebound in carried forward, so never written in.
    let stepNames: Set<String>

    init(_ specs: [Step]) {
        ids = specs.map(\.id)
        variableNames = specs.map(\.variableName)
        percent = specs.map(\.percent)
        hasDependencies = specs.map { !$0.dependencies.isEmpty }
        kinds = specs.map(\.kind)
        hasOptions = specs.map {
            if case .none = $0.options { return false }
            return true
        }
        var byID: [String: Int] = [:]
        var unique = true
        for (i, id) in ids.enumerated() {
            if byID[id] == nil { byID[id] = i } else { unique = false }
        }
        indexByID = unique ? byID : nil
        var stepsNamed: [String: [Int]] = [:]
        for (i, name) in variableNames.enumerated() { stepsNamed[name, default: []].append(i) }
        reads = specs.indices.map { j in
            Set(StepFacts.names(read: specs[j]).flatMap { stepsNamed[$0] ?? [] }.filter { $0 < j }).sorted()
        }
        stepNames = Set(variableNames)
    }

    /// Every name a recomputation of `step` can look up: its answer formula's and its options'
    /// (a choice step's options are rendered before its answer is picked). A template's repeat
    /// variable is bound by the repeat itself, so it is not among them.
    static func names(read step: Step) -> Set<String> {
        var names = step.answer.names
        switch step.options {
        case .none: break
        case .templates(let items): for t in items { names.formUnion(t.names) }
        case .formula(let f): names.formUnion(f.names)
        }
        return names
    }
}

/// A variant's grading table: its question's `StepFacts`, plus each recomputable answer formula
/// with the variant's numbers written in. Built on the variant's first check (`StepTableCell`).
///
/// The facts are the same for every variant of a question, but they are not kept per question:
/// a stored reference in `Question` (even to an empty class) made the debug build crash while
/// loading content, copying a `(Question?, [Diagnostic])?` in `ParallelLoad` (Swift 6.3.1 on
/// Linux; the release build was fine), and working them out again costs about 20 µs a variant.
final class StepTable: Sendable {
    let facts: StepFacts
    /// Per step with dependencies: the answer formula to recompute it with. Except for expression
    /// steps (whose formula is printed, not evaluated), each parameter or derived value that is a
    /// number is written in as that number (`bindingNumbers`). nil for steps without dependencies.
    let answers: [Formula?]

    init(steps specs: [Step], values: [String: Value]) {
        let facts = StepFacts(specs)
        self.facts = facts
        answers = specs.indices.map { j in
            guard facts.hasDependencies[j] else { return nil }
            let f = specs[j].answer
            if specs[j].kind == .expression { return f }
            return Formula(
                source: f.source, expr: StepTable.bindingNumbers(f.expr, values, except: facts.stepNames), line: f.line)
        }
    }

    /// The step's index, or nil when the question has no such step (the first, should two share it).
    func index(of id: String) -> Int? {
        if let byID = facts.indexByID { return byID[id] }
        return facts.ids.firstIndex(of: id)
    }

    /// `e` with every name that `values` holds as a number, and that is no step's name, replaced
    /// by that number at the same column.
    ///
    /// Carried forward evaluates a formula with parameters and derived values bound to `values`
    /// and only step names rebound; there a name evaluates to its value and a number literal to
    /// that same number, so the result evaluates exactly as `e` does, with fewer lookups. Other
    /// values (vectors, texts) stay names. Content formulas bind no names of their own (no loops
    /// or lambdas in formulas; built-in functions see only their arguments' values), so every name
    /// here is a free one.
    static func bindingNumbers(_ e: Expr, _ values: [String: Value], except stepNames: Set<String>) -> Expr {
        func bind(_ e: Expr) -> Expr {
            switch e {
            case .number, .text: return e
            case .name(let n, let c):
                if !stepNames.contains(n), case .number(let x)? = values[n] { return .number(x, column: c) }
                return e
            case .unary(let op, let a, let c): return .unary(op, bind(a), column: c)
            case .binary(let op, let a, let b, let c): return .binary(op, bind(a), bind(b), column: c)
            case .call(let f, let args, let c): return .call(f, args.map(bind), column: c)
            case .array(let rows, let c): return .array(rows.map { $0.map(bind) }, column: c)
            }
        }
        return bind(e)
    }
}

extension Variant {
    /// The variant's `StepTable`, built on its first check and shared by every copy of it.
    var table: StepTable { memo.table.table { StepTable(steps: question.steps, values: values) } }
}
