import MathEngine
import TutorContent

/// Spaced review (`dltutor review`, or `r` on the start screen): each due step comes back as a
/// fresh variant; once it is settled (right, carried forward, revealed or self-assessed), Enter
/// brings the next one. Which steps are due, and when they return, is storage's SM-2 schedule;
/// the order (questions interleaved) and the daily cap are `ReviewPlan`'s.
extension Session {
    mutating func startReview() {
        let due = settings.review.items.filter { !reviewed.contains($0) }
        guard !due.isEmpty else {
            notice = "Nothing is due for review" + (settings.review.nextDue.map { "; the next step is due \($0)." } ?? ".")
            return
        }
        let cap = settings.review.maxPerDay
        let room = cap - settings.review.doneToday - reviewed.count
        guard room > 0 else {
            notice =
                "Today's \(cap) review steps are done; \(due.count) more wait for tomorrow (dltutor review --max N changes the cap)."
            return
        }
        let items = ReviewPlan.plan(due, cap: room)
        var r = ReviewState(items: items, generator: SeededGeneratorBox(seed: settings.review.seed))
        r.leftOverByCap = due.count - items.count
        r.practice = nextReviewPractice(&r)
        guard r.practice != nil else { return }
        mode = .review(r)
    }

    /// A fresh variant opened at the review item's step (skipping items the content no longer has).
    mutating func nextReviewPractice(_ r: inout ReviewState) -> PracticeState? {
        while r.index < r.items.count {
            let item = r.items[r.index]
            let seed = r.generator.next() % 1_000_000
            if let q = exam.question(item.questionID), let si = q.steps.firstIndex(where: { $0.id == item.stepID }),
                let v = try? q.variant(seed: seed)
            {
                var p = PracticeState(variant: v, rules: .practice(revealAfter: settings.revealAfter))
                p.stepIndex = si
                p.stepClock = now
                p.refreshLive()
                return p
            }
            r.index += 1
        }
        return nil
    }

    mutating func handleReview(_ message: Message) -> [Effect] {
        guard var r = review else {
            mode = .start
            return []
        }
        if r.isFinished || r.practice == nil {
            if message == .back || message == .submit {
                mode = .start
                review = nil
            }
            return []
        }
        let settledBefore = r.practice!.record.status.isDone
        switch message {
        case .back where r.practice!.focus == .answer:
            mode = .start
            review = nil
            return []
        case .nextStep, .skip:
            advanceReview(&r, settled: settledBefore)
            review = r
            return []
        case .submit where settledBefore && r.practice!.record.draft.isEmpty:
            advanceReview(&r, settled: true)
            review = r
            return []
        case .previousStep, .goToStep, .newVariant, .originalExam:
            return []
        default:
            return handleQuestion(message)
        }
    }

    /// Storage's SM-2 answer for the item on screen: shown once the item is settled.
    mutating func noteReviewScheduled(questionID: String, stepID: String, days: Int) {
        guard var r = review, !r.isFinished, r.items[r.index] == ReviewSettings.Item(questionID: questionID, stepID: stepID)
        else { return }
        r.nextInDays = days
        review = r
    }

    private mutating func advanceReview(_ r: inout ReviewState, settled: Bool) {
        r.nextInDays = nil
        if settled {
            r.done += 1
            reviewed.insert(r.items[r.index])
        }
        r.index += 1
        r.practice = r.isFinished ? nil : nextReviewPractice(&r)
    }
}
