import Foundation
import MathEngine
import TerminalUI
import TutorSession

/// The picture beside a question, drawn from the variant's own values. Pictures show only what
/// the student has already worked out (or had revealed): a blank stays `?` until its step is done,
/// so the picture teaches without giving answers away.
package struct Picture {
    let practice: PracticeState
    let glyphs: Glyphs
    /// A projector-sized terminal: plots may use the width they are given instead of the
    /// compact caps that keep them beside the text on a laptop.
    var large = false
    /// Where the drawing notes what it read of the practice state (lint's memo of drawings).
    let reads: PictureReads?

    package init(practice: PracticeState, glyphs: Glyphs, large: Bool = false, reads: PictureReads? = nil) {
        self.practice = practice
        self.glyphs = glyphs
        self.large = large
        self.reads = reads
    }

    var exists: Bool { practice.variant.question.picture != nil }

    package func draw(in buffer: inout Buffer, rect: Rect) {
        guard rect.width >= 20, rect.height >= 3 else { return }
        switch practice.variant.question.picture {
        case .builtIn(let name)?: drawBuiltIn(name, &buffer, rect)
        case .generic(let spec)?: drawGeneric(spec, &buffer, rect)
        case nil: break
        }
    }

    private func drawBuiltIn(_ name: String, _ buffer: inout Buffer, _ rect: Rect) {
        switch name {
        case "loss_accuracy": drawLossAccuracy(&buffer, rect)
        case "layers": drawLayers(&buffer, rect)
        case "forward_chain": drawForwardChain(&buffer, rect)
        case "tanh_points": drawTanh(&buffer, rect)
        case "w_grid": drawWeightGrid(&buffer, rect)
        default: break
        }
    }

    // MARK: Helpers

    func value(_ name: String) -> Value? { practice.variant.values[name] }
    func number(_ name: String) -> Double? { value(name)?.number }
    func vector(_ name: String) -> [Double] {
        if case .vector(let v)? = value(name) { return v }
        return []
    }

    /// Whether the key's value of step `id` is the student's to see: answered right, or revealed.
    /// A quiz answer submitted without a verdict, or one carried forward from the student's own
    /// earlier slip, does not unlock the key's numbers.
    func known(_ id: String) -> Bool {
        reads?.read(step: id)
        guard let i = practice.variant.steps.firstIndex(where: { $0.id == id }) else { return false }
        let r = practice.records[i]
        return r.status == .correct || r.status == .revealed || r.revealed
    }

    /// The step's answer once known; the student's own submitted value where it was submitted but
    /// not (or not yet) confirmed; `?` before.
    func blank(_ id: String) -> String {
        reads?.read(step: id)
        guard let i = practice.variant.steps.firstIndex(where: { $0.id == id }) else { return "?" }
        if known(id) { return glyphs.text(practice.variant.steps[i].expected.display) }
        let r = practice.records[i]
        if r.status == .answered || r.status == .carriedForward, let v = r.latestValue { return glyphs.text(v.display) }
        return "?"
    }

    /// The id of the step the student is on (a grid lights what it asks about).
    var currentStepID: String {
        let id = practice.variant.steps[practice.stepIndex].id
        reads?.readCurrent(among: [id], answer: true)
        return id
    }

    /// Whether the step the student is on is one of `ids`.
    func isCurrent(among ids: [String]) -> Bool {
        let answer = ids.contains(practice.variant.steps[practice.stepIndex].id)
        reads?.readCurrent(among: Set(ids), answer: answer)
        return answer
    }

    func put(_ buffer: inout Buffer, _ text: String, _ x: Int, _ y: Int, _ rect: Rect, _ style: Style = .normal) {
        guard y < rect.maxY else { return }
        buffer.put(DisplayWidth.truncate(glyphs.text(text), to: rect.maxX - x), at: Point(x: x, y: y), style: style, clip: rect)
    }

    // MARK: Q1: loss and accuracy across two epochs

    private func drawLossAccuracy(_ buffer: inout Buffer, _ rect: Rect) {
        let lossKnown = [known("k.mean_loss"), known("k1.mean_loss")]
        let accKnown = [known("k.accuracy"), known("k1.accuracy")]
        let loss = [number("L_k") ?? 0, number("L_k1") ?? 0]
        let acc = [number("acc_k") ?? 0, number("acc_k1") ?? 0]
        put(&buffer, "Training loss (L) and accuracy (A), epoch k → k+1", rect.x, rect.y, rect, .role(.title))
        func series(_ ys: [Double], _ on: [Bool]) -> [(x: Double, y: Double)] {
            (0..<2).filter { on[$0] }.map { (x: Double($0), y: $0 == 0 ? ys[0] : ys[1]) }
        }
        let top = max(1, (loss + acc).max() ?? 1)
        let marks = (0..<2).flatMap { i -> [Plot.Mark] in
            (lossKnown[i] ? [Plot.Mark(x: Double(i), y: loss[i], glyph: "L", style: .role(.wrong).bold())] : [])
                + (accKnown[i] ? [Plot.Mark(x: Double(i), y: acc[i], glyph: "A", style: .role(.correct).bold())] : [])
        }
        let plotRows = max(3, rect.height - 4)
        let plot = Plot(
            series: [
                Plot.Series("loss", points: series(loss, lossKnown), style: .role(.wrong)),
                Plot.Series("accuracy", points: series(acc, accKnown), style: .role(.correct))
            ],
            marks: marks, xRange: -0.15...1.15, yRange: 0...top, glyphs: glyphs, showLegend: false)
        let width = min(rect.width, large ? 80 : 40)
        plot.draw(in: &buffer, rect: Rect(x: rect.x, y: rect.y + 1, width: width, height: plotRows))
        // Name the two epochs under their points instead of the numeric x range.
        let labelRow = rect.y + plotRows
        let canvasX = rect.x + 2, canvasWidth = width - 2
        buffer.fill(Rect(x: canvasX, y: labelRow, width: canvasWidth, height: 1))
        buffer.put("k", at: Point(x: canvasX + Int(Double(canvasWidth) * 0.15 / 1.3), y: labelRow), style: .role(.dim))
        buffer.put("k+1", at: Point(x: canvasX + Int(Double(canvasWidth) * 1.15 / 1.3) - 1, y: labelRow), style: .role(.dim))
        var y = rect.y + 1 + plotRows
        put(&buffer, "epoch k:   L = \(blank("k.mean_loss"))   A = \(blank("k.accuracy"))", rect.x, y, rect)
        y += 1
        put(&buffer, "epoch k+1: L = \(blank("k1.mean_loss"))   A = \(blank("k1.accuracy"))", rect.x, y, rect)
        if lossKnown.allSatisfy({ $0 }) && accKnown.allSatisfy({ $0 }) {
            let l = loss[1] > loss[0] ? "rose" : "fell", a = acc[1] > acc[0] ? "rose" : "fell"
            put(&buffer, "Loss \(l) while accuracy \(a).", rect.x, y + 1, rect, .role(.accent))
        }
    }

    // MARK: Q3: deep and shallow networks

    private func drawLayers(_ buffer: inout Buffer, _ rect: Rect) {
        guard let nIn = number("n_in"), let h = number("h"), let c = number("C"), let l = number("L") else { return }
        let (ni, hi, ci, li) = (Int(nIn), Int(h), Int(c), Int(l))
        // Each label appears once its step is known: the hidden-layer count, the weight shapes,
        // the shallow network's formula and width are all answers of Q3's own steps. Each product
        // gets its value once the total and the shallow width are known: adding them up is the
        // total's own work, and a product can equal the width by chance (4×10 = 40 = n, seed 14).
        let hidden = known("a.hidden_layers")
        let shapes = known("a.shapes")
        let formula = known("b.expression")
        let total = known("a.total") && known("b.n_hidden")
        func params(_ rows: Int, _ cols: Int) -> String {
            guard shapes else { return "W ?" }
            return total ? "W \(rows)×\(cols) = \(rows * cols)" : "W \(rows)×\(cols)"
        }
        let middle = total && hidden ? ["×\(li - 2) = \((li - 2) * hi * (hi + 1))"] : []
        let deep = LayerDiagram(
            layers: [
                .init("input", details: ["\(ni)"]),
                .init("hidden 1", details: ["\(hi) nodes", params(hi, ni + 1)]),
                .init(
                    hidden ? "hidden 2–\(li - 1)" : "hidden 2–?",
                    details: [
                        hidden ? "\(hi) each, ×\(li - 2)" : "\(hi) each",
                        params(hi, hi + 1) + (shapes ? " each" : "")
                    ] + middle),
                .init("output", details: ["\(ci)", params(ci, hi + 1)])
            ], glyphs: glyphs)
        let count = hidden ? " (\(li - 1) hidden + output)" : ""
        put(&buffer, "Deep: \(li) layers\(count), total \(blank("a.total"))", rect.x, rect.y, rect, .role(.title))
        let used = deep.draw(
            in: &buffer, rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(1, rect.height / 2)))
        let y = rect.y + 1 + used + (rect.height > 12 ? 1 : 0)
        guard y < rect.maxY else { return }
        let n = known("b.n_hidden") ? Int(practice.variant.step("b.n_hidden")?.expected.number ?? 0) : nil
        let shallow = LayerDiagram(
            layers: [
                .init("input", details: ["\(ni)"]),
                .init(
                    "hidden",
                    details: [
                        n.map { "\($0) nodes" } ?? "n = ?",
                        n.map { "\(ni + 1)·\($0) = \($0 * (ni + 1))" } ?? (formula ? "\(ni + 1)·n" : "W ?")
                    ]),
                .init(
                    "output",
                    details: ["\(ci)", n.map { "\(ci)·(\($0)+1) = \(ci * ($0 + 1))" } ?? (formula ? "\(ci)(n+1)" : "W ?")])
            ], glyphs: glyphs)
        let shallowTotal = n.map { " = \($0 * (ni + 1) + ci * ($0 + 1))" } ?? ""
        let count2 = formula ? "\(ni + 1)n + \(ci)(n+1)" : "P(n)"
        put(&buffer, "Shallow: 2 layers, \(count2) ≤ \(blank("a.total"))\(shallowTotal)", rect.x, y, rect, .role(.title))
        shallow.draw(in: &buffer, rect: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1))
    }

    // MARK: Q4: forward pass with blanks

    private func drawForwardChain(_ buffer: inout Buffer, _ rect: Rect) {
        guard let s = number("s"), let c = number("c") else { return }
        let image = "\(Int(s))×\(Int(s)) \(c == 1 ? "grayscale" : "RGB") image"
        let rows: [(String, String)] = [
            ("x_B = [x; 1]", "x_B: \(blank("xB"))"),
            ("z⁽¹⁾ = W⁽¹⁾ x_B", "W⁽¹⁾: \(blank("W1"))   z⁽¹⁾: \(blank("z1"))"),
            ("a⁽¹⁾ = ReLU(z⁽¹⁾)", "a⁽¹⁾: \(blank("a1"))"),
            ("a⁽¹⁾_B = [a⁽¹⁾; 1]", "a⁽¹⁾_B: \(blank("a1B"))"),
            ("z⁽²⁾ = W⁽²⁾ a⁽¹⁾_B", "W⁽²⁾: \(blank("W2"))   z⁽²⁾: \(blank("z2"))"),
            ("ŷ = softmax(z⁽²⁾)", "ŷ: \(blank("a2"))"),
            ("L = −Σ_k y_k log ŷ_k", "k up to \(blank("sum_limit"))   L: \(blank("loss"))")
        ]
        put(&buffer, "Forward pass of one \(image)", rect.x, rect.y, rect, .role(.title))
        let labelWidth = 22
        var y = rect.y + 1
        let spaced = rect.height >= rows.count * 2 + 1
        for (i, row) in rows.enumerated() {
            guard y < rect.maxY else { break }
            put(&buffer, DisplayWidth.pad(glyphs.text(row.0), to: labelWidth), rect.x, y, rect)
            put(&buffer, row.1, rect.x + labelWidth, y, rect, row.1.contains("?") ? .role(.warning) : .role(.correct))
            y += 1
            if spaced, i < rows.count - 1 {
                put(&buffer, glyphs.isUnicode ? "   ↓" : "   |", rect.x, y, rect, .role(.dim))
                y += 1
            }
        }
    }

    // MARK: Q5: tanh with the layer's z values

    private func drawTanh(_ buffer: inout Buffer, _ rect: Rect) {
        let z = vector("z")
        guard !z.isEmpty else { return }
        // The x range follows the z values (a quarter beyond the largest), so small z values are
        // not squeezed into the middle of a fixed ±3 and large ones are not cut off.
        let span = max(1, (z.map(abs).max() ?? 1) * 1.25)
        // The slopes show which nodes saturate, which is b.nodes' answer: they wait for it too.
        let slopes = (known("a.diag") || known("a.jacobian")) && known("b.nodes")
        var series = [Plot.Series.function("tanh", -span...span, samples: 120, style: .role(.accent)) { tanh($0) }]
        if slopes {
            let dz = span / 6
            for zi in z {
                let a = tanh(zi), g = 1 - a * a
                series.append(Plot.Series("", points: [(zi - dz, a - g * dz), (zi + dz, a + g * dz)], style: .role(.warning)))
            }
        }
        let marks = z.enumerated().map { i, zi in
            Plot.Mark(x: zi, y: tanh(zi), glyph: String(i + 1), style: .role(.wrong).bold())
        }
        put(
            &buffer, "tanh(z) with the nodes' z values" + (slopes ? " and slopes tanh′(z)" : ""), rect.x, rect.y, rect,
            .role(.title))
        let plot = Plot(series: series, marks: marks, xRange: -span...span, yRange: -1.2...1.2, glyphs: glyphs, showLegend: false)
        let legendRows = rect.height >= 10 ? 1 : 0
        plot.draw(
            in: &buffer,
            rect: Rect(x: rect.x, y: rect.y + 1, width: min(rect.width, large ? 120 : 60), height: rect.height - 1 - legendRows))
        if legendRows == 1 {
            let items = z.enumerated().map {
                "\($0 + 1): z=\(Plot.format($1))" + (slopes ? " slope \(Formatting.fixed(1 - tanh($1) * tanh($1), 2))" : "")
            }
            put(&buffer, items.joined(separator: "  "), rect.x, rect.maxY - 1, rect, .role(.dim))
        }
    }
}
