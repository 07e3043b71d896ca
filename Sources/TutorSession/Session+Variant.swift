import TutorContent

/// Which variant a question shows. "Another like this" replaces the variant; the original exam
/// is kept aside (with its marks) while a variant is shown, so it is always one key away; a
/// started variant is only dropped after the student says yes (its checked answers stay in the
/// history either way).
public enum VariantSwitch: Sendable, Equatable {
    /// A fresh random variant with this seed.
    case fresh(seed: UInt64)
    /// Back to the original exam.
    case original
}

extension Session {
    /// F5 / the original-exam key on the question screen: asks first when a started variant would
    /// be dropped, otherwise switches at once.
    mutating func requestVariant(_ change: VariantSwitch, _ p: inout PracticeState) {
        if change == .original && p.variant.seed == nil {
            p.notice = "This is already the original exam."
            return
        }
        if p.variant.seed != nil && p.isStarted {
            confirmingVariant = change
            return
        }
        switchVariant(change, &p)
    }

    /// The answer to "leave this variant?": y switches, n or Esc stays.
    mutating func answerVariantQuestion(_ message: Message) -> [Effect] {
        guard let change = confirmingVariant else { return [] }
        switch message {
        case .confirm(true):
            confirmingVariant = nil
            guard screen == .question, var p = practice else { return [] }
            let before = (p.variant.seed, p.stepIndex)
            switchVariant(change, &p)
            store(p)
            return before != (p.variant.seed, p.stepIndex) ? positionEffect() : []
        case .confirm(false), .back:
            confirmingVariant = nil
        default:
            break
        }
        return []
    }

    /// Replaces the open question's variant. The original exam is parked, never dropped.
    mutating func switchVariant(_ change: VariantSwitch, _ p: inout PracticeState) {
        let question = p.variant.question
        let id = p.variant.id
        var next: PracticeState
        switch change {
        case .original:
            if let parked = parkedOriginals.removeValue(forKey: id) {
                next = parked
            } else {
                guard let v = try? question.variant(seed: nil) else { return }
                next = PracticeState(variant: v, rules: p.rules)
            }
            next.notice = "Back to the original exam, with your marks on it."
        case .fresh(let seed):
            let v: Variant
            do { v = try question.variant(seed: seed) } catch {
                p.notice = "Could not make a variant for seed \(seed): \(error.message)"
                return
            }
            if p.variant.seed == nil { parkedOriginals[id] = p }
            next = PracticeState(variant: v, rules: p.rules)
            next.notice = "A fresh variant (seed \(seed)). F8 goes back to the original exam."
        }
        next.stepClock = now
        next.refreshLive()
        p = next
    }

    /// What the confirmation says about the variant it would drop.
    public var variantQuestionLines: [String] {
        guard let p = practice, let change = confirmingVariant else { return [] }
        let seed = p.variant.seed.map { "seed \($0)" } ?? "this variant"
        let done = p.records.filter { $0.status != .notTried }.count
        return [change == .original ? "Go back to the original exam?" : "Start a fresh variant?", "",
                "You have worked \(done) step\(done == 1 ? "" : "s") of variant \(seed).",
                "Its checked answers stay in your history, but this",
                "question will show the other variant from now on.", "",
                "y  switch        n / Esc  stay"]
    }
}
