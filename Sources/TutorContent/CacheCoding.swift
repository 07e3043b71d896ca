/// A compact binary form for the content cache (`ContentCache`): little-endian doubles, zigzag
/// varints, length-prefixed UTF-8. The reader checks every bound and throws on anything it does
/// not expect, so a damaged or foreign file is a cache miss, never a crash.
package struct CacheWriter {
    package private(set) var bytes: [UInt8] = []

    package init() { bytes.reserveCapacity(64 * 1024) }

    package mutating func byte(_ b: UInt8) { bytes.append(b) }

    package mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Appends everything `other` wrote.
    package mutating func append(_ other: CacheWriter) { bytes.append(contentsOf: other.bytes) }

    mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            uint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func array<T>(_ items: [T], _ element: (inout CacheWriter, T) -> Void) {
        uint(UInt64(items.count))
        for item in items { element(&self, item) }
    }

    /// `bytes` as a length-prefixed block a reader can skip without decoding it.
    mutating func block(_ write: (inout CacheWriter) -> Void) {
        var inner = CacheWriter()
        write(&inner)
        uint(UInt64(inner.bytes.count))
        bytes.append(contentsOf: inner.bytes)
    }

    mutating func optional<T>(_ item: T?, _ element: (inout CacheWriter, T) -> Void) {
        if let item {
            bytes.append(1)
            element(&self, item)
        } else {
            bytes.append(0)
        }
    }
}

/// The cache file does not hold what this program wrote (damaged, truncated or another format).
package struct CacheCorrupt: Error {}

package struct CacheReader {
    private let bytes: [UInt8]
    private var at = 0
    /// How deep `nested` calls are: a syntax tree or template read back is never deeper than
    /// `maxDepth`, so a crafted file cannot exhaust the stack. (The lexer reads at most 500
    /// characters per formula, so no tree the parser builds is that deep.)
    private var depth = 0
    static let maxDepth = 600

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var isAtEnd: Bool { at == bytes.count }

    /// The checksum of a cache body: the key folded into a hash of the bytes.
    package static func checksum(key: UInt64, _ body: ArraySlice<UInt8>) -> UInt64 {
        var h = WordHash()
        h.add(key)
        h.add(body)
        return h.value
    }

    /// The checksum of the bytes not read yet (the body, after the header).
    package func restChecksum(key: UInt64) -> UInt64 { Self.checksum(key: key, bytes[at...]) }

    /// Reads one level of a recursive structure (a syntax tree, a repeated template), at most
    /// `maxDepth` levels deep.
    mutating func nested<T>(_ read: (inout CacheReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> T {
        guard depth < Self.maxDepth else { throw CacheCorrupt() }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }

    /// A block written by `CacheWriter.block`, decoded by `read`, which must use all of it.
    mutating func block<T>(_ read: (inout CacheReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> T {
        let n = try count()
        let end = at + n
        let value = try read(&self)
        guard at == end else { throw CacheCorrupt() }
        return value
    }

    /// Passes over a block without decoding it.
    mutating func skipBlock() throws(CacheCorrupt) {
        let n = try count()
        guard n <= bytes.count - at else { throw CacheCorrupt() }
        at += n
    }

    package mutating func byte() throws(CacheCorrupt) -> UInt8 {
        guard at < bytes.count else { throw CacheCorrupt() }
        defer { at += 1 }
        return bytes[at]
    }

    package mutating func uint() throws(CacheCorrupt) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CacheCorrupt() }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(CacheCorrupt) -> Int {
        let u = try uint()
        let v = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        guard let n = Int(exactly: v) else { throw CacheCorrupt() }
        return n
    }

    /// A count of items still to read: never more than the bytes left, so a damaged count
    /// cannot ask for a huge allocation.
    mutating func count() throws(CacheCorrupt) -> Int {
        let n = try uint()
        guard n <= UInt64(bytes.count - at) else { throw CacheCorrupt() }
        return Int(n)
    }

    mutating func double() throws(CacheCorrupt) -> Double {
        guard bytes.count - at >= 8 else { throw CacheCorrupt() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[at + i]) << UInt64(8 * i) }
        at += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() throws(CacheCorrupt) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw CacheCorrupt()
        }
    }

    mutating func string() throws(CacheCorrupt) -> String {
        let n = try count()
        defer { at += n }
        return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }

    mutating func array<T>(_ element: (inout CacheReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try element(&self)) }
        return out
    }

    mutating func optional<T>(_ element: (inout CacheReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> T? {
        try bool() ? try element(&self) : nil
    }
}
