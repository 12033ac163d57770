import Testing
@testable import ZoneLabEngine
import ZoneLabSource

@Suite struct PhiloxTests {
    /// Known-answer vectors of Random123's tests/kat_vectors (philox4x32, 10 rounds).
    @Test(arguments: [
        ((UInt32(0), UInt32(0), UInt32(0), UInt32(0)), (UInt32(0), UInt32(0)),
         (UInt32(0x6627_e8d5), UInt32(0xe169_c58d), UInt32(0xbc57_ac4c), UInt32(0x9b00_dbd8))),
        ((UInt32.max, UInt32.max, UInt32.max, UInt32.max), (UInt32.max, UInt32.max),
         (UInt32(0x408f_276d), UInt32(0x41c8_3b0e), UInt32(0xa20b_c7c6), UInt32(0x6d54_51fd))),
        ((UInt32(0x243f_6a88), UInt32(0x85a3_08d3), UInt32(0x1319_8a2e), UInt32(0x0370_7344)),
         (UInt32(0xa409_3822), UInt32(0x299f_31d0)),
         (UInt32(0xd16c_fe09), UInt32(0x94fd_cceb), UInt32(0x5001_e420), UInt32(0x2412_6ea1))),
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
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431, 16_408_922_859_458_223_821]
        #expect((0..<5).map { _ in g.next() } == expected)
    }

    /// u1 lies in (0, 1], u2 in (0, 1); both are uniform: chi-square over 20 bins at 200,000 draws
    /// stays below 43.82, the 0.999 quantile of chi-square with 19 degrees of freedom.
    @Test(arguments: [UInt64(1), 42, 0xDEAD_BEEF])
    func uniformity(seed: UInt64) {
        var bins1 = [Int](repeating: 0, count: 20), bins2 = bins1
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

    @Test func edgeKeysDifferAndAreStable() {
        #expect(EdgeDraws.key(forEdgeID: "a") != EdgeDraws.key(forEdgeID: "b"))
        #expect(EdgeDraws.key(forEdgeID: "exploit:plc1") == EdgeDraws.key(forEdgeID: "exploit:plc1"))
    }
}
