import ClassTestSupport
import ClassroomStore
import ContentLoading
import Foundation
import MathEngine
import TutorContent
import TutorSession

// `make bench-class`: N simulated students (default 200) answer a class quiz at once against a
// scratch PostgreSQL on 127.0.0.1 for a fixed time (default 60 s), through the path a student's
// tutor takes: half log in as the class server's SSH front end does (its own login, acting for
// the student through the schema's functions), half with their own database role (row-level
// security on); each grades every
// answer with the real grader on their own variant, and hands it to a `ClassProgressStore`'s
// outbox, which writes it over the student's reconnecting `ClassLink`. Each student checks an
// answer about once a second (with jitter) and saves a 1.5 KB checkpoint every 2 s. Half way
// through, the server is restarted (`pg_ctl restart`, unless --no-restart). Reports answers
// written, answers lost (handed to the outbox but not in the table; must be 0), check-to-commit
// latency (grading to commit: median, p99, max), how long after the server's return every
// student had written again, and the instructor's monitor refresh. Not a test: figures go in
// docs/class-server.md.

struct Options {
    var students = 200
    var seconds = 60.0
    var answerEvery = 1.0
    var restart = true
    var content = "content/aml5202-sessional1"

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let v = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--students":
                students = Int(v) ?? students
                i += 1
            case "--seconds":
                seconds = Double(v) ?? seconds
                i += 1
            case "--answer-every":
                answerEvery = Double(v) ?? answerEvery
                i += 1
            case "--content":
                content = v
                i += 1
            case "--no-restart": restart = false
            default: break
            }
            i += 1
        }
    }
}

/// Figures collected by many tasks.
final class Figures: @unchecked Sendable {
    private let lock = NSLock()
    /// (checked at, check to commit in seconds) for every answer written.
    private(set) var commits: [(at: ContinuousClock.Instant, seconds: Double)] = []
    /// When the restart began.
    private(set) var restartBegan: ContinuousClock.Instant?
    private(set) var refreshes: [Double] = []
    private(set) var submitted = 0
    /// When the server was back after the restart, and each student's first commit after it.
    private(set) var back: ContinuousClock.Instant?
    private(set) var firstAfterBack: [String: ContinuousClock.Instant] = [:]

    func submittedOne() { lock.withLock { submitted += 1 } }
    func refreshed(_ s: Double) { lock.withLock { refreshes.append(s) } }
    func serverBack(_ t: ContinuousClock.Instant) { lock.withLock { back = t } }
    func restarting(_ t: ContinuousClock.Instant) { lock.withLock { restartBegan = t } }

    /// Answers checked well away from the restart (before it began, or 10 s after the server's return).
    var steadyCommits: [Double] {
        lock.withLock {
            commits.filter { c in
                guard let began = restartBegan, let back else { return true }
                return c.at < began || c.at > back + .seconds(10)
            }.map(\.seconds)
        }
    }

    func committed(_ student: String, after checkedAt: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        lock.withLock {
            commits.append((checkedAt, seconds(now - checkedAt)))
            if let back, now > back, firstAfterBack[student] == nil { firstAfterBack[student] = now }
        }
    }

    /// Seconds from the server's return until each student had written again.
    var recoveries: [Double] { lock.withLock { back.map { b in firstAfterBack.values.map { seconds($0 - b) } } ?? [] } }
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}

func ms(_ x: Double) -> String { String(format: "%.2f ms", x * 1000) }

/// One simulated student, their variant, answers graded and queued like the tutor's. Even-numbered
/// students sit on the class server (the SSH front end's login, as `class join` there has it),
/// the others on their own machines (their own login).
func student(
    _ i: Int, url: ClassURL, frontend: ClassURL, exam: Exam, questions: [String], options: Options, figures: Figures,
    end: ContinuousClock.Instant
)
    async throws -> ClassOutbox<ClassDatabase>.Status
{
    let id = "s\(i)"
    let mine = url.with(user: try ClassRoster.roleName(database: url.database, student: id), password: "pw-\(i)")
    let link = ClassLink(url: i % 2 == 0 ? frontend : mine)
    let store = ClassProgressStore(link: link, activity: "bench", student: id)
    let enrolment = try await link.run { db throws(ClassError) in
        try await ClassActivities.join(db, activity: "bench", student: id)
    }
    let steps: [(Variant, VariantStep)] = try questions.flatMap { q in
        let v = try exam.question(q)!.variantForGrading(seed: enrolment.seed)
        return v.steps.filter { $0.kind != .text }.map { (v, $0) }
    }
    var n = 0
    var lastCheckpoint = ContinuousClock.now
    try await Task.sleep(for: .milliseconds(Int.random(in: 0...Int(options.answerEvery * 1000))))
    while ContinuousClock.now < end {
        n += 1
        let (variant, step) = steps[n % steps.count]
        let input = Bool.random() ? step.expected.display : String(n)
        let checkedAt = ContinuousClock.now
        let verdict = variant.grade(step: step.id, input: input)
        let mistake: String? = if case .incorrect(let found, _, _) = verdict, let m = found.first { m.explanation } else { nil }
        let answer = ClassAnswer(
            student: id, question: variant.id, step: step.id, seed: enrolment.seed, input: input, verdict: verdict.shortName,
            mistake: mistake, correct: verdict.isCorrect, seconds: 1)
        figures.submittedOne()
        // What `ClassProgressStore.record` queues, with the commit timed.
        store.outbox.submit(isAnswer: true) { db throws(ClassError) in
            try await db.committed(doing: "save the answer") { db throws(ClassError) in
                try await ClassActivities.record(db, activity: "bench", answer)
            }
            figures.committed(id, after: checkedAt)
        }
        if ContinuousClock.now - lastCheckpoint >= .seconds(2) {
            lastCheckpoint = .now
            try? store.saveQuizCheckpoint(id: 1, elapsed: Double(n), checkpoint: String(repeating: "x", count: 1500))
        }
        try await Task.sleep(for: .seconds(options.answerEvery * Double.random(in: 0.5...1.5)))
    }
    _ = await store.outbox.written(within: .seconds(60))
    await link.close()
    return store.outbox.status
}

/// The instructor's view, refreshed every second (what `class monitor` reads).
func monitor(url: ClassURL, figures: Figures, end: ContinuousClock.Instant) async {
    let link = ClassLink(url: url)
    while ContinuousClock.now < end {
        let t0 = ContinuousClock.now
        let read: Void? = try? await link.run { db throws(ClassError) in
            _ = try await ClassReports.progress(db, activity: "bench")
            _ = try await ClassReports.mistakes(db, activity: "bench")
        }
        if read != nil { figures.refreshed(seconds(.now - t0)) }
        try? await Task.sleep(for: .seconds(1))
    }
    await link.close()
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
print(
    "bench-class: \(options.students) students (half through the SSH front end's login, half on their own), \(Int(options.seconds)) s, an answer every ~\(options.answerEvery) s each"
        + (options.restart ? ", pg_ctl restart at \(Int(options.seconds / 2)) s" : ""))
let loaded = ExamLoader.load(directory: options.content)
guard loaded.errors.isEmpty, !loaded.exam.questions.isEmpty else {
    print("bench-class: cannot load \(options.content): \(loaded.errors.first?.description ?? "no questions")")
    exit(1)
}
let exam = loaded.exam
let questions = exam.questions.map(\.id)
let server = try ScratchPostgres(maxConnections: options.students + 40)
defer { server.stop() }
let url = try ClassURL(parsing: server.url(database: try server.createDatabase("bench")))
let admin = try await ClassDatabase.connect(url)
try await ClassSchema.migrate(admin)
for i in 0..<options.students {
    try await ClassRoster.add(admin, RosterEntry(id: "s\(i)", name: "Student \(i)"), dbPassword: "pw-\(i)")
}
let frontend = try await ClassFrontend.enable(admin, password: "frontend-pw", connections: nil)
_ = try await ClassActivities.start(
    admin,
    ClassActivity(name: "bench", kind: .quiz, exam: exam.id, questions: questions, minutes: options.seconds / 60 + 5, seed: 1))
await admin.close()

let figures = Figures()
let end = ContinuousClock.now + .seconds(options.seconds)
var restartTook: Double?
let statuses = try await withThrowingTaskGroup(of: ClassOutbox<ClassDatabase>.Status?.self) { group in
    for i in 0..<options.students {
        group.addTask {
            try await student(
                i, url: url, frontend: frontend, exam: exam, questions: questions, options: options, figures: figures, end: end)
        }
    }
    group.addTask {
        await monitor(url: url, figures: figures, end: end)
        return nil
    }
    var all: [ClassOutbox<ClassDatabase>.Status] = []
    if options.restart {
        try await Task.sleep(for: .seconds(options.seconds / 2))
        let t0 = ContinuousClock.now
        figures.restarting(t0)
        try await Task.detached { try server.restart() }.value
        figures.serverBack(.now)
        restartTook = seconds(.now - t0)
    }
    for try await s in group { if let s { all.append(s) } }
    return all
}

let check = try await ClassDatabase.connect(url)
let stored = try await ClassReports.answerCount(check, activity: "bench")
await check.close()
let submitted = figures.submitted
let refused = statuses.map(\.refused).reduce(0, +)
let unwritten = statuses.map(\.answers).reduce(0, +)
let latencies = figures.commits.map(\.seconds)
let steady = figures.steadyCommits
print(
    "answers checked and queued: \(submitted); written (counted in the table): \(stored); lost: \(max(0, submitted - stored)); "
        + "written twice: \(max(0, stored - submitted))")
print("refused by the server: \(refused); still queued at the end: \(unwritten)")
print(
    "check to commit (grading included): median \(ms(percentile(latencies, 0.5))), p99 \(ms(percentile(latencies, 0.99))), max \(ms(latencies.max() ?? .nan))"
)
print(
    "  away from the restart (\(steady.count) answers): median \(ms(percentile(steady, 0.5))), p99 \(ms(percentile(steady, 0.99)))"
)
if let restartTook {
    let r = figures.recoveries
    print(
        "restart: pg_ctl restart took \(String(format: "%.2f s", restartTook)); after it, \(r.count)/\(options.students) students wrote again, "
            + "median \(String(format: "%.2f s", percentile(r, 0.5))), last \(String(format: "%.2f s", r.max() ?? .nan)) after the server's return"
    )
}
let views = figures.refreshes
print(
    "instructor view refresh (\(views.count) refreshes): median \(ms(percentile(views, 0.5))), p99 \(ms(percentile(views, 0.99)))"
)
print("throughput: \(String(format: "%.0f", Double(stored) / options.seconds)) answers/s")
if submitted != stored || refused > 0 { exit(1) }
