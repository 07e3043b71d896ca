/// A string compared and hashed by its exact UTF-8 bytes, as a cache key.
///
/// `String`'s own `==` treats canonically equivalent strings ("é" and "e" + U+0301) as equal, so
/// a cache keyed by `String` would hand one the other's result; the cells of a frame must hold
/// exactly the bytes they were given.
struct ExactText: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ExactText, b: ExactText) -> Bool {
        let (x, y) = (a.string.utf8, b.string.utf8)
        guard x.count == y.count else { return false }
        let fast = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.elementsEqual(q) }
        }
        return (fast ?? nil) ?? x.elementsEqual(y)
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = string.utf8
        hasher.combine(utf8.count)
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }
}
