import TerminalUI
import Testing

@Suite struct CanvasPlotTests {
    @Test func brailleDotsMapToBits() {
        var c = BrailleCanvas(columns: 2, rows: 1)
        c.set(x: 0, y: 0) // dot 1
        c.set(x: 1, y: 3) // dot 8
        #expect(c.lines(unicode: true) == ["\u{2881}"])
        #expect(c.isSet(x: 1, y: 3) && !c.isSet(x: 2, y: 0))
        c.set(x: 2, y: 0)
        c.set(x: 3, y: 1)
        c.set(x: 99, y: 99)
        #expect(c.lines(unicode: true) == ["\u{2881}\u{2811}"])
        #expect(c.lines(unicode: false) == ["**"])
    }

    @Test func lineAndAsciiFallback() {
        var c = BrailleCanvas(columns: 4, rows: 2)
        c.line(from: (0, 7), to: (7, 0))
        #expect(c.lines(unicode: true) == ["  ⡠⠊", "⡠⠊"])
        #expect(c.lines(unicode: false) == ["  **", "**"])
        var d = BrailleCanvas(columns: 3, rows: 1)
        d.set(x: 0, y: 0)
        d.set(x: 2, y: 0)
        d.set(x: 2, y: 1)
        #expect(d.lines(unicode: false) == [".*"])
    }

    @Test func plotSnapshotUnicode() {
        let plot = Plot(
            series: [.function("x", -1...1, samples: 30) { $0 }],
            marks: [.init(x: 0, y: 0)], glyphs: .unicode)
        var b = Buffer(width: 16, height: 6)
        plot.draw(in: &b, rect: b.bounds)
        #expect(
            b.lines() == [
                "─ x",
                " 1│        ⢀⣀⠤⠖⠉",
                "  │    ⢀⠤●⠒⠁",
                "-1│⣀⠴⠒⠉⠁",
                "  └─────────────",
                "   -1          1"
            ])
    }

    @Test func plotSnapshotAsciiTwoSeries() {
        let plot = Plot(
            series: [
                .init(points: [(0, 0), (4, 4)], style: Style(.correct)),
                .init(points: [(0, 4), (4, 0)], style: Style(.wrong))
            ], glyphs: .ascii)
        var b = Buffer(width: 12, height: 5)
        plot.draw(in: &b, rect: b.bounds)
        #expect(
            b.lines() == [
                "4|***.  .***",
                " |   ****",
                "0|***.  .***",
                " +----------",
                "  0        4"
            ])
        #expect(b[2, 0].style.role == .wrong || b[2, 0].style.role == .correct)
    }

    @Test(arguments: [
        (1.0, "1"), (-2.0, "-2"), (0.25, "0.25"), (1.0 / 3, "0.333"), (12.345, "12.3"), (2_000_000, "2e+06"), (0.0001, "1e-04")
    ])
    func axisNumberFormat(value: Double, text: String) {
        #expect(Plot.format(value) == text)
    }
}

@Suite @MainActor struct TestTerminalTests {
    @Test func scriptedEventsAndFrames() {
        let t = TestTerminal(
            size: Size(width: 20, height: 5),
            events: TestTerminal.keys("ab") + [.resize(Size(width: 30, height: 6)), .key(.enter)])
        var seen: [Event] = []
        while let e = t.nextEvent(timeout: .milliseconds(100)) {
            seen.append(e)
            var b = Buffer(size: t.size)
            b.put("size \(t.size)", at: .zero)
            t.draw(b, cursor: Point(x: 1, y: 1))
        }
        #expect(seen == [.key(.char("a")), .key(.char("b")), .resize(Size(width: 30, height: 6)), .key(.enter)])
        #expect(t.frames.count == 4 && t.screenLines.first == "size 30x6" && t.lastCursor == Point(x: 1, y: 1))
        #expect(t.timeouts.count == 5)
        t.whenExhausted = .tick
        #expect(t.nextEvent(timeout: nil) == .tick)
        t.close()
        #expect(t.nextEvent(timeout: nil) == nil && t.isClosed)
    }

    @Test func keyDecodingFromScalars() {
        #expect(Key.fromScalar("\u{7F}") == .backspace && Key.fromScalar("\u{08}") == .backspace)
        #expect(Key.fromScalar("\n") == .enter && Key.fromScalar("\r") == .enter)
        #expect(Key.fromScalar("\u{15}") == .ctrl("u") && Key.fromScalar("\u{1B}") == .escape)
        #expect(Key.fromScalar("σ") == .char("σ"))
        #expect(Key.ctrl("u").description == "Ctrl-U" && Key.function(2).description == "F2")
    }
}
