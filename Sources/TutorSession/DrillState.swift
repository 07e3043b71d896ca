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

/// Value wrapper so the generator's state is part of the session's value (copies diverge).
struct SeededGeneratorBox: Sendable {
    var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }
    mutating func below(_ n: Int) -> Int { Int(generator.below(UInt64(n))) }
    mutating func next() -> UInt64 { generator.next() }
}
