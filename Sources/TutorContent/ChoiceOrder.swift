import MathEngine

/// The order in which a choice step's options are shown.
///
/// Content lists the right option first more often than not (the original exam had a) as the
/// answer in 9 of its 10 choice steps), so file order would teach "pick a)". Every presentation,
/// the original exam included, therefore uses a fixed permutation per question, step and seed:
/// the same variant always shows the same letters (a quiz review, `key` and a restart agree), and
/// across a question's choice steps the correct option walks through the letters from a drawn
/// starting place, so the correct letters are spread over the options rather than left to chance.
public enum ChoiceOrder {
    /// `options` (de-duplicated, file order) rearranged; `correct` is the answer's text and
    /// `ordinal` the step's position among the question's choice steps (0, 1, …).
    static func arrange(
        _ options: [String], correct: String?, questionID: String, stepID: String,
        seed: UInt64?, ordinal: Int
    ) -> [String] {
        guard options.count > 1 else { return options }
        // The original exam is seed 0 of this stream; variants use their own seed.
        let s = seed ?? 0
        var others = options
        var question = SeededGenerator(seed: Question.generatorSeed(seed: s, questionID: questionID + "/choices"))
        let start = Int(question.below(UInt64(12)))
        var step = SeededGenerator(seed: Question.generatorSeed(seed: s, questionID: questionID + "/" + stepID))
        guard let correct, let at = others.firstIndex(of: correct) else {
            step.shuffle(&others)
            return others
        }
        others.remove(at: at)
        step.shuffle(&others)
        let place = (start + ordinal) % options.count
        others.insert(correct, at: place)
        return others
    }

    /// The letter a student sees for the option at `index` (0-based): a, b, c, …
    public static func letter(_ index: Int) -> String {
        String(Character(Unicode.Scalar(UInt8(97 + min(max(index, 0), 25)))))
    }
}
