/// A size in terminal cells. Negative values are clamped to zero so layout arithmetic on tiny
/// terminals never produces impossible rectangles.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public static let zero = Size(width: 0, height: 0)
    public var area: Int { width * height }
    public var description: String { "\(width)x\(height)" }
}

/// A cell position: `x` is the column, `y` the row, both 0-based from the top left.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
    public static let zero = Point(x: 0, y: 0)
    public var description: String { "(\(x),\(y))" }
}

/// A rectangle of cells. Splitting and insetting never yield negative sizes: a widget given an
/// empty rectangle simply draws nothing, which keeps screens robust at any terminal size.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public init(origin: Point = .zero, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    public var origin: Point { Point(x: x, y: y) }
    public var size: Size { Size(width: width, height: height) }
    /// One past the last column / row.
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }

    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }

    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x), ny = max(y, other.y)
        return Rect(x: nx, y: ny, width: min(maxX, other.maxX) - nx, height: min(maxY, other.maxY) - ny)
    }

    // MARK: Insetting

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }
    public func inset(by n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }
    public func inset(dx: Int, dy: Int) -> Rect { inset(top: dy, left: dx, bottom: dy, right: dx) }

    // MARK: Splitting (each returns the requested part first; sizes are clamped to what exists)

    /// The top `rows` rows and the rest below.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let h = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }
    /// The bottom `rows` rows and the rest above.
    public func splitBottom(_ rows: Int) -> (bottom: Rect, rest: Rect) {
        let h = min(max(0, rows), height)
        return (Rect(x: x, y: maxY - h, width: width, height: h), Rect(x: x, y: y, width: width, height: height - h))
    }
    /// The left `columns` columns and the rest to the right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let w = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }
    /// The right `columns` columns and the rest to the left.
    public func splitRight(_ columns: Int) -> (right: Rect, rest: Rect) {
        let w = min(max(0, columns), width)
        return (Rect(x: maxX - w, y: y, width: w, height: height), Rect(x: x, y: y, width: width - w, height: height))
    }

    /// `count` columns of (nearly) equal width separated by `spacing`; earlier columns get the remainder.
    public func columns(_ count: Int, spacing: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let usable = max(0, width - spacing * (count - 1))
        var out: [Rect] = []
        var cx = x
        for i in 0..<count {
            let w = usable / count + (i < usable % count ? 1 : 0)
            out.append(Rect(x: cx, y: y, width: w, height: height))
            cx += w + spacing
        }
        return out
    }

    /// `count` rows of (nearly) equal height separated by `spacing`; earlier rows get the remainder.
    public func rows(_ count: Int, spacing: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let usable = max(0, height - spacing * (count - 1))
        var out: [Rect] = []
        var cy = y
        for i in 0..<count {
            let h = usable / count + (i < usable % count ? 1 : 0)
            out.append(Rect(x: x, y: cy, width: width, height: h))
            cy += h + spacing
        }
        return out
    }

    /// A rectangle of `size` centred in this one (clamped to fit).
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
