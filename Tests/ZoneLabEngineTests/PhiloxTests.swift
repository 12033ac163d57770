import Testing
import ZoneLabSource

@testable import ZoneLabEngine

@Suite struct PhiloxTests {
    /// Known-answer vectors of Random123's tests/kat_vectors (philox4x32, 10 rounds).
    @Test(
        arguments: [
            (
                (UInt32(0), UInt32(0), UInt32(0), UInt32(0)), (UInt32(0), UInt32(0)),
                (UInt32(0x6627_e8d5), UInt32(0xe169_c58d), UInt32(0xbc57_ac4c), UInt32(0x9b00_dbd8))
            ),
            (
                (UInt32.max, UInt32.max, UInt32.max, UInt32.max), (UInt32.max, UInt32.max),
                (UInt32(0x408f_276d), UInt32(0x41c8_3b0e), UInt32(0xa20b_c7c6), UInt32(0x6d54_51fd))
            ),
            (
                (UInt32(0x243f_6a88), UInt32(0x85a3_08d3), UInt32(0x1319_8a2e), UInt32(0x0370_7344)),
                (UInt32(0xa409_3822), UInt32(0x299f_31d0)),
                (UInt32(0xd16c_fe09), UInt32(0x94fd_cceb), UInt32(0x5001_e420), UInt32(0x2412_6ea1))
            ),
        ].map { KAT(counter: $0.0, key: $0.1, expected: $0.2) })
    func knownAnswers(_ kat: KAT) {
        let out = Philox4x32.block(kat.counter, key: kat.key)
        #expect(out.0 == kat.expected.0)
        #expect(out.1 == kat.expected.1)
        #expect(out.2 == kat.expected.2)
        #expect(out.3 == kat.expected.3)
    }

    struct KAT: Sendable, CustomTestStringConvertible {
        var counter: (UInt32, UInt32, UInt32, UInt32)
        var key: (UInt32, UInt32)
        var expected: (UInt32, UInt32, UInt32, UInt32)
        var testDescription: String { "ctr \(counter.0) key \(key.0)" }
    }

    /// SplitMix64 reference outputs for seed 1234567 (from the authors' C code, splitmix64.c).
    @Test func splitMixReference() {
        var g = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431,
            16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in g.next() } == expected)
    }

    /// u1 lies in (0, 1], u2 in (0, 1); both are uniform: chi-square over 20 bins at 200,000 draws
    /// stays below 43.82, the 0.999 quantile of chi-square with 19 degrees of freedom.
    @Test(arguments: [UInt64(1), 42, 0xDEAD_BEEF])
    func uniformity(seed: UInt64) {
        var bins1 = [Int](repeating: 0, count: 20)
        var bins2 = bins1
        let n = 200_000
        let key = EdgeDraws.key(forEdgeID: "cross:it-dmz:enterprise>dmz/RDF")
        for trial in 0..<n {
            let (u1, u2) = EdgeDraws.uniforms(seed: seed, trial: UInt64(trial), edgeKey: key)
            #expect(u1 > 0 && u1 <= 1)
            #expect(u2 > 0 && u2 < 1)
            bins1[min(19, Int(u1 * 20))] += 1
            bins2[min(19, Int(u2 * 20))] += 1
        }
        let expected = Double(n) / 20
        let chi1 = bins1.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        let chi2 = bins2.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi1 < 43.82)
        #expect(chi2 < 43.82)
    }

    /// Edge keys are part of the reproducibility contract: pinned values, computed once from an
    /// independent implementation of FNV-1a 64 (offset 0xcbf29ce484222325, prime 0x100000001b3;
    /// FNV-1a("a") = 0xaf63dc4c8601ec8c) finished with SplitMix64's mixer.
    @Test(arguments: [
        ("", UInt64(0xF52A_15E9_A9B5_E89B)),
        ("exploit:plc1", 0x540A_5123_ADEA_2DA6),
        ("cross:it-dmz:enterprise>dmz/RDF", 0x9635_63C0_3574_2DEF),
    ])
    func edgeKeysArePinned(id: String, key: UInt64) {
        #expect(EdgeDraws.key(forEdgeID: id) == key)
    }

    @Test func edgeKeysDiffer() {
        #expect(EdgeDraws.key(forEdgeID: "a") != EdgeDraws.key(forEdgeID: "b"))
        #expect(EdgeDraws.key(forEdgeID: "exploit:plc1") != EdgeDraws.key(forEdgeID: "exploit:plc2"))
    }

    /// The draws of one (seed, trial, edge): pinned values from the same independent
    /// implementation (Philox4x32-10 checked against the known answers above). u1 is
    /// `((x >> 11) + 1) / 2^53` and u2 is `((y >> 12) + 0.5) / 2^52` of the block's two 64-bit
    /// halves, so scaled by 2^53 and 2^52 they are exactly these whole and half numbers.
    struct PinnedDraw: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var trial: UInt64
        var u1Scaled: Double
        var u2Scaled: Double
        var testDescription: String { "seed \(seed) trial \(trial)" }
    }

    @Test(arguments: [
        PinnedDraw(seed: 1, trial: 0, u1Scaled: 5_856_481_004_243_883.0, u2Scaled: 3_776_019_792_342_649.5),
        PinnedDraw(seed: 1, trial: 1, u1Scaled: 6_429_341_175_374_055.0, u2Scaled: 125_063_227_138_617.5),
        PinnedDraw(seed: 42, trial: (1 << 32) + 5, u1Scaled: 2_959_737_497_479_420.0, u2Scaled: 582_365_117_933_690.5),
    ])
    func edgeDrawsArePinned(_ pinned: PinnedDraw) {
        let key = EdgeDraws.key(forEdgeID: "exploit:plc1")
        let (u1, u2) = EdgeDraws.uniforms(seed: pinned.seed, trial: pinned.trial, edgeKey: key)
        #expect(u1 * 0x1p53 == pinned.u1Scaled)
        #expect(u2 * 0x1p52 == pinned.u2Scaled)
    }
}
