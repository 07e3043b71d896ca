import TerminalUI
import TutorContent
import TutorScreens
import TutorSession

/// Lint's proof for pictures: no label of a question's picture states an answer the student has
/// not earned.
///
/// The picture is drawn as the student first sees it (nothing answered), then once more after each
/// step in turn is answered right; every time, its text is read for the answers of the steps
/// still open (every number counts, small ones too, except those the question prints or the
/// student has already earned). Drawn at a size where every label fits, and once more at the
/// presenter's projector size (160×45), where pictures grow and large-terminal labels appear.
public enum PictureLint {
    public static func leaks(in variant: Variant) -> [LeakLint.Leak] {
        guard variant.question.picture != nil else { return [] }
        var practice = PracticeState(variant: variant)
        // Numbers the question prints are data; labels may repeat what the student has answered
        // (z^[1]'s 256 is also a^[1]'s size, but the student earned it at z^[1]).
        let scan = AnswerLeak(questionText: variant.text)
        var out: [LeakLint.Leak] = []
        for open in 0...variant.steps.count {
            if open > 0 { practice.records[open - 1].status = .correct }
            var text = ""
            for (w, h, large) in [(100, 32, false), (140, 40, true)] {
                var buffer = Buffer(width: w, height: h)
                Picture(practice: practice, glyphs: .unicode, large: large).draw(
                    in: &buffer, rect: Rect(x: 0, y: 0, width: w, height: h))
                text += buffer.lines().joined(separator: "\n") + "\n"
            }
            let earned = variant.steps[..<open].map(\.expected)
            let after = open == 0 ? "before any step is answered" : "after step '\(variant.steps[open - 1].id)'"
            for id in scan.answersStated(
                in: text, among: Array(variant.steps[open...]), ownStep: nil, own: earned,
                countSmallNumbers: true)
            {
                out.append(LeakLint.Leak(step: "(picture)", place: "picture \(after)", answerOf: id, line: variant.question.line))
            }
        }
        return out
    }
}
