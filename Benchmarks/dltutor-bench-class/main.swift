import ClassTestSupport
import ClassroomStore
import Foundation

// `make bench-class`: N simulated students (default 200) answer a class quiz at once against a
// scratch PostgreSQL on 127.0.0.1 for a fixed time (default 60 s), each on its own connection as
// an SSH session would be. Each student checks an answer about once a second (with jitter) and
// saves a checkpoint every 2 s, like the tutor. Reports answers written, answers lost (acknowledged
// but not in the table; must be 0), check-to-commit latency (median, p99, max) and how long the
// instructor's monitor view takes to refresh. Not a test: figures go in the README.

struct Options {
    var students = 200
    var seconds = 60.0
    var answerEvery = 1.0

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let v = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--students": students = Int(v) ?? students; i += 1
            case "--seconds": seconds = Double(v) ?? seconds; i += 1
            case "--answer-every": answerEvery = Double(v) ?? answerEvery; i += 1
            default: break
            }
            i += 1
        }
    }
}

/// Latencies collected by many tasks.
actor Samples {
    var values: [Double] = []
    var failures: [String] = []
    func add(_ v: Double) { values.append(v) }
    func fail(_ s: String) { failures.append(s) }
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}

func ms(_ x: Double) -> String { String(format: "%.2f ms", x * 1000) }

let options = Options(Array(CommandLine.arguments.dropFirst()))
print("bench-class: \(options.students) students, \(Int(options.seconds)) s, an answer every ~\(options.answerEvery) s each")
let server = try ScratchPostgres(maxConnections: options.students + 40)
defer { server.stop() }
let dbName = try server.createDatabase("bench")
let url = try ClassURL(parsing: server.url(database: dbName))
let admin = try await ClassDatabase.connect(url)
try await ClassSchema.migrate(admin)
for i in 0..<options.students { try await ClassRoster.add(admin, RosterEntry(id: "s\(i)", name: "Student \(i)")) }
_ = try await ClassActivities.start(admin, ClassActivity(name: "bench", kind: .quiz, exam: "aml5202-sessional1",
                                                         questions: ["q1", "q2", "q3", "q4", "q5"], minutes: options.seconds / 60 + 5, seed: 1))

let commits = Samples()
let refreshes = Samples()
let acknowledged = Samples()
let clock = ContinuousClock()
let end = clock.now + .seconds(options.seconds)
let steps = ["a.total", "b.shapes", "c.loss", "d.grad"]
let mistakes: [String?] = [nil, "counts the output layer twice", "forgot the bias"]

try await withThrowingTaskGroup(of: Void.self) { group in
    for i in 0..<options.students {
        group.addTask {
            let id = "s\(i)"
            let db = try await ClassDatabase.connect(url)
            _ = try await ClassActivities.join(db, activity: "bench", student: id)
            var n = 0
            var lastCheckpoint = clock.now
            // Stagger the start so the 200 do not tick in lockstep.
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...Int(options.answerEvery * 1000))))
            while clock.now < end {
                n += 1
                let correct = Bool.random()
                let answer = ClassAnswer(student: id, question: "q\(n % 5 + 1)", step: steps[n % steps.count], seed: UInt64(i),
                                         input: "\(n)", verdict: correct ? "correct" : "incorrect",
                                         mistake: correct ? nil : mistakes.randomElement()!, correct: correct, seconds: 1)
                let t0 = clock.now
                do {
                    try await ClassActivities.record(db, activity: "bench", answer)
                    let d = clock.now - t0
                    await commits.add(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
                    await acknowledged.add(1)
                } catch {
                    await commits.fail("\(id): \(error)")
                }
                if clock.now - lastCheckpoint >= .seconds(2) {
                    lastCheckpoint = clock.now
                    try? await ClassActivities.saveCheckpoint(db, activity: "bench", student: id, checkpoint: String(repeating: "x", count: 1500))
                }
                let jitter = options.answerEvery * Double.random(in: 0.5...1.5)
                try await Task.sleep(for: .seconds(jitter))
            }
            await db.close()
        }
    }
    // The instructor's view, refreshed every second (what `class monitor` queries).
    group.addTask {
        let db = try await ClassDatabase.connect(url)
        while clock.now < end {
            let t0 = clock.now
            _ = try await ClassReports.progress(db, activity: "bench")
            _ = try await ClassReports.mistakes(db, activity: "bench")
            let d = clock.now - t0
            await refreshes.add(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            try await Task.sleep(for: .seconds(1))
        }
        await db.close()
    }
    try await group.waitForAll()
}

let stored = try await ClassReports.answerCount(admin, activity: "bench")
await admin.close()
let acked = await acknowledged.values.count
let latencies = await commits.values
let failed = await commits.failures
let views = await refreshes.values
print("answers written (committed, counted in the table): \(stored)")
print("answers acknowledged to students: \(acked); lost: \(max(0, acked - stored)); failed writes: \(failed.count)")
print("check to commit: median \(ms(percentile(latencies, 0.5))), p99 \(ms(percentile(latencies, 0.99))), max \(ms(latencies.max() ?? .nan))")
print("instructor view refresh (\(views.count) refreshes): median \(ms(percentile(views, 0.5))), p99 \(ms(percentile(views, 0.99)))")
print("throughput: \(String(format: "%.0f", Double(stored) / options.seconds)) answers/s")
for f in failed.prefix(5) { print("  failure: \(f)") }
if acked != stored || !failed.isEmpty { exit(1) }
