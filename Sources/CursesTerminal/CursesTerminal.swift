import CNcursesw
import TerminalUI

/// The Terminal protocol on ncurses.
public enum CursesTerminalInfo { public static let name = "CursesTerminal" }
