import ContentLint
import ContentLoading
import Foundation
import MathEngine
import PTYTestSupport
import TerminalUI
import TutorContent
import TutorScreens
import TutorSession
import Yams

/// `make bench`: medians for the engine per keystroke, a full check, content loading and lint.
/// Run in release mode; numbers are per call unless the name says otherwise.

var contentDir = "content/aml5202-sessional1"
var binary = ".build/release/dltutor"
var runs = 25
var terminalOnly = false
var engineOnly = false
var lintRuns = 7
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--content": contentDir = args.popFirst() ?? contentDir
    case "--binary": binary = args.popFirst() ?? binary
    case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
    case "--lint-runs": lintRuns = max(1, Int(args.popFirst() ?? "") ?? lintRuns)
    case "--terminal-only": terminalOnly = true // skip the in-process medians (lint takes seconds)
    case "--engine-only": engineOnly = true // only the in-process medians, without lint and the terminal
    default:
        print("dltutor-bench: unknown argument \(a)")
        exit(64)
    }
}

@MainActor func report(_ m: Measurement, aim: String) {

    print(
        "\(m.name.padding(toLength: 52, withPad: " ", startingAt: 0)) median \(m.medianText.padding(toLength: 12, withPad: " ", startingAt: 0)) (aim \(aim))"
    )
}

// Typical entries, read on every keystroke: each prefix of each entry is one keystroke.
let entries: [(String, AnswerKind)] = [
    ("0.4405", .number), ("619", .integer), ("256x1025", .shape), ("[0, 0.42, 0, 0.42]", .vector),
    ("8*20 + 6*8*9 + 3*9", .number), ("-log10(0.99)", .number), ("{1, 3}", .set)
]
let keystrokes: [(String, AnswerKind)] = entries.flatMap { text, kind in
    (1...text.count).map { (String(text.prefix($0)), kind) }
}
if !terminalOnly {
    let perKeystroke = measure("keystroke: read + live preview", outer: 51, inner: 200) {
        for (text, kind) in keystrokes { blackHole(AnswerReader.read(text, as: kind)) }
    }
    report(Measurement(name: perKeystroke.name, samples: perKeystroke.samples.map { $0 / keystrokes.count }), aim: "< 1 µs")

    let load = ExamLoader.load(directory: contentDir)
    guard load.errors.isEmpty, let q3 = load.exam.question("q3"), let q1 = load.exam.question("q1") else {
        print("dltutor-bench: content failed to load from \(contentDir)")
        exit(1)
    }
    let v3 = try q3.variant()
    let v1 = try q1.variant()
    report(
        measure("check: q3 a.total '691' (named mistake)", outer: 51, inner: 2000) {
            blackHole(v3.grade(step: "a.total", input: "691"))
        }, aim: "<= 0.4 µs")
    report(
        measure("check: q1 k.mean_loss '1.01' (named mistake)", outer: 51, inner: 2000) {
            blackHole(v1.grade(step: "k.mean_loss", input: "1.01"))
        }, aim: "<= 0.4 µs")
    report(
        measure("check: q3 b.n_hidden '29' with carried forward", outer: 51, inner: 500) {
            blackHole(v3.grade(step: "b.n_hidden", input: "29", given: ["a.total": .number(691)]))
        }, aim: "<= 1 µs")
    report(
        measure("load all content (5 questions, parse + original exam)", outer: 21) {
            blackHole(ExamLoader.load(directory: contentDir))
        }, aim: "< 10 ms")
    let files = (1...5).map { "\(contentDir)/q\($0).yaml" }
    report(
        measure("  of which: read + YAML compose of 5 files (Yams)", outer: 21) {
            for f in files { blackHole(try? Yams.compose(yaml: String(contentsOfFile: f, encoding: .utf8))) }
        }, aim: "-")
    if !engineOnly {
        // What `dltutor lint` runs, pictures included; the slowest run stands for p99 with so few.
        let lintTimes = measure("lint: original + 500 seeds per question (2,505 variants)", outer: lintRuns) {
            blackHole(Lint.run(directory: contentDir, seeds: 500, leaks: PictureLint.leaks))
        }
        print(
            "\(lintTimes.name.padding(toLength: 52, withPad: " ", startingAt: 0)) median \(lintTimes.medianText) p99 \(lintTimes.p99Text) (aim < 1 s)"
        )
    }

    // One frame of the question screen with a live check, as every keystroke renders it.
    var frameSession = Session(exam: load.exam)
    _ = frameSession.handle(.openQuestion(2))
    _ = frameSession.handle(.goToStep(3))
    for c in "69" { _ = frameSession.handle(.type(c)) }
    let frameSessionFixed = frameSession
    report(
        measure("frame: type a key + render Q3 at 80x24 (pure)", outer: 51, inner: 50) {
            var s = frameSessionFixed
            _ = s.handle(.type("1"))
            blackHole(
                Screens.render(
                    s, size: Size(width: 80, height: 24), capabilities: TerminalCapabilities(unicode: true, color: true)))
        }, aim: "-")
    // The same as the run loop does it: the frame cache kept from key to key (the screen around the
    // field is reused), then the cells that changed since the previous frame.
    let frameCache = FrameCache()
    let frameSize = Size(width: 80, height: 24), frameCaps = TerminalCapabilities(unicode: true, color: true)
    var cachedSession = frameSessionFixed
    var lastFrame = Screens.render(cachedSession, size: frameSize, capabilities: frameCaps, cache: frameCache).buffer
    var typed = 0
    report(
        measure("frame: key + render with frame cache + cell diff", outer: 51, inner: 50) {
            // Type and erase in turn, so the field stays short and every key changes it.
            typed += 1
            _ = cachedSession.handle(typed % 2 == 1 ? .type("1") : .deleteBackward)
            let frame = Screens.render(cachedSession, size: frameSize, capabilities: frameCaps, cache: frameCache).buffer
            blackHole(frame.changedRuns(since: lastFrame))
            lastFrame = frame
        }, aim: "-")
}

if engineOnly { exit(0) }

// Terminal: the real binary in a pty, beside the C reference prompt, in the same run.
print("")
let absContent = URL(fileURLWithPath: contentDir).standardizedFileURL.path
let absBinary = URL(fileURLWithPath: binary).standardizedFileURL.path
// One progress database for every run, as a student's would be (opened, not created, each time).
// `--no-tour`: the first-run tour is shown until it is dismissed, and the bench never dismisses it.
let benchDB = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-bench-\(getpid()).sqlite").path
defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: benchDB + suffix) } }
let tutor = TerminalBench.measure(
    name: "dltutor", binary: absBinary, arguments: ["practice", "--content", absContent, "--db", benchDB, "--no-tour"],
    firstFrameText: "q quit",
    keyArguments: [], ready: "q quit", prompt: "", runs: runs)
// The same binary with the content cache off: the YAML is parsed on every start.
let tutorNoCache = TerminalBench.measure(
    name: "dltutor (cache off)", binary: absBinary,
    arguments: ["practice", "--content", absContent, "--db", benchDB, "--no-tour"], firstFrameText: "q quit",
    keyArguments: [], ready: "q quit", prompt: "", runs: runs,
    environment: PTYProcess.defaultEnvironment.merging(["DLTUTOR_CACHE": "off"]) { $1 })
var rows = [tutor, tutorNoCache]
// Keystroke to screen: typing into q3's answer field, and into the C prompt, sessions interleaved.
var keyTargets = [
    TerminalBench.KeyTarget(
        name: "dltutor", binary: absBinary, arguments: ["practice", "--content", absContent, "--db", benchDB, "--question", "q3"],
        ready: "Answer →", prompt: "Answer → ")
]
if let c = TerminalBench.buildCPrompt(source: "Benchmarks/c-prompt/prompt.c") {
    var cRow = TerminalBench.measure(
        name: "C ncurses prompt", binary: c, arguments: [], firstFrameText: "Enter submits",
        keyArguments: [], ready: "c-prompt σ", prompt: "", runs: runs)
    keyTargets.append(
        TerminalBench.KeyTarget(name: "C ncurses prompt", binary: c, arguments: [], ready: "c-prompt σ", prompt: "answer> "))
    let keyResults = TerminalBench.keyLatencies(keyTargets, sessions: max(5, runs / 2))
    rows[0].keyToScreen = keyResults[0].median
    cRow.keyToScreen = keyResults[1].median
    rows.append(cRow)
    for r in keyResults { print("key->screen spread, \(r.name): \(r.spread)") }
    if let p = TerminalBench.pairedRatios(keyResults[0], keyResults[1]) {
        print(
            String(
                format: "key->screen ratio per session pair (dltutor / C, run back to back): median %.2fx, range %.2f-%.2fx",
                p.median, p.min, p.max))
    }
} else {
    print("(could not compile Benchmarks/c-prompt/prompt.c; no C reference this run)")
}
func ms(_ x: Double?) -> String { x.map { String(format: "%.2f ms", $0) } ?? "n/a" }
// Keystrokes take tens of microseconds: two decimals of a millisecond would hide the difference.
func ms3(_ x: Double?) -> String { x.map { String(format: "%.3f ms", $0) } ?? "n/a" }
for r in rows {
    print(
        "\("terminal: \(r.name)".padding(toLength: 30, withPad: " ", startingAt: 0)) first frame median \(ms(r.firstFrame).padding(toLength: 10, withPad: " ", startingAt: 0)) key->screen median \(ms3(r.keyToScreen))  (\(runs) runs)"
    )
}
if rows.count == 3, let a = rows[0].firstFrame, let b = rows[2].firstFrame, let k = rows[0].keyToScreen,
    let kc = rows[2].keyToScreen
{
    print(String(format: "ratios vs C: first frame %.2fx (aim <= 1.5x), key->screen %.2fx (aim <= 1.2x)", a / b, k / kc))
}

// Whole processes in a pty, spawn to exit, beside the C prompt's whole life (it is given `q`).
print("")
let cPrompt = TerminalBench.buildCPrompt(source: "Benchmarks/c-prompt/prompt.c")
let noCache = PTYProcess.defaultEnvironment.merging(["DLTUTOR_CACHE": "off"]) { $1 }
var processRows: [(String, ProcessBench.Result)] = [
    ("dltutor --version", ProcessBench.measure(binary: absBinary, arguments: ["--version"], runs: runs)),
    (
        "dltutor check q3 a.total 691",
        ProcessBench.measure(binary: absBinary, arguments: ["check", "q3", "a.total", "691", "--content", absContent], runs: runs)
    ),
    (
        "  the same, content cache off",
        ProcessBench.measure(
            binary: absBinary, arguments: ["check", "q3", "a.total", "691", "--content", absContent],
            environment: noCache, runs: runs)
    ),
    ("dltutor list", ProcessBench.measure(binary: absBinary, arguments: ["list", "--content", absContent], runs: runs))
]
if let cPrompt {
    processRows.append(
        ("C ncurses prompt (start, frame, q, exit)", ProcessBench.measure(binary: cPrompt, arguments: [], input: "q", runs: runs))
    )
}
let cProcess = processRows.last?.0.hasPrefix("C ") == true ? processRows.last?.1.milliseconds : nil
for (name, r) in processRows {
    let ratio = cProcess.flatMap { c in r.milliseconds.map { String(format: "  %.2fx C", $0 / c) } } ?? ""
    let peak = r.peakKiB.map { String(format: "peak %.1f MiB", Double($0) / 1024) } ?? "peak n/a"
    print(
        "process: \(name.padding(toLength: 42, withPad: " ", startingAt: 0)) median \(ms(r.milliseconds).padding(toLength: 10, withPad: " ", startingAt: 0)) \(peak)\(ratio)"
    )
}
LintBench.report(binary: absBinary, content: absContent, runs: lintRuns)
if let size = (try? FileManager.default.attributesOfItem(atPath: absBinary))?[.size] as? Int {
    print(String(format: "binary: %@ %.1f MB", binary, Double(size) / 1_000_000))
}
