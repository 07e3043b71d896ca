/// One terminal cell.
///
/// A wide character (width 2) is stored in its left cell with `width == 2`; the cell to its right
/// is a *continuation* (`width == 0`, empty text) that renderers skip. Combining marks are kept
/// inside the character's grapheme cluster, so a cell's `text` may hold several scalars.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// 1 for a normal cell, 2 for the lead cell of a wide character, 0 for a continuation.
    public var width: UInt8

    public init(_ text: String = " ", style: Style = .normal, width: UInt8 = 1) {
        self.text = text
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell("", style: style, width: 0) }

    public var isContinuation: Bool { width == 0 }
}
