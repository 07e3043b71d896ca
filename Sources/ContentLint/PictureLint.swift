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
///
/// A generic picture changes only when one of its `after` steps becomes known, so it is drawn
/// again only then: the other states reuse the last drawing's text (lint draws every picture
/// for 500 variants); and it is drawn at the projector size only, where none of its labels is cut.
public enum PictureLint {
    public static func leaks(in variant: Variant) -> [LeakLint.Leak] {
        guard let picture = variant.question.picture else { return [] }
        var practice = PracticeState(variant: variant)
        // Numbers the question prints are data; labels may repeat what the student has answered
        // (z^[1]'s 256 is also a^[1]'s size, but the student earned it at z^[1]).
        let scan = AnswerLeak(questionText: variant.text)
        let gates = gateSteps(picture)
        let line = pictureLine(picture, question: variant.question)
        var out: [LeakLint.Leak] = []
        var drawn: (state: Set<String>, text: String)?
        var previous: ScannedText? = nil
        for open in 0...variant.steps.count {
            if open > 0 {
                practice.records[open - 1].status = .correct
                practice.stepIndex = open - 1 // still on the step just answered: what it marks shows
            }
            let earnedIDs = Set(variant.steps[..<open].map(\.id))
            let current = variant.steps[practice.stepIndex].id
            // A grid lights what the current step asks about: the current step is part of the state.
            let state =
                gates.map { earnedIDs.intersection($0).union($0.contains(current) ? ["current " + current] : []) }
                ?? earnedIDs
            let text: String
            if let drawn, drawn.state == state {
                text = drawn.text
            } else {
                text = draw(practice, sizes: gates == nil ? builtInSizes : genericSizes)
            }
            drawn = (state, text)
            // A step the picture does not show leaves it unchanged: read it once.
            let scanned = previous.flatMap { $0.text == text ? $0 : nil } ?? ScannedText(text)
            previous = scanned
            let earned = variant.steps[..<open].map(\.expected)
            let after = open == 0 ? "before any step is answered" : "after step '\(variant.steps[open - 1].id)'"
            for id in scan.answersStated(
                in: scanned, among: Array(variant.steps[open...]), ownStep: nil, own: earned,
                countSmallNumbers: true)
            {
                out.append(LeakLint.Leak(step: "(picture)", place: "picture \(after)", answerOf: id, line: line))
            }
        }
        return out
    }

    /// A built-in drawing may show other labels at the projector size.
    private static let builtInSizes = [(100, 32, false), (140, 40, true)]
    /// A generic picture shows the same labels at every size, all of them at the largest (less
    /// is cut there), so one drawing at the projector size reads them all.
    private static let genericSizes = [(140, 40, true)]

    /// The picture's text at the given lint sizes.
    private static func draw(_ practice: PracticeState, sizes: [(Int, Int, Bool)]) -> String {
        var text = ""
        for (w, h, large) in sizes {
            var buffer = Buffer(width: w, height: h)
            Picture(practice: practice, glyphs: .unicode, large: large).draw(
                in: &buffer, rect: Rect(x: 0, y: 0, width: w, height: h))
            text += buffer.lines().joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The steps whose answers can change the drawing; nil for a built-in drawing, which may
    /// read any step.
    private static func gateSteps(_ picture: QuestionPicture) -> Set<String>? {
        if case .generic(let spec) = picture { return spec.gateSteps }
        return nil
    }

    /// Where a leak is reported: a generic picture's own line, else the question's.
    private static func pictureLine(_ picture: QuestionPicture, question: Question) -> Int {
        if case .generic(let spec) = picture { return spec.fields.line }
        return question.line
    }
}
