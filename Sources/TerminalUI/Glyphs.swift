/// Every non-ASCII symbol the interface draws, with an ASCII stand-in.
///
/// Chosen once from `TerminalCapabilities.unicode`: a C-locale terminal would otherwise show
/// mojibake. Widgets take a `Glyphs` value instead of hard-coding characters, and `text(_:)`
/// transliterates lesson text (σ(ŷ) × ∇W⁽¹⁾ → s(y^) x gradW(1)).
public struct Glyphs: Hashable, Sendable {
    public var isUnicode: Bool
    public var check, cross, warning, bullet, ellipsis, arrowRight, arrowLeft, cursorMarker: String
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public var teeRight, teeLeft, axisCorner: String
    public var gaugeFull, gaugeHalf, gaugeEmpty: String
    public var plotMark: String

    public static let unicode = Glyphs(
        isUnicode: true, check: "✓", cross: "✗", warning: "!", bullet: "•", ellipsis: "…",
        arrowRight: "→", arrowLeft: "←", cursorMarker: "▸",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", axisCorner: "└",
        gaugeFull: "█", gaugeHalf: "▌", gaugeEmpty: "░", plotMark: "●")

    public static let ascii = Glyphs(
        isUnicode: false, check: "[ok]", cross: "[x]", warning: "!", bullet: "*", ellipsis: "...",
        arrowRight: "->", arrowLeft: "<-", cursorMarker: ">",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", axisCorner: "+",
        gaugeFull: "#", gaugeHalf: "#", gaugeEmpty: ".", plotMark: "o")

    public static func choose(unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }

    /// Lesson text in the glyph set: unchanged for Unicode, transliterated for ASCII.
    public func text(_ s: String) -> String { isUnicode ? s : Glyphs.asciiTransliteration(s) }

    // MARK: ASCII transliteration

    static let asciiMap: [Unicode.Scalar: String] = [
        "σ": "s", "Σ": "Sum", "∑": "sum", "∇": "grad", "×": "x", "·": "*", "⋅": "*", "÷": "/", "−": "-",
        "–": "-", "—": "--", "≤": "<=", "≥": ">=", "≠": "!=", "≈": "~=", "∈": " in ", "∉": " not in ",
        "→": "->", "←": "<-", "⇒": "=>", "↦": "|->", "…": "...", "•": "*", "√": "sqrt", "∞": "inf",
        "∂": "d", "π": "pi", "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "Delta",
        "ε": "eps", "η": "eta", "θ": "theta", "λ": "lambda", "μ": "mu", "ρ": "rho", "τ": "tau",
        "φ": "phi", "ω": "omega", "ℝ": "R", "ŷ": "y^", "ŝ": "s^", "ā": "a-", "ȳ": "y-",
        "✓": "[ok]", "✗": "[x]", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "█": "#", "▌": "#", "░": ".", "●": "o",
        "▸": ">", "‘": "'", "’": "'", "“": "\"", "”": "\"", "°": "deg", "±": "+-", "⊙": "(.)", "⊗": "(x)",
        "ᵀ": "^T"
    ]
    static let superscripts: [Unicode.Scalar: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁺": "+", "⁻": "-", "⁽": "(", "⁾": ")", "ⁿ": "n", "ⁱ": "i"
    ]
    static let subscripts: [Unicode.Scalar: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₊": "+", "₋": "-", "₍": "(", "₎": ")", "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₙ": "n"
    ]

    /// ASCII for lesson text: `W⁽¹⁾` → `W(1)` (a parenthesised superscript is a layer index),
    /// `x²` → `x^2`, `x₁` → `x_1`, `y` + combining circumflex → `y^`, Greek and operators spelled
    /// out, anything else non-ASCII → `?`.
    public static func asciiTransliteration(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u.isASCII {
                out.unicodeScalars.append(u)
                i += 1
                continue
            }
            if let mapped = asciiMap[u] {
                out += mapped
                i += 1
                continue
            }
            if superscripts[u] != nil {
                var run = ""
                while i < scalars.count, let c = superscripts[scalars[i]] {
                    run.append(c)
                    i += 1
                }
                out += run.hasPrefix("(") ? run : "^" + run
                continue
            }
            if subscripts[u] != nil {
                var run = ""
                while i < scalars.count, let c = subscripts[scalars[i]] {
                    run.append(c)
                    i += 1
                }
                out += "_" + run
                continue
            }
            switch u.value {
            case 0x302: out += "^" // combining circumflex: y + ^ = ŷ
            case 0x304, 0x305: out += "-" // combining macron / overline: x̄
            case 0x300...0x36F: break // other combining marks: drop
            case 0xA0, 0x2000...0x200A, 0x202F: out += " "
            case 0x200B...0x200D, 0xFE0F: break // zero-width joiners, variation selector
            default: out += "?"
            }
            i += 1
        }
        return out
    }
}
