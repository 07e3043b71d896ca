import Synchronization
import TerminalUI

/// Question texts wrapped to a width, kept between frames: the text of an open question does not
/// change while the student types, and re-wrapping it on every keystroke was most of a frame's
/// cost (measured in `make bench`). Small and bounded; safe to share across threads.
enum WrapCache {
    private struct Key: Hashable {
        var text: String
        var width: Int
        var unicode: Bool
    }

    private static let entries = Mutex<[Key: [String]]>([:])
    private static let limit = 64
    /// The latest lookup: an open question asks for the same text on every frame, and comparing
    /// with it is instant (the same string storage) where hashing a whole question text is not.
    private static let last = Mutex<(key: Key, lines: [String])?>(nil)

    /// `text` reflowed into paragraphs, transliterated for the glyphs, wrapped to `width`;
    /// preformatted lines keep their spaces (`Reflow`).
    static func questionLines(_ text: String, width: Int, glyphs: Glyphs) -> [String] {
        let key = Key(text: text, width: width, unicode: glyphs.isUnicode)
        if let hit = last.withLock({ $0?.key == key ? $0?.lines : nil }) { return hit }
        if let hit = entries.withLock({ $0[key] }) {
            last.withLock { $0 = (key, hit) }
            return hit
        }
        let lines = wrapped(text, width: width, glyphs: glyphs)
        entries.withLock { cache in
            if cache.count >= limit { cache.removeAll() }
            cache[key] = lines
        }
        last.withLock { $0 = (key, lines) }
        return lines
    }

    /// The reference path the cache keeps: reflowed, transliterated and wrapped afresh.
    static func wrapped(_ text: String, width: Int, glyphs: Glyphs) -> [String] {
        Reflow.lines(text.trimmingNewlines).flatMap { line in
            line.preformatted
                ? Reflow.fit(glyphs.text(line.text), width: width, ellipsis: glyphs.ellipsis)
                : TextWrap.wrap(glyphs.text(line.text), width: width)
        }
    }
}
