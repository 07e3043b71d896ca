/// What a piece of text *means* on screen. Screens choose roles; the `Theme` decides how each role
/// looks, so colour, NO_COLOR and monochrome terminals are one table swap and never a screen change.
public enum Role: Int, CaseIterable, Hashable, Sendable {
    case normal, title, dim, prompt, field, correct, wrong, warning, hint, accent, selection, caret
}

/// Attributes that a style can add on top of its role's theme entry.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// A role plus extra attributes. Styles stay semantic in the buffer; tests can check that a wrong
/// answer is drawn with `.wrong` without caring about colour numbers.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var role: Role
    public var attributes: TextAttributes

    public init(_ role: Role = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = Style()
    public static func role(_ role: Role) -> Style { Style(role) }

    public var isBold: Bool { attributes.contains(.bold) }
    public var isUnderline: Bool { attributes.contains(.underline) }
    public var isReverse: Bool { attributes.contains(.reverse) }

    public func bold() -> Style { adding(.bold) }
    public func underline() -> Style { adding(.underline) }
    public func reverse() -> Style { adding(.reverse) }
    public func adding(_ extra: TextAttributes) -> Style { Style(role, attributes.union(extra)) }

    public var description: String {
        var s = "\(role)"
        if isBold { s += "+bold" }
        if isUnderline { s += "+underline" }
        if isReverse { s += "+reverse" }
        if attributes.contains(.dim) { s += "+dim" }
        return s
    }
}
