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

    public var questionID: String
    public var seed: UInt64?
    public var stepIndex: Int
    /// Checked answers in the order they were checked.
    public var checks: [Check]

    public init(questionID: String, seed: UInt64?, stepIndex: Int, checks: [Check]) {
        self.questionID = questionID
        self.seed = seed
        self.stepIndex = stepIndex
        self.checks = checks
    }
}

extension Session {
    /// Rebuilds each saved question by checking its stored answers again (so statuses, tries and
    /// carried-forward verdicts come out exactly as the engine gives them today), then reopens
    /// `reopen` at its saved step. Produces no effects: nothing is recorded twice.
    public mutating func restore(_ saved: [SavedPractice], reopen: String?) {
        for s in saved {
            guard let q = exam.question(s.questionID), let variant = try? q.variant(seed: s.seed) else { continue }
            var p = PracticeState(variant: variant, rules: .practice(revealAfter: settings.revealAfter))
            for check in s.checks {
                guard let i = variant.steps.firstIndex(where: { $0.id == check.stepID }) else { continue }
                p.stepIndex = i
                if variant.steps[i].kind == .text {
                    p.record.attempts.append(Attempt(input: check.input, verdict: .correct, value: .text(check.input)))
                    p.record.status = check.verdict == "self-assessed covered" ? .assessedCovered
                        : check.verdict == "self-assessed missed" ? .assessedMissed : .awaitingAssessment
                    continue
                }
                p.record.draft = Draft(check.input)
                p.refreshLive()
                let previous = screen
                screen = .question
                _ = submit(&p)
                screen = previous
                p.record.draft = Draft()
            }
            p.stepIndex = min(max(0, s.stepIndex), variant.steps.count - 1)
            p.lastVerdict = p.record.attempts.last?.verdict
            p.notice = nil
            p.refreshLive()
            opened[s.questionID] = p
        }
        if let reopen, opened[reopen] != nil, let i = exam.questions.firstIndex(where: { $0.id == reopen }) {
            selection = i
            currentID = reopen
            screen = .question
            opened[reopen]?.notice = "Welcome back: this is where you left off."
        }
    }
}
