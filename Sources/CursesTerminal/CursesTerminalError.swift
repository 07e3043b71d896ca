/// Why the terminal could not be opened, as the one-line sentence the user sees on stderr.
/// The app prints `description` and exits with `exitCode` (2, a usage/environment error).
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or run from a script).
    case notATerminal(program: String)
    /// `TERM` names a terminal type that terminfo does not know (or is unset).
    case unknownTerminal(program: String, term: String?)
    /// The terminal cannot move its cursor (`TERM=dumb`, a printing terminal): no full screen.
    case noCursorAddressing(program: String, term: String)

    public var description: String {
        switch self {
        case .notATerminal(let p):
            return "\(p): not a terminal; run it in a terminal, or use '\(p) list' / '\(p) key'"
        case .unknownTerminal(let p, let term?) where !term.isEmpty:
            return "\(p): unknown terminal type '\(term)' (TERM); try TERM=xterm-256color"
        case .unknownTerminal(let p, _):
            return "\(p): TERM is not set; try TERM=xterm-256color"
        case .noCursorAddressing(let p, let term):
            return
                "\(p): terminal type '\(term)' (TERM) cannot move the cursor; run it in a full-screen terminal (e.g. TERM=xterm-256color), or use '\(p) list' / '\(p) key'"
        }
    }

    public var exitCode: Int32 { 2 }
}
