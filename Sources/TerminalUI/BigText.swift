/// Large type for a projector: digits and the signs of an answer (shape ×, vector brackets,
/// minus, point, comma) three rows tall, so the back of a lecture hall can read them. Letters
/// have no large form; they stay one cell on the middle row, so a word still reads.
public enum BigText {
    public static let rows = 3

    /// Three rows of text; every row has the same display width.
    public static func render(_ text: String, glyphs: Glyphs) -> [String] {
        var out = Array(repeating: "", count: rows)
        for (i, ch) in text.enumerated() {
            let shape = font[ch] ?? [" ", String(ch), " "].map { $0.count == 1 ? $0 : " " }
            let cells = glyphs.isUnicode ? shape : shape.map(ascii)
            let width = cells.map(DisplayWidth.of).max() ?? 1
            for r in 0..<rows {
                if i > 0 { out[r] += " " }
                out[r] += DisplayWidth.pad(cells[r], to: width)
            }
        }
        return out
    }

    /// Display width of `text` in large type.
    public static func width(_ text: String, glyphs: Glyphs) -> Int {
        render(text, glyphs: glyphs).first.map(DisplayWidth.of) ?? 0
    }

    private static func ascii(_ row: String) -> String {
        String(
            row.map { ch -> Character in
                "█▀▄".contains(ch) ? "#" : ch
            })
    }

    private static let font: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"],
        "1": ["▀█ ", " █ ", "▀▀▀"],
        "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"],
        "4": ["█ █", "▀▀█", "  ▀"],
        "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"],
        "7": ["▀▀█", "  █", "  ▀"],
        "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"],
        "-": ["   ", "▀▀▀", "   "],
        "−": ["   ", "▀▀▀", "   "],
        "+": [" ▄ ", "▀█▀", "   "],
        ".": [" ", " ", "▀"],
        ",": [" ", " ", "█"],
        "×": ["   ", "▀▄▀", "▀ ▀"],
        "x": ["   ", "▀▄▀", "▀ ▀"],
        "[": ["█▀", "█ ", "▀▀"],
        "]": ["▀█", " █", "▀▀"],
        "(": ["▄▀", "█ ", " ▀"],
        ")": ["▀▄", " █", "▀ "],
        "=": ["   ", "▀▀▀", "▀▀▀"],
        "?": ["▀▀█", " █▀", " ▀ "],
        " ": [" ", " ", " "]
    ]
}
