import Foundation
import TerminalUI

/// Joins the hard-wrapped lines of content text into paragraphs so the screen can wrap them to
/// its own width. Blank lines, indented lines (tables, hanging indents), lines that start a part
/// like "(a)" and lines after a colon keep their breaks.
///
/// Preformatted lines are kept exactly, spaces and all: the lines of a fenced block (between
/// two ```` ``` ```` lines, which are not shown) and lines indented by 4 or more spaces that do not
/// continue a part's hanging indent. A layer table
///
///     conv1: 8 filters, 3 × 3
///     pool:  2 × 2
///
/// keeps its columns instead of collapsing to single spaces.
enum Reflow {
    /// One line of reflowed text: a paragraph for the screen to wrap, or a preformatted line.
    struct Line: Equatable {
        var text: String
        var preformatted: Bool
    }

    static func lines(_ text: String) -> [Line] {
        var out: [Line] = []
        var fenced = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.drop(while: { $0 == " " }).hasPrefix("```") {
                fenced.toggle()
                continue
            }
            if fenced || (isIndentedBlock(line) && !continuesPart(out.last, line)) {
                out.append(Line(text: line.replacingTabs, preformatted: true))
            } else if let last = out.last, !last.preformatted, joins(last.text, line) {
                out[out.count - 1].text = last.text + " " + line.drop { $0.isWhitespace }
            } else {
                out.append(Line(text: line, preformatted: false))
            }
        }
        return out
    }

    /// A preformatted line fitted to `width`: as it is when it fits. Too wide, a line with aligned
    /// columns (a run of spaces after its indent) is cut with an ellipsis, since wrapping would
    /// shuffle its columns; a plain indented line (a long formula) wraps at its spaces under its
    /// own indent, losing nothing.
    static func fit(_ line: String, width: Int, ellipsis: String) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let body = line.drop { $0 == " " }
        if body.contains("  ") || line.allSatisfy({ $0 == " " }) {
            return [DisplayWidth.truncate(line, to: width, ellipsis: ellipsis)]
        }
        let indent = String(line.prefix { $0 == " " })
        let inner = width - DisplayWidth.of(indent)
        guard inner >= 10 else { return TextWrap.wrap(line, width: width) }
        return TextWrap.wrap(String(body), width: inner).map { indent + $0 }
    }

    private static func isIndentedBlock(_ line: String) -> Bool {
        line.hasPrefix("    ") || line.hasPrefix("\t")
    }

    /// A hanging indent under "(a) ..." continues that part.
    private static func continuesPart(_ previous: Line?, _ line: String) -> Bool {
        guard let previous, !previous.preformatted else { return false }
        return startsPart(previous.text) && !line.allSatisfy(\.isWhitespace)
    }

    private static func joins(_ previous: String, _ line: String) -> Bool {
        guard let first = line.first, !previous.isEmpty else { return false }
        if first.isWhitespace { return startsPart(previous) && !line.allSatisfy(\.isWhitespace) }
        if previous.first?.isWhitespace == true || previous.hasSuffix(":") { return false }
        if startsPart(line) || first == "|" || first == "-" || first == "•" { return false }
        return true
    }

    /// "(a) ", "(b) " and the like.
    private static func startsPart(_ line: String) -> Bool {
        let c = Array(line.prefix(4))
        return c.count >= 3 && c[0] == "(" && c[1].isLetter && c[2] == ")"
    }
}

extension String {
    /// Tabs as 4 spaces: a terminal cell has no tab stops of its own.
    fileprivate var replacingTabs: String { replacingOccurrences(of: "\t", with: "    ") }
}
