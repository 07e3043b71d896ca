/// A question's picture as its YAML gives it: one of the terminal's built-in drawings by name, or
/// a generic kind configured with content formulas that are evaluated in each variant.
public enum QuestionPicture: Sendable {
    /// A drawing written for one question's names (`picture: tanh_points`).
    case builtIn(String)
    /// A generic kind (`picture: {kind: plot, f: "tanh(x)", from: -3, to: 3}`).
    case generic(PictureSpec)

    /// The built-in drawing's name, or the generic kind's.
    public var kindName: String {
        switch self {
        case .builtIn(let name): name
        case .generic(let spec): spec.kind.rawValue
        }
    }
}

/// A generic picture: its kind, its own fields and its items (a chain's boxes, a chart's series,
/// a plot's points, a grid's highlights), each item with the same shape of fields.
///
/// Every value is a content formula and every label a template, so a picture follows the variant
/// like the question text does; `after` fields name the steps whose answers a part shows, and
/// that part waits until each of them is answered right or revealed.
public struct PictureSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case chain, bars, plot, grid
    }

    public let kind: Kind
    public let fields: PictureFields
    public let items: [PictureFields]

    public init(kind: Kind, fields: PictureFields, items: [PictureFields]) {
        self.kind = kind
        self.fields = fields
        self.items = items
    }

    /// Every step id any part of the picture waits for: the picture changes only when one of
    /// these becomes known.
    public var gateSteps: Set<String> {
        Set(([fields] + items).flatMap { $0.gates.values.flatMap { $0 } })
    }
}

/// The fields of a picture or of one of its items, by kind of field.
public struct PictureFields: Sendable {
    /// Content formulas by field name (`f`, `from`, `shape`, `values`, …).
    public var formulas: [String: Formula] = [:]
    /// Labels by field name (`title`, `name`, `caption`, …): templates rendered in the variant.
    public var texts: [String: Template] = [:]
    /// Step ids by gate field (`after`, `tangent_after`, …): the part waits for all of them.
    public var gates: [String: [String]] = [:]
    /// Switches that are on (`tangent: true`).
    public var flags: Set<String> = []
    /// The 1-based line of the picture or item in its file.
    public var line: Int = 0

    public init() {}

    /// The steps that gate `field` (`after` for the item itself); empty means given data.
    public func gate(_ field: String = "after") -> [String] { gates[field] ?? [] }
}
