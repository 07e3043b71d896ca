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
                p.notice = Self.noVariant(seed: seed, error)
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

    /// One line when the content cannot make a variant for `seed` (a formula error or a budget
    /// exceeded that only some seeds reach): the student stays on the question they had, and can
    /// pass the seed and `file:line` on to whoever wrote the exam (`dltutor lint` finds these too).
    static func noVariant(seed: UInt64, _ error: ContentError) -> String {
        let file = error.file.split(separator: "/").last.map(String.init) ?? error.file
        let detail = error.message.count > 48 ? error.message.prefix(47) + "…" : Substring(error.message)
        return "No variant for seed \(seed) (content error, \(file):\(error.line): \(detail)); still on this one."
    }

    /// What the confirmation says about the variant it would drop.
    public var variantQuestionLines: [String] {
        guard let p = practice, let change = confirmingVariant else { return [] }
        let seed = p.variant.seed.map { "seed \($0)" } ?? "this variant"
        let done = p.records.filter { $0.status != .notTried }.count
        return [
            change == .original ? "Go back to the original exam?" : "Start a fresh variant?", "",
            "You have worked \(done) step\(done == 1 ? "" : "s") of variant \(seed).",
            "Its checked answers stay in your history, but this",
            "question will show the other variant from now on.", "",
            "y  switch        n / Esc  stay"
        ]
    }
}
