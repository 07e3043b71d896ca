import MathEngine
import TutorContent

/// Rendered texts that read as a list glued into a sentence: a stray separator (`the , 18th,
/// entry`, `a, , b`) or an ordinal suffix with no number (`the th entry`). These come from a
/// template that mixed words and numbers into a list; lint reports them over every variant.
enum SeparatorLint {
    static func problems(_ v: Variant) -> [(line: Int, message: String)] {
        var out: [(line: Int, message: String)] = []
        if let p = flaw(in: v.text) { out.append((v.question.line, "the question text has \(p)")) }
        for (spec, s) in zip(v.question.steps, v.steps) {
            for (what, text, line) in ShownTexts.of(s, spec) {
                if let p = flaw(in: text) { out.append((line, "step '\(spec.id)': a \(what) has \(p)")) }
            }
        }
        return out
    }

    /// A description of the first flaw in `text`, or nil.
    static func flaw(in text: String) -> String? {
        for line in text.split(separator: "\n") {
            let body = line.drop { $0 == " " }
            // Every stray separator has a comma: most lines are passed over without a search.
            if body.utf8.contains(UInt8(ascii: ",")) {
                for stray in [", ,", " , ", " ,"] where String(body).has(stray) {
                    return "a stray separator ('\(stray.trimmingSpaces)' in \"\(String(body.prefix(60)))\")"
                }
            }
            if hasEmptyOrdinal(body) { return "an empty ordinal (\"\(String(body.prefix(60)))\")" }
        }
        return nil
    }

    /// Whether a word of `body` (between spaces and commas) is `st`, `nd`, `rd` or `th` alone,
    /// read on the UTF-8 bytes.
    static func hasEmptyOrdinal(_ body: Substring) -> Bool {
        let space = UInt8(ascii: " "), comma = UInt8(ascii: ",")
        var length = 0
        var first: UInt8 = 0, second: UInt8 = 0
        func isOrdinal() -> Bool {
            guard length == 2 else { return false }
            switch (first, second) {
            case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                return true
            default: return false
            }
        }
        for b in body.utf8 {
            if b == space || b == comma {
                if isOrdinal() { return true }
                length = 0
                continue
            }
            if length == 0 { first = b } else if length == 1 { second = b }
            length += 1
        }
        return isOrdinal()
    }
}

/// Every text of a step a student can read, with what it is and its file line.
enum ShownTexts {
    static func of(_ s: VariantStep, _ spec: Step) -> [(what: String, text: String, line: Int)] {
        var out: [(what: String, text: String, line: Int)] = [
            ("prompt", s.prompt, spec.line), ("solution", s.solution, spec.line)
        ]
        out += s.options.map { ("option", $0, spec.line) } + s.hints.map { ("hint", $0, spec.line) }
        for m in s.mistakes {
            let n = m.fileNumber
            let line = spec.mistakes.indices.contains(n - 1) ? spec.mistakes[n - 1].value.line : spec.line
            out.append(("mistake explanation", m.explanation, line))
        }
        out += s.alternatives.map { ("accepted-form note", $0.note, spec.line) }
        if let m = s.model { out.append(("model answer", m, spec.line)) }
        return out
    }
}

/// A named mistake's explanation that states the step's own answer: the feedback to a wrong try
/// must not hand over the answer, even as a number the question prints (`the 10 classes are
/// numbered from 1` when the answer is 10). Read strictly: every number counts, except the
/// indices of names (`z^[2]`, `w_{{1,8}}`, `x⁽⁴⁾`), which name a quantity, not a value.
enum ExplanationLint {
    static func problems(_ v: Variant) -> [(line: Int, message: String)] {
        var out: [(line: Int, message: String)] = []
        let reader = AnswerLeak()
        for (spec, s) in zip(v.question.steps, v.steps) where s.kind != .text && s.kind != .choice {
            for m in s.mistakes where reader.states(s, in: withoutIndices(m.explanation), own: [m.value]) {
                let n = m.fileNumber
                let line = spec.mistakes.indices.contains(n - 1) ? spec.mistakes[n - 1].value.line : spec.line
                out.append((line, "step '\(spec.id)': the explanation of mistake \(n) states the step's answer"))
            }
        }
        return out
    }
}

extension ExplanationLint {
    /// The text without layer and entry indices: `^[…]`, `^{…}`, `_{…}`, and superscripts.
    /// Read scalar by scalar: comparing each character with the superscripts as a string was a
    /// sixth of lint's time.
    static func withoutIndices(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var skipUntil: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        for c in text.unicodeScalars {
            if let close = skipUntil {
                if c == close { skipUntil = nil }
                continue
            }
            if previous == "^" || previous == "_", c == "[" || c == "{" {
                out.removeLast()
                skipUntil = c == "[" ? "]" : "}"
            } else if isSuperscript(c) {
                continue
            } else {
                out.append(c)
            }
            previous = c
        }
        return String(out)
    }

    /// `⁽ ⁾ ⁰ ¹ ² ³ ⁴ … ⁹`.
    @inline(__always) static func isSuperscript(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079, 0x207D, 0x207E: true
        default: false
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
