/// CSV as every writer of the tutor writes it (`export`, `class results`): cells a spreadsheet
/// will not run and a reader will not misread, lines ended by CRLF.
public enum CSV {
    /// One line of cells, each written by `cell`, without its line end.
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// One text cell: neutralised, then quoted if it holds a comma, a quote or a line break.
    public static func cell(_ raw: String) -> String {
        let s = neutralised(raw)
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (OWASP's advice
    /// against CSV injection, so `=HYPERLINK(...)` typed as an answer stays text; `-3` becomes
    /// `'-3`), and hidden controls are written as `<U+202E>`, so reordered text cannot disguise a
    /// cell. Tab, CR and LF inside a cell are kept (the cell is quoted).
    public static func neutralised(_ s: String) -> String {
        var out = visibleControls(s, keeping: { $0 == "\r" })
        if let first = out.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { out = "'" + out }
        return out
    }
}
