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
/// A drawing changes only when a step it read becomes known, or the current step moves where the
/// drawing asked about it (`PictureReads` records both while it draws), so it is drawn
/// again only then: the other states reuse the last drawing's text (lint draws every picture for
/// 500 variants). A generic picture is drawn at the projector size only, where none of its labels
/// is cut.
public enum PictureLint {
    public static func leaks(in variant: Variant) -> [LeakLint.Leak] {
        guard let picture = variant.question.picture else { return [] }
        var practice = PracticeState(variant: variant)
        // Numbers the question prints are data; labels may repeat what the student has answered
        // (z^[1]'s 256 is also a^[1]'s size, but the student earned it at z^[1]).
        let scan = AnswerLeak(questionText: variant.text, answersOf: variant.steps)
        let sizes = isGeneric(picture) ? genericSizes : builtInSizes
        let line = pictureLine(picture, question: variant.question)
        var out: [LeakLint.Leak] = []
        var drawn: (reads: PictureReads, scanned: ScannedText)?
        for open in 0...variant.steps.count {
            if open > 0 {
                practice.records[open - 1].status = .correct
                practice.stepIndex = open - 1 // still on the step just answered: what it marks shows
            }
            let current = variant.steps[practice.stepIndex].id
            let scanned: ScannedText
            if let drawn, open > 0, !drawn.reads.changes(answering: variant.steps[open - 1].id, current: current) {
                scanned = drawn.scanned
            } else {
                let reads = PictureReads()
                let text = draw(practice, sizes: sizes, reads: reads)
                // A drawing made again that came out the same is read once.
                scanned = drawn.flatMap { $0.scanned.text == text ? $0.scanned : nil } ?? ScannedText(text)
                drawn = (reads, scanned)
            }
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
    private static func draw(_ practice: PracticeState, sizes: [(Int, Int, Bool)], reads: PictureReads) -> String {
        var text = ""
        for (w, h, large) in sizes {
            var buffer = Buffer(width: w, height: h)
            Picture(practice: practice, glyphs: .unicode, large: large, reads: reads).draw(
                in: &buffer, rect: Rect(x: 0, y: 0, width: w, height: h))
            text += buffer.lines().joined(separator: "\n") + "\n"
        }
        return text
    }

    private static func isGeneric(_ picture: QuestionPicture) -> Bool {
        if case .generic = picture { return true }
        return false
    }

    /// Where a leak is reported: a generic picture's own line, else the question's.
    private static func pictureLine(_ picture: QuestionPicture, question: Question) -> Int {
        if case .generic(let spec) = picture { return spec.fields.line }
        return question.line
    }
}
