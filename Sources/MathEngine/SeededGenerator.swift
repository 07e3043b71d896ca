/// Our own reproducible random numbers: xoshiro256** seeded through SplitMix64.
///
/// The standard library's generator and its `random(in:using:)`/`shuffled(using:)` algorithms are
/// not promised to stay the same across Swift versions, and `--seed N` must give the same variant
/// on every machine and toolchain, so every draw used by content goes through the methods here.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix()
        s1 = splitmix()
        s2 = splitmix()
        s3 = splitmix()
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = SeededGenerator.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededGenerator.rotl(s3, 45)
        return result
    }

    /// An unbiased integer in `0..<bound` (Lemire's multiply-and-reject); `bound` must be > 0.
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }

    /// An integer in `lo...hi` (inclusive; callers ensure lo <= hi).
    public mutating func integer(_ lo: Int, _ hi: Int) -> Int {
        let span = UInt64(bitPattern: Int64(hi &- lo)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) } // the full 64-bit range
        return lo &+ Int(truncatingIfNeeded: below(span))
    }

    /// A double in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Fisher–Yates shuffle, the same on every platform.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(below(UInt64(i + 1)))
            a.swapAt(i, j)
        }
    }
}
