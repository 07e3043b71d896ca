import MathEngine
import TutorContent

/// What storage kept of one question's practice, to reopen it where the student left off.
public struct SavedPractice: Sendable, Equatable {
    public struct Check: Sendable, Equatable {
        public var stepID: String
        public var input: String
        /// The verdict's short name as stored ("correct", "named-mistake", "self-assessed covered", …).
        public var verdict: String
        public init(stepID: String, input: String, verdict: String) {
            self.stepID = stepID
            self.input = input
            self.verdict = verdict
        }
    }

    /// A worked step that was shown, and where it came among the checks.
    public struct Reveal: Sendable, Equatable {
        public var stepID: String
        /// How many of `checks` came before it.
        public var afterChecks: Int
        /// A hint taken, not the worked step (stored beside reveals with the reason `hint`).
        public var isHint: Bool
        public init(stepID: String, afterChecks: Int, isHint: Bool = false) {
            self.stepID = stepID
            self.afterChecks = afterChecks
            self.isHint = isHint
        }
    }

    public var questionID: String
    public var seed: UInt64?
    public var stepIndex: Int
    /// Checked answers in the order they were checked.
    public var checks: [Check]
    /// Reveals (by key, automatic, or before any try), in the order they were made.
    public var reveals: [Reveal]

    public init(questionID: String, seed: UInt64?, stepIndex: Int, checks: [Check], reveals: [Reveal] = []) {
        self.questionID = questionID
        self.seed = seed
        self.stepIndex = stepIndex
        self.checks = checks
        self.reveals = reveals
    }
}

extension Session {
    /// Rebuilds each saved question by checking its stored answers again (so statuses, tries and
    /// carried-forward verdicts come out exactly as the engine gives them today) with the stored
    /// reveals replayed in their places, then reopens `reopen` at its saved step. `originals`
    /// are the original exam's marks of questions whose saved practice is a variant: they are
    /// kept aside for the original-exam key. Produces no effects: nothing is recorded twice.
    public mutating func restore(_ saved: [SavedPractice], originals: [SavedPractice] = [], reopen: String?) {
        for s in saved {
            if let p = rebuild(s) { opened[s.questionID] = p }
        }
        for s in originals where s.seed == nil && opened[s.questionID]?.variant.seed != nil {
            if let p = rebuild(s) { parkedOriginals[s.questionID] = p }
        }
        if let reopen, opened[reopen] != nil, let i = exam.questions.firstIndex(where: { $0.id == reopen }) {
            selection = i
            mode = .question(id: reopen)
            opened[reopen]?.notice = "Welcome back: this is where you left off."
        }
    }

    /// One question as the student left it. Automatic reveals come only from storage (the replay
    /// runs with them off), so a changed --reveal-after never changes an earlier mark.
    private mutating func rebuild(_ s: SavedPractice) -> PracticeState? {
        guard let q = exam.question(s.questionID), let variant = try? q.variant(seed: s.seed) else { return nil }
        var p = PracticeState(variant: variant, rules: .practice(revealAfter: 0))
        func reveal(upTo n: Int, from next: inout Int) {
            while next < s.reveals.count, s.reveals[next].afterChecks <= n {
                if let i = variant.steps.firstIndex(where: { $0.id == s.reveals[next].stepID }), s.reveals[next].isHint {
                    p.records[i].hintsShown = min(variant.steps[i].hints.count, p.records[i].hintsShown + 1)
                    p.records[i].hintsTaken += 1
                } else if let i = variant.steps.firstIndex(where: { $0.id == s.reveals[next].stepID }) {
                    p.records[i].revealed = true
                    if !p.records[i].status.isDone { p.records[i].status = .revealed }
                }
                next += 1
            }
        }
        var nextReveal = 0
        for (n, check) in s.checks.enumerated() {
            reveal(upTo: n, from: &nextReveal)
            guard let i = variant.steps.firstIndex(where: { $0.id == check.stepID }) else { continue }
            p.stepIndex = i
            if variant.steps[i].kind == .text {
                p.record.attempts.append(Attempt(input: check.input, verdict: .correct, value: .text(check.input)))
                switch VerdictKind(rawValue: check.verdict) {
                case .selfAssessedCovered: p.record.status = .assessedCovered
                case .selfAssessedMissed: p.record.status = .assessedMissed
                default: p.record.status = .awaitingAssessment
                }
                continue
            }
            p.record.draft = Draft(check.input)
            p.refreshLive()
            _ = submit(&p, on: .question)
            p.record.draft = Draft()
        }
        reveal(upTo: s.checks.count, from: &nextReveal)
        p.rules = .practice(revealAfter: settings.revealAfter)
        p.stepIndex = min(max(0, s.stepIndex), variant.steps.count - 1)
        p.lastVerdict = p.record.attempts.last?.verdict
        p.notice = nil
        p.refreshLive()
        return p
    }
}
