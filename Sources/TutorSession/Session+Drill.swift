import MathEngine
import TutorContent

/// Drill mode: as many fresh single steps of one topic as the student can answer correctly in
/// the time. Each item is a new variant of the topic's next step (`DrillDeck`); a correct answer
/// moves straight on; a skipped or failed item (two wrong tries) shows its worked step and answer
/// until Enter, and is listed with its answer at the end.
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
        var deck = DrillDeck()
        guard let first = nextDrillItem(topic, &generator, &deck) else { return }
        var d = DrillState(
            topic: topic, minutes: settings.drill.minutes, practice: first, generator: generator,
            previousBest: settings.drill.best[topic])
        d.deck = deck
        d.startedAt = now
        mode = .drill(d)
    }

    /// A fresh variant of the topic's next step from the deck (never the step just shown).
    mutating func nextDrillItem(
        _ topic: String, _ generator: inout SeededGeneratorBox,
        _ deck: inout DrillDeck
    ) -> PracticeState? {
        let candidates = drillCandidates(topic)
        for _ in 0..<10 {
            let pick = candidates[deck.next(count: candidates.count, using: &generator)]
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
        guard var d = drill else {
            mode = .start
            return []
        }
        if d.phase == .results {
            if message == .back || message == .submit { mode = .start }
            return []
        }
        switch message {
        case .endEarly:
            return finishDrill()
        case .back where d.practice.focus == .answer:
            return finishDrill()
        case .submit where d.showingAnswer, .skip where d.showingAnswer, .nextStep where d.showingAnswer:
            advanceDrill(&d, notice: nil)
            drill = d
            return []
        case .scrollText:
            return handleQuestion(message)
        case _ where d.showingAnswer:
            return []
        case .skip, .nextStep:
            // Given up: the worked step and answer first, then Enter brings the next item.
            var p = d.practice
            let effects: [Effect] =
                p.record.revealed
                ? []
                : [
                    .revealed(
                        questionID: p.variant.id, stepID: p.step.id, seed: p.variant.seed, mode: "drill", automatic: false)
                ]
            p.record.revealed = true
            p.record.status = .revealed
            p.lastVerdict = nil
            p.notice = "Skipped. The answer is below; Enter: next one."
            d.practice = p
            giveUp(&d)
            drill = d
            return effects
        case .previousStep, .goToStep, .hint, .reveal, .newVariant, .originalExam:
            return []
        default:
            let effects = handleQuestion(message)
            guard var after = drill, message == .submit else { return effects }
            let status = after.practice.record.status
            if status == .correct || status == .carriedForward {
                after.score += 1
                after.tried += 1
                advanceDrill(&after, notice: "✓ Correct: \(after.score) so far. Next one.")
            } else if status == .revealed {
                // Failed: the wrong tries ran out and the worked step was revealed.
                after.practice.notice = "Not this time. The answer is below; Enter: next one."
                giveUp(&after)
            }
            drill = after
            return effects
        }
    }

    /// The current item counts as tried and missed; its answer stays on screen until Enter.
    private func giveUp(_ d: inout DrillState) {
        d.tried += 1
        d.misses.append(Self.miss(d.practice))
        d.showingAnswer = true
    }

    private mutating func advanceDrill(_ d: inout DrillState, notice: String?) {
        d.showingAnswer = false
        if let next = nextDrillItem(d.topic, &d.generator, &d.deck) { d.practice = next }
        d.practice.notice = notice
    }

    static func miss(_ p: PracticeState) -> DrillMiss {
        let step = p.step
        let answer = step.kind == .text ? (step.model ?? "") : (step.expected.textValue ?? step.expected.display)
        return DrillMiss(
            questionID: p.variant.id, label: step.label, seed: p.variant.seed, answer: answer,
            lastTry: p.record.attempts.last?.input)
    }

    mutating func drillTick(_ now: Double) -> [Effect] {
        guard var d = drill, d.phase == .running else { return [] }
        if d.startedAt == nil {
            d.startedAt = now
            drill = d
            return []
        }
        if let deadline = d.deadline, now >= deadline { return finishDrill() }
        return []
    }

    /// An item with wrong tries still on screen when the drill ends is a miss too.
    private mutating func finishDrill() -> [Effect] {
        guard var d = drill else { return [] }
        if !d.showingAnswer, d.practice.record.wrongTries > 0 {
            d.tried += 1
            d.misses.append(Self.miss(d.practice))
        }
        d.showingAnswer = false
        d.phase = .results
        drill = d
        return [.finishDrill(topic: d.topic, score: d.score, tried: d.tried)]
    }
}
