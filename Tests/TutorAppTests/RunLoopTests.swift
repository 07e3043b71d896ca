import ContentLoading
import TerminalUI
import TestFixtures
import Testing
import TutorContent
import TutorSession

@testable import TutorApp

/// The real run loop driven by a TestTerminal: keys in, frames and effects out.
@MainActor
@Suite("Run loop")
struct RunLoopTests {
    static let exam = ExamLoader.load(directory: ExamFolder.sessional1).exam

    final class Log { var records: [CheckedAnswer] = [] }

    func app(_ terminal: TestTerminal, log: Log, time: Double = 0) -> TutorApp {
        TutorApp(
            session: Session(exam: Self.exam), terminal: terminal, clock: { time }, nextSeed: { 99 },
            perform: {
                if case .record(let r) = $0 { log.records.append(r) }
                return []
            })
    }

    @Test func openQ3TypeAMistakeThenTheAnswer() {
        let t = TestTerminal()
        t.type("3") // open Q3 from the start screen
        t.send(.key(.tab), .key(.tab), .key(.tab)) // to a.total
        t.type("691")
        t.send(.key(.enter))
        t.send(.key(.ctrl("u")))
        t.type("619")
        t.send(.key(.enter))
        let log = Log()
        let status = app(t, log: log).run()
        #expect(status == 0, "input ended")
        #expect(t.isClosed)
        #expect(log.records.map(\.input) == ["691", "619"])
        #expect(log.records.map(\.correct) == [false, true])
        #expect(t.screenLines.contains { $0.contains("✓ Correct.") })
    }

    @Test func resizeReflowsTheScreen() {
        let t = TestTerminal()
        t.type("3")
        t.send(.resize(Size(width: 100, height: 30)))
        _ = app(t, log: Log()).run()
        #expect(t.lastFrame?.size == Size(width: 100, height: 30))
        #expect(t.screenLines.count == 30)
    }

    @Test func signalClosesTheTerminalWithStatus128PlusSignal() {
        let t = TestTerminal()
        t.type("3")
        t.send(.signal(15))
        #expect(app(t, log: Log()).run() == 143)
        #expect(t.isClosed)
    }

    @Test func quitFromTheStartScreen() {
        let t = TestTerminal()
        t.type("q")
        t.send(.key(.char("x"))) // never reached
        #expect(app(t, log: Log()).run() == 0)
        #expect(t.pendingEvents.count == 1)
    }

    @Test func anotherLikeThisUsesTheSeedFromTheRunLoop() {
        let t = TestTerminal()
        t.type("3")
        t.send(.key(.function(5)))
        let a = app(t, log: Log())
        _ = a.run()
        #expect(a.session.practice?.variant.seed == 99)
        #expect(t.screenLines[0].contains("seed 99"))
    }
}
