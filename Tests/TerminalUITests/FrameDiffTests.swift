import Testing

@testable import TerminalUI

/// `Buffer.changedRuns(since:)`: a terminal rewrites only these cells, so they must be exactly
/// the cells that changed (widened to whole wide characters), and rewriting them over the old
/// frame must give the new frame.
@Suite struct FrameDiffTests {
    @Test func noPreviousFrameOrANewSizeRewritesEveryRowWhole() {
        let b = Buffer(width: 5, height: 2)
        let whole = [CellRun(y: 0, x: 0, count: 5), CellRun(y: 1, x: 0, count: 5)]
        #expect(b.changedRuns(since: nil) == whole)
        #expect(b.changedRuns(since: Buffer(width: 4, height: 2)) == whole)
        #expect(b.changedRuns(since: b) == [])
    }

    @Test func typingIntoAFieldRewritesOnlyTheNewCharacter() {
        var before = Buffer(width: 20, height: 3)
        before.put("Answer → 12", at: Point(x: 0, y: 1))
        var after = before
        after.put("3", at: Point(x: 11, y: 1))
        #expect(after.changedRuns(since: before) == [CellRun(y: 1, x: 11, count: 1)])
    }

    @Test func separateChangesOnARowAreSeparateRuns() {
        let before = Buffer(width: 12, height: 1)
        var after = before
        after.put("ab", at: Point(x: 1, y: 0))
        after.put("c", at: Point(x: 8, y: 0))
        #expect(after.changedRuns(since: before) == [CellRun(y: 0, x: 1, count: 2), CellRun(y: 0, x: 8, count: 1)])
    }

    @Test func aStyleChangeAloneIsAChange() {
        var before = Buffer(width: 6, height: 1)
        before.put("abc", at: .zero)
        var after = before
        after.setStyle(.role(.selection), in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(after.changedRuns(since: before) == [CellRun(y: 0, x: 1, count: 1)])
    }

    @Test func runsCoverWholeWideCharactersOfBothFrames() {
        var before = Buffer(width: 8, height: 1)
        before.put("a漢b", at: .zero) // 漢 at columns 1-2
        var after = before
        after.put("x", at: Point(x: 2, y: 0)) // lands on 漢's right half: column 1 becomes a space
        #expect(after.changedRuns(since: before) == [CellRun(y: 0, x: 1, count: 2)])
        var wide = Buffer(width: 8, height: 1)
        wide.put("ab", at: .zero)
        var later = wide
        later.put("字", at: Point(x: 1, y: 0)) // a wide character over "b" and the blank after it
        #expect(later.changedRuns(since: wide) == [CellRun(y: 0, x: 1, count: 2)])
    }

    @Test func applyingTheRunsToTheOldFrameGivesTheNewOne() {
        // Random frames from a fixed seed: text, wide characters, combining marks and styles.
        var rng = LCG(seed: 42)
        let pieces = ["a", "bc", "漢", "字x", "σ", "y\u{0302}", " ", "──", "😀", "é"]
        let styles: [Style] = [.normal, .role(.accent), .role(.wrong).bold(), .role(.field)]
        func frame(from base: Buffer?, edits: Int) -> Buffer {
            var b = base ?? Buffer(width: 17, height: 5)
            for _ in 0..<edits {
                let text = (0..<rng.next(4) + 1).map { _ in pieces[rng.next(pieces.count)] }.joined()
                b.put(text, at: Point(x: rng.next(19) - 2, y: rng.next(5)), style: styles[rng.next(styles.count)])
                if rng.next(4) == 0 {
                    b.setStyle(
                        styles[rng.next(styles.count)],
                        in: Rect(x: rng.next(17), y: rng.next(5), width: rng.next(4) + 1, height: 1))
                }
            }
            return b
        }
        for _ in 0..<300 {
            let old = frame(from: nil, edits: 12)
            let new = frame(from: rng.next(3) == 0 ? nil : old, edits: rng.next(4))
            let runs = new.changedRuns(since: old)
            #expect(new.applying(runs, from: old).cellBytes == new.cellBytes)
            for run in runs {
                // Never inside a wide character, in either frame.
                #expect(!new[run.x, run.y].isContinuation && !old[run.x, run.y].isContinuation)
                if run.end < new.width {
                    #expect(!new[run.end, run.y].isContinuation && !old[run.end, run.y].isContinuation)
                }
                // Only changed cells, and the cells needed to complete the characters they touch.
                for x in run.x..<run.end where new[x, run.y] == old[x, run.y] {
                    let partOfChangedWide =
                        (x > run.x && (new[x, run.y].isContinuation || old[x, run.y].isContinuation))
                        || (x + 1 < run.end && (new[x + 1, run.y].isContinuation || old[x + 1, run.y].isContinuation))
                    #expect(partOfChangedWide, "unchanged cell \(x),\(run.y) inside a run")
                }
            }
            // Every changed cell is in some run.
            for y in 0..<new.height {
                for x in 0..<new.width where new[x, y] != old[x, y] {
                    #expect(runs.contains { $0.y == y && $0.x <= x && x < $0.end })
                }
            }
        }
    }
}

/// A small deterministic generator for the random frames above.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
