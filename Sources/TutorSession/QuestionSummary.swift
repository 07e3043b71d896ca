/// What a finished question shows: points (split into unaided, with help and revealed), steps
/// right first time without help, the named mistakes met on
/// the way (each once), and the time spent (the sum of each try's seconds, from ticks).
public struct QuestionSummary: Sendable, Equatable {
    public var points: Double
    public var total: Double
    public var rightFirstTime: Int
    /// The points split by how they were earned.
    public var split: PointsSplit
    public var steps: Int
    public var mistakes: [String]
    public var seconds: Double?

    public init(_ p: PracticeState) {
        split = PointsSplit(p)
        points = split.total
        total = p.totalPoints
        steps = p.records.count
        rightFirstTime = split.firstTry
        var seen: [String] = []
        for r in p.records {
            for a in r.attempts {
                guard case .incorrect(let ms, _, _) = a.verdict else { continue }
                for m in ms where !seen.contains(m.explanation) { seen.append(m.explanation) }
            }
        }
        mistakes = seen
        let times = p.records.flatMap { $0.attempts.compactMap(\.seconds) }
        seconds = times.isEmpty ? nil : times.reduce(0, +)
    }

    /// "4 min 05 s", "38 s".
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let rest = s % 60
        return s >= 60 ? "\(s / 60) min \(rest < 10 ? "0" : "")\(rest) s" : "\(s) s"
    }
}
