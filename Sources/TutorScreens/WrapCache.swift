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

    /// `text` reflowed into paragraphs, transliterated for the glyphs, wrapped to `width`.
    static func questionLines(_ text: String, width: Int, glyphs: Glyphs) -> [String] {
        let key = Key(text: text, width: width, unicode: glyphs.isUnicode)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let lines = TextWrap.wrap(glyphs.text(Reflow.paragraphs(text.trimmingNewlines)), width: width)
        entries.withLock { cache in
            if cache.count >= limit { cache.removeAll() }
            cache[key] = lines
        }
        return lines
    }
}
