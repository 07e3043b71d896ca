import Testing

@testable import MathEngine

struct RandomTests {
    /// Regression test of stability: xoshiro256** seeded by SplitMix64 from 42. The literals were
    /// computed with an independent Python transcription of the reference C code, not by the engine.
    @Test func fixedSeedGivesFixedNumbers() {
        var g = SeededGenerator(seed: 42)
        let first = (0..<3).map { _ in g.next() }
        #expect(first == [0x15780B2E0C2EC716, 0x6104D9866D113A7E, 0xAE17533239E499A1])
        #expect(first == RandomTests.reference42)
        var h = SeededGenerator(seed: 42)
        #expect((0..<3).map { _ in h.next() } == first)
        var k = SeededGenerator(seed: 43)
        #expect(k.next() != first[0])
    }

    static let reference42: [UInt64] = referenceXoshiro(seed: 42, count: 3)

    /// An independent, deliberately plain transcription of the published reference code.
    static func referenceXoshiro(seed: UInt64, count: Int) -> [UInt64] {
        var x = seed
        var s = [UInt64](repeating: 0, count: 4)
        for i in 0..<4 {
            x = x &+ 0x9E3779B97F4A7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            s[i] = z ^ (z >> 31)
        }
        var out: [UInt64] = []
        for _ in 0..<count {
            let r = ((s[1] &* 5) << 7 | (s[1] &* 5) >> 57) &* 9
            let t = s[1] << 17
            s[2] ^= s[0]
            s[3] ^= s[1]
            s[1] ^= s[2]
            s[0] ^= s[3]
            s[2] ^= t
            s[3] = (s[3] << 45) | (s[3] >> 19)
            out.append(r)
        }
        return out
    }

    @Test func splitMixFirstOutputMatchesPublishedValue() {
        // SplitMix64 with seed 42, first output (value from the same Python transcription).
        var x: UInt64 = 42 &+ 0x9E3779B97F4A7C15
        x = (x ^ (x >> 30)) &* 0xBF58476D1CE4E5B9
        x = (x ^ (x >> 27)) &* 0x94D049BB133111EB
        #expect(x ^ (x >> 31) == 0xBDD732262FEB6E95)
    }

    /// Frozen draws of the engine's own functions for seed 7: if a toolchain or refactor changes
    /// these, every `--seed N` variant changes, so this must fail loudly.
    @Test func frozenVariantDraws() throws {
        let rng = RandomSource(seed: 7)
        let env = Environment(dialect: .random, rng: rng)
        func draw(_ f: String) throws -> Value { try Evaluator.evaluate(Parser.parse(f, dialect: .random), in: env) }
        var results: [Value] = []
        for f in ["randint(5, 40)", "randint(1, 6)", "pick([4, 5, 6])", "shuffle([1, 2, 3, 4])", "bits(4)"] {
            results.append(try draw(f))
        }
        // Recompute the same draws by hand from the generator's documented steps.
        var g = SeededGenerator(seed: 7)
        let a = 5 + Int(g.below(36)), b = 1 + Int(g.below(6)), c = [4, 5, 6][Int(g.below(3))]
        var d: [Double] = [1, 2, 3, 4]
        for i in stride(from: 3, to: 0, by: -1) { d.swapAt(i, Int(g.below(UInt64(i + 1)))) }
        let e = (0..<4).map { _ in Double(g.next() >> 63) }
        #expect(results == [.number(Double(a)), .number(Double(b)), .number(Double(c)), .vector(d), .vector(e)])
    }

    @Test func rangesOfTheRandomFunctions() throws {
        let env = Environment(dialect: .random, rng: RandomSource(seed: 2026))
        func draw(_ f: String) throws -> Value { try Evaluator.evaluate(Parser.parse(f, dialect: .random), in: env) }
        var seen = Set<Double>()
        for _ in 0..<2000 {
            guard case .number(let x) = try draw("randint(5, 8)") else {
                Issue.record("randint")
                return
            }
            #expect(x >= 5 && x <= 8 && x == x.rounded())
            seen.insert(x)
            guard case .number(let u) = try draw("uniform(0.4, 0.49)") else {
                Issue.record("uniform")
                return
            }
            #expect(u >= 0.4 && u < 0.49)
        }
        #expect(seen == [5, 6, 7, 8])
        guard case .vector(let us) = try draw("uniform([0, 10], [1, 11])") else {
            Issue.record("uniform vec")
            return
        }
        #expect(us.count == 2 && us[0] >= 0 && us[0] < 1 && us[1] >= 10 && us[1] < 11)
        guard case .vector(let un) = try draw("uniform(0.6, 0.98, 5)") else {
            Issue.record("uniform n")
            return
        }
        #expect(un.count == 5 && un.allSatisfy { $0 >= 0.6 && $0 < 0.98 })
        guard case .list(let s) = try draw("sample([\"age\", \"weight\", \"height\", \"bmi\"], 3)") else {
            Issue.record("sample")
            return
        }
        #expect(s.count == 3 && Set(s).count == 3)
        guard case .vector(let sh) = try draw("shuffle([1, 2, 3, 4, 5])") else {
            Issue.record("shuffle")
            return
        }
        #expect(sh.sorted() == [1, 2, 3, 4, 5])
        guard case .vector(let bits) = try draw("bits(50)") else {
            Issue.record("bits")
            return
        }
        #expect(bits.count == 50 && bits.allSatisfy { $0 == 0 || $0 == 1 } && bits.contains(0) && bits.contains(1))
        #expect(try [Value.number(4), .number(5), .number(6)].contains(draw("pick([4, 5, 6])")))
        #expect(throws: EngineError(column: 1, message: "'sample' cannot take 5 distinct items from 2.")) {
            try draw("sample([1, 2], 5)")
        }
    }

    @Test func boundedDrawIsUnbiasedEnough() {
        var g = SeededGenerator(seed: 1)
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[Int(g.below(3))] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }
}
