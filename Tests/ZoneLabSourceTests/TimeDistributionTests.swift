import Testing
import ZoneLabSource

@Suite struct TimeDistributionTests {
    static let continuous: [TimeDistribution] = [
        .exponential(meanHours: 24), .lognormal(medianHours: 96, sigma: 1), .lognormal(medianHours: 2, sigma: 0.3),
        .uniform(minHours: 10, maxHours: 50),
    ]
    static let levels = [0.001, 0.01, 0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.98, 0.99, 0.999]

    /// The one quantile function inverts the exact CDF (Acklam's normal quantile: ~1e-9 relative).
    @Test(arguments: continuous)
    func quantileInvertsTheCDF(_ d: TimeDistribution) {
        for u in Self.levels {
            #expect(abs(d.cdf(d.quantile(u)) - u) < 1e-8, "\(d) at \(u)")
        }
    }

    @Test(arguments: continuous)
    func quantileIsMonotoneAndTheMedianIsAtOneHalf(_ d: TimeDistribution) {
        let q = Self.levels.map(d.quantile)
        #expect(zip(q, q.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(d.quantile(0.5) - d.medianHours) <= 1e-8 * d.medianHours)
    }

    @Test func degenerateDistributions() {
        #expect(TimeDistribution.instant.quantile(0.7) == 0)
        #expect(TimeDistribution.fixed(hours: 5).quantile(0.01) == 5)
        #expect(TimeDistribution.fixed(hours: 5).cdf(4.9) == 0)
        #expect(TimeDistribution.fixed(hours: 5).cdf(5) == 1)
    }

    /// The packed form the engine's loop uses computes the same numbers.
    @Test(arguments: continuous + [.instant, .fixed(hours: 3)])
    func packedFormAgrees(_ d: TimeDistribution) {
        let (kind, a, b) = d.packed
        for u in Self.levels {
            #expect(TimeDistribution.time(kind: kind, a: a, b: b, u: u) == d.quantile(u))
        }
    }

    @Test func stochasticOrder() {
        let slow = TimeDistribution.lognormal(medianHours: 96, sigma: 1)
        let fast = TimeDistribution.lognormal(medianHours: 24, sigma: 1)
        #expect(slow.isStochasticallyAtLeast(fast))
        #expect(!fast.isStochasticallyAtLeast(slow))
        #expect(slow.isStochasticallyAtLeast(slow))
        #expect(!TimeDistribution.fixed(hours: 1).isStochasticallyAtLeast(fast))
        #expect(TimeDistribution.fixed(hours: 10_000).isStochasticallyAtLeast(.uniform(minHours: 0, maxHours: 9_999)))
    }
}
