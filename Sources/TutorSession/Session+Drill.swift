import MathEngine
import TutorContent

/// Drill mode: as many fresh single steps of one topic as the student can answer correctly in
/// the time. Each item is a new variant; a correct answer moves straight on.
extension Session {
    /// Steps a drill of `topic` draws from: every step of the topic's questions except the
    /// free-text ones, which cannot be checked.
    func drillCandidates(_ topic: String) -> [(question: Int, step: Int)] {
        var out: [(Int, Int)] = []
        for (qi, q) in exam.questions.enumerated() where q.topic == topic {
            for (si, s) in q.steps.enumerated() where s.kind != .text { out.append((qi, si)) }
        }
        return out
    }

    mutating func startDrill() {
        let topic = settings.drill.topic
        guard !drillCandidates(topic).isEmpty else {
            notice = "No steps to drill for topic '\(topic)'."
            return
        }
        var generator = SeededGeneratorBox(seed: settings.drill.seed)
        guard let first = nextDrillItem(topic, &generator) else { return }
        var d = DrillState(topic: topic, minutes: settings.drill.minutes, practice: first, generator: generator,
                           previousBest: settings.drill.best[topic])
        d.startedAt = now
        drill = d
        screen = .drill
    }

    /// A fresh variant of a random step of the topic.
    mutating func nextDrillItem(_ topic: String, _ generator: inout SeededGeneratorBox) -> PracticeState? {
        let candidates = drillCandidates(topic)
        for _ in 0..<10 {
            let pick = candidates[generator.below(candidates.count)]
            let seed = generator.next() % 1_000_000
            guard let v = try? exam.questions[pick.question].variant(seed: seed) else { continue }
            var p = PracticeState(variant: v, rules: .drill)
            p.stepIndex = pick.step
            p.stepClock = now
            p.refreshLive()
            return p
        }
        notice = "Could not make a drill item for topic '\(topic)'."
        return nil
    }

    mutating func handleDrill(_ message: Message) -> [Effect] {
        guard var d = drill else { screen = .start; return [] }
        if d.phase == .results {
            if message == .back || message == .submit { screen = .start }
            return []
        }
        switch message {
        case .endEarly:
            return finishDrill()
        case .back where d.practice.focus == .answer:
            return finishDrill()
        case .skip, .nextStep:
            d.tried += 1
            if let next = nextDrillItem(d.topic, &d.generator) { d.practice = next }
            d.practice.notice = "Skipped. Here is another one."
            drill = d
            return []
        case .previousStep, .goToStep, .hint, .reveal, .newVariant, .originalExam:
            return []
        default:
            let effects = handleQuestion(message)
            guard var after = drill else { return effects }
            if message == .submit, after.practice.record.status == .correct || after.practice.record.status == .carriedForward {
                after.score += 1
                after.tried += 1
                if let next = nextDrillItem(after.topic, &after.generator) { after.practice = next }
                after.practice.notice = "✓ Correct: \(after.score) so far. Next one."
                drill = after
            }
            return effects
        }
    }

    mutating func drillTick(_ now: Double) -> [Effect] {
        guard var d = drill, d.phase == .running else { return [] }
        if d.startedAt == nil { d.startedAt = now; drill = d; return [] }
        if let deadline = d.deadline, now >= deadline { return finishDrill() }
        return []
    }

    private mutating func finishDrill() -> [Effect] {
        guard var d = drill else { return [] }
        d.phase = .results
        drill = d
        return [.finishDrill(topic: d.topic, score: d.score, tried: d.tried)]
    }
}
