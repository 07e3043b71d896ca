/// A fast, stable 64-bit hash for cache keys (not for security): FNV-1a's xor-and-multiply, taken
/// a 64-bit word at a time rather than a byte at a time (every start hashes all the YAML, and
/// this is eight times fewer steps), each step followed by a shift-xor so that high bits reach
/// the low ones, and the length of each piece folded in.
package struct WordHash {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ bytes: [UInt8]) { add(bytes[...]) }

    package mutating func add(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                step(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            step(tail)
            step(UInt64(raw.count))
        }
    }

    package mutating func add(_ n: UInt64) { step(n) }

    private mutating func step(_ word: UInt64) {
        value ^= word
        value &*= 0x0000_0100_0000_01B3
        value ^= value >> 29
    }
}
