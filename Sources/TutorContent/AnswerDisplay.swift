import MathEngine

/// The key's answer as a student is shown it: at the precision the step asks for.
///
/// A 2-decimal step shows `[-1.00, 0.76, 1.00, -0.76]`, not the engine's default of up to four
/// decimals (`[-1, 0.7616, 1, -0.7616]`), which mixed precisions on one line.
extension VariantStep {
    /// Decimal places the step asks for: those its prompt names ("to 2 decimal places", "4
    /// decimal places"), else those its check implies (`dp 2`, `abs 0.005`); nil for neither.
    public var askedDecimals: Int? {
        if let n = Self.decimalsNamed(in: prompt) { return n }
        return tolerance.impliedDecimals
    }

    /// The expected value as text: a choice or text answer as it stands, numbers at
    /// `askedDecimals` when the step asks for a precision.
    public var answerDisplay: String {
        if case .text(let t) = expected { return t }
        guard let n = askedDecimals else { return expected.display }
        switch expected {
        case .number, .vector, .matrix: return expected.display(decimals: n)
        default: return expected.display
        }
    }

    /// `N decimal places` (or `N decimal place`, `N dp`) in a prompt; N from 0 to 10.
    static func decimalsNamed(in prompt: String) -> Int? {
        let words = prompt.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == "." })
        for k in words.indices.dropLast() {
            guard let n = Int(words[k]), n >= 0, n <= 10 else { continue }
            let next = words[k + 1].lowercased()
            if next == "dp" || (next == "decimal" && k + 2 < words.count && words[k + 2].lowercased().hasPrefix("place")) {
                return n
            }
        }
        return nil
    }
}

extension Tolerance {
    /// The decimal places a check stands for: `dp N` is N; `abs 0.005` (half a unit of the N-th
    /// place) is N; other checks name no precision.
    public var impliedDecimals: Int? {
        switch self {
        case .decimals(let n): return n
        case .absolute(let t):
            for n in 0...10 {
                let half = 0.5 / pow10(n)
                if abs(t - half) <= half * 1e-9 { return n }
            }
            return nil
        default: return nil
        }
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { x, _ in x * 10 } }
}
