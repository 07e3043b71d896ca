/// Pure terminal model: cells, buffers, widgets, keys.
public enum TerminalUIInfo { public static let name = "TerminalUI" }
