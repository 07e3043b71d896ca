import Foundation
import TutorOutput

/// One exported row: an attempt or a quiz. CSV and JSON carry the same fields, in this order.
///
/// Columns (CSV header row; JSON keys), empty in CSV / null in JSON when not applicable:
///
/// | column | attempt row | quiz row |
/// |---|---|---|
/// | `kind` | `attempt` | `quiz` |
/// | `time` | when the answer was checked | when the quiz started |
/// | `mode` | practice, demo, quiz, ... | `quiz` |
/// | `question` | question id | question ids asked, space-separated |
/// | `topic` | topic recorded with the attempt | |
/// | `step` | step id | |
/// | `seed` | variant seed (decimal; JSON string); empty = original exam | exam seed |
/// | `input` | the text entered | |
/// | `verdict` | correct, correct-alternative, carried-forward, incorrect, named-mistake, self-assessed ...; `running` (no mistake or correct) while its quiz runs | |
/// | `mistake` | the named mistake's explanation | |
/// | `correct` | `true`/`false` | |
/// | `seconds` | seconds spent on this try | quiz length in seconds (ended − started) |
/// | `quiz_id` | the quiz it belongs to | the quiz's id |
/// | `ended` | | when the quiz ended (empty: unfinished) |
/// | `score` | | total score |
/// | `max_score` | | maximum score |
/// | `minutes` | | time limit in minutes |
/// | `feedback` | | feedback setting |
/// | `status` | | `finished`, `running` (can still be continued) or `abandoned`; only a finished quiz has a score |
/// | `first_seconds` | seconds from opening the step to its first check (same step, variant, mode and quiz) | |
///
/// Times are ISO-8601 UTC (`2025-03-01T09:30:00Z`). CSV follows RFC 4180: CRLF line ends, a header
/// row, fields with a comma, quote, CR or LF quoted and inner quotes doubled; text cells are
/// neutralised against formula injection and bidi spoofing (`CSV.neutralised`). JSON is an array of
/// objects with every key present. Rows are in time order.
public struct ExportRow {
    static let columns = [
        "kind", "time", "mode", "question", "topic", "step", "seed", "input", "verdict",
        "mistake", "correct", "seconds", "quiz_id", "ended", "score", "max_score",
        "minutes", "feedback", "status", "first_seconds"
    ]

    enum Field { case text(String), number(Double), integer(Int64), bool(Bool), null }

    var time: Date
    var fields: [Field]

    /// `history`: every attempt, oldest first, when `attempts` is only a later part (`--since`), so
    /// `first_seconds` is still the first try's even when that try is not exported.
    /// `runningQuizzes`: quizzes still running; their answers are exported with the verdict
    /// `running` and no mistake or correctness, so nothing tells which answers are right before
    /// the quiz ends.
    static func rows(
        attempts: [StoredAttempt], quizzes: [QuizRecord], history: [StoredAttempt]? = nil,
        runningQuizzes: Set<Int64> = []
    ) -> [ExportRow] {
        func text(_ s: String?) -> Field { s.map(Field.text) ?? .null }
        func time(_ d: Date?) -> Field { d.map { .text(iso($0)) } ?? .null }
        // The first try's seconds per step sitting: same step, variant, mode and quiz.
        var firstSeconds: [String: Double?] = [:]
        func sitting(_ a: StoredAttempt) -> String {
            [a.mode, a.questionID, a.stepID, a.seed.map(String.init) ?? "-", a.quizID.map(String.init) ?? "-"].joined(
                separator: "|")
        }
        for a in history ?? attempts where firstSeconds[sitting(a)] == nil {
            firstSeconds[sitting(a)] = .some(a.seconds)
        }
        let a = attempts.map { a in
            let hidden = a.quizID.map(runningQuizzes.contains) ?? false
            return ExportRow(
                time: a.time,
                fields: [
                    .text("attempt"), time(a.time), .text(a.mode), .text(a.questionID), text(a.topic), .text(a.stepID),
                    text(a.seed.map(String.init)), .text(a.input), .text(hidden ? "running" : a.verdict),
                    hidden ? .null : text(a.mistake), hidden ? .null : .bool(a.correct),
                    a.seconds.map(Field.number) ?? .null, a.quizID.map(Field.integer) ?? .null,
                    .null, .null, .null, .null, .null, .null,
                    (firstSeconds[sitting(a)] ?? nil).map(Field.number) ?? .null
                ])
        }
        let q = quizzes.map { q in
            // A quiz that did not finish has no score: never a 0 / 0 row a gradebook would count.
            let finished = q.status == .finished
            return ExportRow(
                time: q.startedAt,
                fields: [
                    .text("quiz"), time(q.startedAt), .text("quiz"), .text(q.settings.questionIDs.joined(separator: " ")),
                    .null, .null, text(q.settings.seed.map(String.init)), .null, .null, .null, .null,
                    finished ? q.endedAt.map { .number($0.timeIntervalSince(q.startedAt)) } ?? .null : .null,
                    q.id.map(Field.integer) ?? .null,
                    finished ? time(q.endedAt) : .null, finished ? .number(q.score) : .null,
                    finished ? .number(q.maxScore) : .null, .number(q.settings.minutes),
                    .text(q.settings.feedback), .text(q.status.rawValue), .null
                ])
        }
        // Stable merge by time: attempts before a quiz that starts at the same instant.
        return (a + q).enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String((x * 1000).rounded() / 1000)
    }

    // MARK: CSV

    static func csv(_ rows: [ExportRow]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for row in rows {
            out +=
                row.fields.map { f -> String in
                    switch f {
                    case .text(let s): CSV.cell(s)
                    case .number(let x): number(x)
                    case .integer(let i): String(i)
                    case .bool(let b): b ? "true" : "false"
                    case .null: ""
                    }
                }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    // MARK: JSON

    static func json(_ rows: [ExportRow]) -> String {
        if rows.isEmpty { return "[]\n" }
        let objects = rows.map { row in
            "  {"
                + zip(columns, row.fields).map { key, f in
                    let value =
                        switch f {
                        case .text(let s): JSONValue.quote(s)
                        case .number(let x): number(x)
                        case .integer(let i): String(i)
                        case .bool(let b): b ? "true" : "false"
                        case .null: "null"
                        }
                    return JSONValue.quote(key) + ": " + value
                }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
