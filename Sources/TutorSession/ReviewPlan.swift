/// The order and size of one review sitting, pure so it can be tested on its own.
///
/// Interleaving: steps of one question are not reviewed back to back when another question has
/// steps due (spacing between related items helps recall, and "the next part of the same
/// question" would otherwise give a hint). The daily cap keeps a long absence from turning into
/// a 100-step session: the most overdue steps come first, the rest stay due for another day.
public enum ReviewPlan {
    /// `due` is earliest-due first. Takes the first `cap` of them (the most overdue), then
    /// interleaves them.
    public static func plan(_ due: [ReviewSettings.Item], cap: Int) -> [ReviewSettings.Item] {
        interleave(Array(due.prefix(max(0, cap))))
    }

    /// Each next item comes from the question with the most steps left that is not the one just
    /// shown (ties: the question whose steps fell due first); each question's steps keep their
    /// due order. Picking the fullest question first is what keeps repeats apart: two questions
    /// of one step each and one of three give A B A C A, never A B C A A. Only when one question
    /// has more steps than all others together do its steps meet.
    public static func interleave(_ items: [ReviewSettings.Item]) -> [ReviewSettings.Item] {
        var order: [String] = []
        var queues: [String: [ReviewSettings.Item]] = [:]
        for item in items {
            if queues[item.questionID] == nil { order.append(item.questionID) }
            queues[item.questionID, default: []].append(item)
        }
        var out: [ReviewSettings.Item] = []
        var last: String?
        while out.count < items.count {
            let open = order.filter { !(queues[$0]?.isEmpty ?? true) }
            let others = open.filter { $0 != last }
            let pool = others.isEmpty ? open : others
            // max(by:) keeps the last of equals; the first in `order` wins a tie instead.
            let pick = pool.reduce(pool[0]) { best, q in queues[q]!.count > queues[best]!.count ? q : best }
            out.append(queues[pick]!.removeFirst())
            last = pick
        }
        return out
    }
}
