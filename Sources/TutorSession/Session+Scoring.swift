import MathEngine
import TutorContent

/// The practice rules behind `PracticeScoring`: hints that cost, a bound on guessing a choice,
/// a second question before an unsupported self-assessment counts, and error carried forward
/// re-checked whenever an earlier answer changes.
extension Session {
    /// A hint shown on a step not yet done costs a share of its points and is stored.
    func takeHint(_ p: inout PracticeState) -> [Effect] {
        guard !p.record.status.isDone else { return [] }
        p.record.hintsTaken += 1
        return [.hintTaken(questionID: p.variant.id, stepID: p.step.id, seed: p.variant.seed, mode: recordMode)]
    }

    /// Wrong tries after which the worked step is shown: the `--reveal-after` setting (0: none)
    /// and, where reveals exist, a choice's options less one, since after those the last option
    /// left is known, not answered (so even `--reveal-after 0` cannot be brute-forced).
    static func revealLimit(_ p: PracticeState) -> Int? {
        let setting = p.rules.revealAfter > 0 ? p.rules.revealAfter : nil
        guard p.rules.reveal, p.step.kind == .choice else { return setting }
        let bound = max(1, p.step.options.count - 1)
        return min(setting ?? bound, bound)
    }

    /// "Covered" for a sentence that matched none of the key ideas is asked once more before it
    /// counts; true when the question was asked now (the assessment waits).
    static func questionsCovered(_ p: inout PracticeState) -> Bool {
        guard !p.record.assessmentQuestioned, let input = p.record.attempts.last?.input else { return false }
        let covered = p.variant.keywordsCovered(step: p.step.id, input: input)
        guard !covered.isEmpty, !covered.contains(true) else { return false }
        p.record.assessmentQuestioned = true
        p.notice = "Your sentence matched none of the key ideas. y again if it covers them anyway, n if not."
        return true
    }

    /// Every step marked ↻ is graded again against the student's answers as they are now: one
    /// that no longer follows from them loses its mark and its points (it shows ✗ until answered
    /// again). The earlier try is kept as it was, so it is not counted as another wrong try.
    static func recheckCarriedForward(_ p: inout PracticeState) {
        guard p.rules.showVerdicts else { return }
        var lost: [String] = []
        for j in p.records.indices where p.records[j].status == .carriedForward {
            guard let last = p.records[j].attempts.last else { continue }
            let step = p.variant.steps[j]
            switch p.variant.grade(step: step.id, input: last.input, given: p.given(before: j)) {
            case .carriedForward: continue
            case .correct, .correctAlternative: p.records[j].status = .correct
            default:
                p.records[j].status = .wrong
                lost.append(step.label)
            }
        }
        guard !lost.isEmpty else { return }
        p.notice = "No longer follows from your answers: \(lost.joined(separator: ", ")). Answer it again."
        if p.records[p.stepIndex].status == .wrong { p.lastVerdict = nil }
    }
}
