import ZoneLabSource

/// Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw,
/// "Parallel random numbers: as easy as 1, 2, 3" (SC '11), as in the Random123 library.
///
/// A pure function of a 128-bit counter and a 64-bit key: no state, so the draws of any
/// (trial, edge) can be computed on any thread in any order.
public enum Philox4x32 {
    @usableFromInline static let m0: UInt32 = 0xD251_1F53
    @usableFromInline static let m1: UInt32 = 0xCD9E_8D57
    @usableFromInline static let w0: UInt32 = 0x9E37_79B9
    @usableFromInline static let w1: UInt32 = 0xBB67_AE85

    /// The four output words for `counter` under `key`, after 10 rounds.
    ///
    /// - Complexity: O(1): 20 32×32→64-bit multiplications.
    @inlinable @inline(__always)
    public static func block(
        _ counter: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var (c0, c1, c2, c3) = counter
        var (k0, k1) = key
        for round in 0..<10 {
            if round > 0 {
                k0 &+= w0
                k1 &+= w1
            }
            let p0 = UInt64(m0) &* UInt64(c0)
            let p1 = UInt64(m1) &* UInt64(c2)
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32)
            let lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32)
            let lo1 = UInt32(truncatingIfNeeded: p1)
            c0 = hi1 ^ c1 ^ k0
            c1 = lo1
            c2 = hi0 ^ c3 ^ k1
            c3 = lo0
        }
        return (c0, c1, c2, c3)
    }
}

/// The random numbers of one edge in one trial: a pure function of (seed, trial, edge key).
public enum EdgeDraws {
    /// `u1` uniform on (0, 1] (feasibility: the step is feasible iff `u1 <= p`) and `u2` uniform
    /// on (0, 1) (its time is the inverse CDF at `u2`), each from 53 (resp. 52) random bits.
    @inlinable @inline(__always)
    public static func uniforms(seed: UInt64, trial: UInt64, edgeKey: UInt64) -> (u1: Double, u2: Double) {
        let (a, b, c, d) = Philox4x32.block(
            (
                UInt32(truncatingIfNeeded: trial), UInt32(truncatingIfNeeded: trial >> 32),
                UInt32(truncatingIfNeeded: edgeKey), UInt32(truncatingIfNeeded: edgeKey >> 32)
            ),
            key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
        let x = UInt64(a) << 32 | UInt64(b)
        let y = UInt64(c) << 32 | UInt64(d)
        let u1 = Double((x >> 11) + 1) * 0x1.0p-53
        let u2 = (Double(y >> 12) + 0.5) * 0x1.0p-52
        return (u1, u2)
    }

    /// The draws of stream `stream` of an edge: stream 0 is `uniforms(seed:trial:edgeKey:)`
    /// (the step's own feasibility and time); stream 1 the defender's alarm (`u3`) and response
    /// (`u4`) of SPEC 3.4, the same generator under the edge key mixed with the stream number,
    /// so independent of stream 0 and of every other edge.
    @inlinable @inline(__always)
    public static func uniforms(
        seed: UInt64, trial: UInt64, edgeKey: UInt64, stream: UInt64
    ) -> (u1: Double, u2: Double) {
        uniforms(seed: seed, trial: trial, edgeKey: streamKey(edgeKey, stream))
    }

    /// The key of stream `stream` of an edge (the edge key itself for stream 0).
    @inlinable @inline(__always)
    public static func streamKey(_ edgeKey: UInt64, _ stream: UInt64) -> UInt64 {
        stream == 0 ? edgeKey : SplitMix64.mix(edgeKey ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    /// The 64-bit key of an edge id: FNV-1a over its UTF-8 bytes, finished with SplitMix64's
    /// mixer. Part of the reproducibility contract: the same id always draws the same numbers.
    public static func key(forEdgeID id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(hash)
    }
}
