/// The text being typed into a field, with its cursor, as pure data.
///
/// The session owns drafts (not the terminal layer) because every keystroke's live check is part
/// of the session's state, and tests drive typing through messages.
public struct Draft: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int = 0
    /// Longest text a field accepts; the engine refuses longer input with a message anyway.
    public static let maxLength = 500

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ c: Character) {
        guard characters.count < Draft.maxLength else { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }
    public mutating func clear() { self = Draft() }
}
