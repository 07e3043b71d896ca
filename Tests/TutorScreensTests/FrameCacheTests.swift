import TerminalUI
import Testing
import TutorContent
import TutorSession

@testable import TutorScreens

/// `FrameCache` lets a frame reuse the question screen drawn around the entry fields. It must be
/// invisible: every frame rendered with the cache (kept from frame to frame, as the app keeps it)
/// equals the frame rendered from scratch, whatever happened in between.
@Suite("Screens: frame cache")
struct FrameCacheTests: ScreenTestHelpers {
    static let exam = ScreenSnapshotTests.exam

    @Test func typingReusesTheLayerAndChangesOnlyTheField() throws {
        var s = Session(exam: Self.exam)
        _ = s.handle(.openQuestion(2))
        let cache = FrameCache()
        let size = Size(width: 80, height: 24), caps = ScreenSnapshotTests.unicode
        var previous = Screens.render(s, size: size, capabilities: caps, cache: cache)
        #expect(cache.hits == 0)
        for (i, c) in "12*(3+4)".enumerated() {
            _ = s.handle(.tick(at: Double(i)))
            _ = s.handle(.type(c))
            let frame = Screens.render(s, size: size, capabilities: caps, cache: cache)
            #expect(frame == Screens.render(s, size: size, capabilities: caps))
            let fieldRow = try #require(frame.cursor).y
            // Only the field and the live line under it differ from the previous frame.
            #expect(Set(frame.buffer.changedRows(since: previous.buffer)).isSubset(of: [fieldRow, fieldRow + 1]))
            previous = frame
        }
        #expect(cache.hits == 8)
    }

    /// Sessions in every mode driven by seeded random messages; after each one the cached and the
    /// fresh frame must agree, at several sizes and in ASCII as well as Unicode.
    @Test(arguments: ["practice", "quiz-end", "quiz-immediate", "drill", "review"])
    func everyFrameEqualsAFreshRender(mode: String) {
        var s = Self.session(mode)
        var rng = SeededWalk(seed: UInt64(mode.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        let sizes = [Size(width: 80, height: 24), Size(width: 132, height: 40), Size(width: 70, height: 20)]
        let caps = [ScreenSnapshotTests.unicode, ScreenSnapshotTests.ascii]
        var size = sizes[0], cap = caps[0]
        let cache = FrameCache()
        var now = 1.0
        for step in 0..<400 {
            now += 0.7
            _ = s.handle(.tick(at: now))
            for message in rng.messages(in: s) { _ = s.handle(message) }
            if rng.next(25) == 0 { size = sizes[rng.next(sizes.count)] }
            if rng.next(60) == 0 { cap = caps[rng.next(caps.count)] }
            let cached = Screens.render(s, size: size, capabilities: cap, cache: cache)
            let fresh = Screens.render(s, size: size, capabilities: cap)
            #expect(cached == fresh, "\(mode), step \(step), \(size)")
            if cached != fresh { return }
        }
        #expect(cache.hits > 50, "the walk types enough for the layer to be reused")
    }

    static func session(_ mode: String) -> Session {
        var s: Session
        switch mode {
        case "quiz-end", "quiz-immediate":
            let feedback: QuizSettings.Feedback = mode == "quiz-end" ? .end : .immediate
            s = Session(
                exam: exam,
                settings: SessionSettings(
                    mode: .quiz, seed: 4,
                    quiz: QuizSettings(minutes: 30, questionIDs: ["q3", "q4"], feedback: feedback)))
            _ = s.handle(.tick(at: 0))
            _ = s.handle(.startQuiz)
            _ = s.handle(.submit)
        case "drill":
            s = Session(
                exam: exam, settings: SessionSettings(mode: .drill, drill: DrillSettings(topic: "shapes", minutes: 30, seed: 3)))
            _ = s.handle(.tick(at: 0))
            _ = s.handle(.startDrill)
        case "review":
            let items: [ReviewSettings.Item] = [
                .init(questionID: "q3", stepID: "b.n_hidden"), .init(questionID: "q3", stepID: "a.total"),
                .init(questionID: "q1", stepID: "k.mean_loss")
            ]
            s = Session(exam: exam, settings: SessionSettings(mode: .review, review: ReviewSettings(items: items, seed: 9)))
            _ = s.handle(.tick(at: 0))
            _ = s.handle(.startReview)
        default:
            s = Session(exam: exam)
            _ = s.handle(.openQuestion(2))
        }
        return s
    }
}

/// Random but repeatable messages, mostly typing (as a student does), with everything else the
/// question screen reacts to mixed in.
struct SeededWalk {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func messages(in s: Session) -> [Message] {
        if s.screen == .start { return [.openQuestion(next(s.exam.questions.count))] }
        let typing: [Character] = Array("0123456789.,x*+-()[] abe") + ["σ", "×"]
        switch next(40) {
        case 0..<18: return [.type(typing[next(typing.count)])]
        case 18..<21: return [.deleteBackward]
        case 21: return [.cursorLeft, .type("7")]
        case 22: return [.cursorHome, .type("(")]
        case 23: return [.submit]
        case 24: return [.hint]
        case 25: return [.reveal]
        case 26: return [.nextStep]
        case 27: return [.previousStep]
        case 28: return [.goToStep(next(6))]
        case 29: return [.toggleCalculator]
        case 30: return [.togglePanel]
        case 31: return [.scrollText(next(2) == 0 ? 5 : -5)]
        case 32: return [.newVariant(seed: UInt64(next(50) + 1))]
        case 33: return [.historyPrevious]
        case 34: return [.clearField]
        case 35: return [.insertResult]
        case 36: return [.flagStep]
        case 37: return [.selfAssess(next(2) == 0)]
        case 38: return [.toggleHelp, .toggleHelp]
        default: return [.nextUnfinished]
        }
    }
}
