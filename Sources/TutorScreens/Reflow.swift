/// Joins the hard-wrapped lines of content text into paragraphs so the screen can wrap them to
/// its own width. Blank lines, indented lines (tables, hanging indents), lines that start a part
/// like "(a)" and lines after a colon keep their breaks.
enum Reflow {
    static func paragraphs(_ text: String) -> String {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if let last = out.last, joins(last, line) {
                out[out.count - 1] = last + " " + line.drop { $0.isWhitespace }
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    private static func joins(_ previous: String, _ line: String) -> Bool {
        guard let first = line.first, !previous.isEmpty else { return false }
        // A hanging indent under "(a) ..." continues that part.
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
