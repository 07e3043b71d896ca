/// A key press, already decoded by the terminal layer (ncurses turns escape sequences into keys
/// using terminfo, so nothing above the terminal ever parses bytes).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case enter, backspace, delete
    case left, right, up, down, home, end, pageUp, pageDown
    case tab, backTab, escape
    /// Ctrl plus a key, named by the lowercase letter (`ctrl("u")`) or the symbol (`ctrl("]")`).
    case ctrl(Character)
    /// F1 = `function(1)`.
    case function(Int)
    case resize
    case unknown

    /// Decodes a character the terminal delivered as text (not as a special key code): control
    /// bytes become `.enter`, `.tab`, `.backspace`, `.escape` or `.ctrl`, everything else `.char`.
    /// Backspace arrives as 127 (DEL) or 8 (^H) depending on the terminal's `erase` setting; Enter
    /// as 10 (cbreak mode maps CR to NL) or 13.
    public static func fromScalar(_ scalar: Unicode.Scalar) -> Key {
        switch scalar.value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(scalar.value + 96)!))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return .unknown
        default: return .char(Character(scalar))
        }
    }

    /// A short human name, as a help line shows it: "Enter", "Ctrl-U", "F1", "a".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .left: return "Left"
        case .right: return "Right"
        case .up: return "Up"
        case .down: return "Down"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .unknown: return "?"
        }
    }
}

/// What a terminal delivers to the run loop.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size (also sent after resuming from Ctrl-Z, so the app redraws fully).
    case resize(Size)
    /// `nextEvent(timeout:)` waited the whole timeout without input: time for the app to look at
    /// the clock (a quiz countdown), never to count ticks.
    case tick
    /// SIGINT, SIGTERM or SIGHUP arrived. The app should save what it must, close the terminal
    /// and exit with 128 + signal (130, 143, 129).
    case signal(Int32)
}
