import MathEngine
import TutorContent

/// A timed drill: one fresh single step after another, from one topic, until time is up.
public struct DrillState: Sendable {
    public enum Phase: Sendable, Equatable { case running, results }

    public let topic: String
    public let minutes: Double
    /// The current item: a fresh variant, opened at one step.
    public internal(set) var practice: PracticeState
    public internal(set) var score = 0
    public internal(set) var tried = 0
    public internal(set) var phase: Phase = .running
    public internal(set) var startedAt: Double?
    /// Picks the next item and its seed; seeded from the settings, so a drill replays exactly.
    var generator: SeededGeneratorBox
    /// The best earlier score for this topic (before this drill).
    public let previousBest: Int?
    /// Items skipped or failed, in order, for the list at the end.
    public internal(set) var misses: [DrillMiss] = []
    /// The current item was given up (skipped or failed): its worked step and answer are on
    /// screen, and Enter or Tab brings the next item.
    public internal(set) var showingAnswer = false
    /// Which candidate step comes next (every step of the topic before any repeats).
    var deck = DrillDeck()

    init(topic: String, minutes: Double, practice: PracticeState, generator: SeededGeneratorBox, previousBest: Int?) {
        self.topic = topic
        self.minutes = minutes
        self.practice = practice
        self.generator = generator
        self.previousBest = previousBest
    }

    public var deadline: Double? { startedAt.map { $0 + minutes * 60 } }
    public var best: Int { max(score, previousBest ?? 0) }
}

/// A drill item that was not answered right: which step, and the answer it had.
public struct DrillMiss: Sendable, Equatable {
    public var questionID: String
    public var label: String
    public var seed: UInt64?
    /// The correct answer, as the worked step shows it.
    public var answer: String
    /// The student's last try (nil: skipped without trying).
    public var lastTry: String?
}

/// The order of a drill's steps: a shuffled deck of the topic's candidates, dealt one by one and
/// reshuffled when empty, so every step of the topic comes before any repeats, and the first of
/// a new deck is never the step just shown (no item twice in a row, however short the topic).
struct DrillDeck: Sendable {
    private var order: [Int] = []
    private(set) var last: Int?

    mutating func next(count: Int, using g: inout SeededGeneratorBox) -> Int {
        if order.isEmpty {
            order = Array(0..<count)
            for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, g.below(i + 1)) }
            if count > 1, order.first == last { order.swapAt(0, 1 + g.below(count - 1)) }
        }
        let pick = order.removeFirst()
        last = pick
        return pick
    }
}

/// Value wrapper so the generator's state is part of the session's value (copies diverge).
struct SeededGeneratorBox: Sendable {
    var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }
    mutating func below(_ n: Int) -> Int { Int(generator.below(UInt64(n))) }
    mutating func next() -> UInt64 { generator.next() }
}
