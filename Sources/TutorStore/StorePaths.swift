import Foundation

/// Where the progress database lives by default.
public enum StorePaths {
    /// `$XDG_DATA_HOME/dltutor/dltutor.sqlite`, else `$HOME/.local/share/dltutor/dltutor.sqlite`.
    /// A relative `XDG_DATA_HOME` is ignored, as the XDG spec says. The environment is passed in.
    public static func defaultDatabasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/dltutor/dltutor.sqlite"
    }
}
