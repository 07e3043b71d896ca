import MathEngine
import TerminalUI
import TutorSession

/// Parts of the previous frame that the next one may reuse, held by whoever renders frame after
/// frame (the app's run loop) and passed to `Screens.render`.
///
/// Why: while the student types, only the answer field and the line under it change, yet every
/// keystroke rendered the whole question screen again (title, step list, question text, prompt,
/// key bar): most of a keystroke's time on screen. The question screen now keeps its layer (all
/// but the answer field and its live line) here with the inputs it was drawn from, and redraws
/// it only when one of them differs. Debug builds check every reuse against a fresh drawing, so
/// the whole test suite proves the inputs complete. Not shared between threads: one renderer,
/// one cache.
public final class FrameCache {
    private var question: (key: QuestionLayerKey, layer: Buffer)?
    private var blank: Buffer?
    /// Frames that reused the question layer (tests check the cache is not bypassed).
    private(set) var hits = 0

    public init() {}

    /// A blank frame of `size`, shared until written to (filling a new one costs more).
    func blankFrame(_ size: Size) -> Buffer {
        if let blank, blank.size == size { return blank }
        let fresh = Buffer(size: size)
        blank = fresh
        return fresh
    }

    func questionLayer(for key: QuestionLayerKey) -> Buffer? {
        guard let question, question.key == key else { return nil }
        hits += 1
        return question.layer
    }

    func storeQuestionLayer(_ layer: Buffer, for key: QuestionLayerKey) {
        question = (key, layer)
    }
}

/// Everything the question screen's layer is drawn from (`QuestionScreen.drawLayer`): the same
/// key, the same cells. The answer's draft and live state are deliberately absent.
struct QuestionLayerKey: Equatable {
    /// Per step: what the step list and the picture show of it.
    struct Step: Equatable {
        var status: StepStatus
        var revealed: Bool
        /// The picture shows submitted values (`latestValue`); feedback shows the last input.
        var attempts: [Attempt]
        /// The quiz's ✎ mark (only when the chrome marks drafts).
        var unsubmittedDraft: Bool
    }

    var size: Size
    var glyphs: Glyphs
    // The variant: its text, title and values (pictures draw from them).
    var variantID: String
    var title: String
    var seed: UInt64?
    var text: String
    var values: [String: Value]
    var chrome: QuestionChrome
    var promptLines: [StyledLine]
    var feedback: [StyledLine]
    var calcResultRows: Int
    var stepIndex: Int
    var steps: [Step]
    var panel: PracticeState.Panel
    var textScroll: Int
    var feedbackScroll: Int
    var focus: PracticeState.Focus
    // The calculator's rows.
    var calculator: Draft
    var calculatorLive: LiveState
    var calculatorResult: Value?

    init(_ screen: QuestionScreen, _ layout: QuestionScreen.Layout, size: Size) {
        let p = screen.practice
        self.size = size
        glyphs = screen.glyphs
        variantID = p.variant.id
        title = p.variant.title
        seed = p.variant.seed
        text = p.variant.text
        values = p.variant.values
        chrome = screen.chrome
        promptLines = layout.promptLines
        feedback = layout.feedback
        calcResultRows = layout.calcResultRows
        stepIndex = p.stepIndex
        let marksDrafts = screen.chrome.marksDrafts
        steps = p.records.map {
            Step(
                status: $0.status, revealed: $0.revealed, attempts: $0.attempts,
                unsubmittedDraft: marksDrafts && $0.hasUnsubmittedDraft)
        }
        panel = p.panel
        textScroll = p.textScroll
        feedbackScroll = p.feedbackScroll
        focus = p.focus
        calculator = p.calculator
        calculatorLive = p.calculatorLive
        calculatorResult = p.calculatorResult
    }
}
