import Foundation
import Testing
import ZoneLabSource

@testable import ZoneLabEngine

/// Simulated P against exact values, within 4 standard errors at 100,000 trials (fixed seeds).
@Suite struct ExactAnswerTests {
    static let n = 100_000

    @Test func seriesOfBernoulliSteps() {
        var g = G()
        g.edge("e1", "a", "b", p: 0.7)
        g.edge("e2", "b", "c", p: 0.4)
        let o = g.graph(entry: ["a"], targets: ["c"]).simulate(trials: Self.n, seed: 11)
        #expect(withinStandardErrors(o.targets[0].probability, exact: 0.28, trials: Self.n))
    }

    @Test func parallelBernoulliSteps() {
        var g = G()
        g.edge("e1", "a", "t", p: 0.3)
        g.edge("e2", "a", "t", p: 0.5)
        let o = g.graph(entry: ["a"], targets: ["t"]).simulate(trials: Self.n, seed: 12)
        #expect(withinStandardErrors(o.targets[0].probability, exact: 1 - 0.7 * 0.5, trials: Self.n))
    }

    /// The bridge network s→{a,b}, a→b, {a,b}→t of five Bernoulli steps.
    @Test(arguments: [0.5, 0.8])
    func bridgeNetwork(p: Double) {
        var g = G()
        g.edge("sa", "s", "a", p: p)
        g.edge("sb", "s", "b", p: p)
        g.edge("ab", "a", "b", p: p)
        g.edge("at", "a", "t", p: p)
        g.edge("bt", "b", "t", p: p)
        // Exact by enumeration of the 2^5 states of the directed bridge (a→b one way).
        var exact = 0.0
        for mask in 0..<32 {
            let up = (0..<5).map { mask >> $0 & 1 == 1 }
            let prob = up.reduce(1.0) { $0 * ($1 ? p : 1 - p) }
            let a = up[0]
            let b = up[1] || (a && up[2])
            if (a && up[3]) || (b && up[4]) { exact += prob }
        }
        let o = g.graph(entry: ["s"], targets: ["t"]).simulate(trials: Self.n, seed: 13)
        #expect(withinStandardErrors(o.targets[0].probability, exact: exact, trials: Self.n))
    }

    /// Two exponential steps in series: the hypoexponential CDF.
    @Test func seriesOfExponentials() {
        let m1 = 10.0
        let m2 = 30.0
        let h = 40.0
        var g = G()
        g.edge("e1", "a", "b", .exponential(meanHours: m1))
        g.edge("e2", "b", "t", .exponential(meanHours: m2))
        let l1 = 1 / m1
        let l2 = 1 / m2
        let exact = 1 - (l2 * exp(-l1 * h) - l1 * exp(-l2 * h)) / (l2 - l1)
        let o = g.graph(entry: ["a"], targets: ["t"], horizon: h).simulate(trials: Self.n, seed: 14)
        #expect(withinStandardErrors(o.targets[0].probability, exact: exact, trials: Self.n))
    }

    /// An `and` node over two exponential branches: P(max ≤ h) = F1(h)·F2(h).
    @Test func andNodeOverExponentials() {
        let h = 20.0
        var g = G()
        _ = g.node("t", .and)
        g.edge("x", "a", "x1", .exponential(meanHours: 10))
        g.edge("y", "a", "y1", .exponential(meanHours: 25))
        g.edge("xt", "x1", "t")
        g.edge("yt", "y1", "t")
        let exact = (1 - exp(-h / 10)) * (1 - exp(-h / 25))
        let o = g.graph(entry: ["a"], targets: ["t"], horizon: h).simulate(trials: Self.n, seed: 15)
        #expect(withinStandardErrors(o.targets[0].probability, exact: exact, trials: Self.n))
    }

    /// An `and` node with one infeasible in-edge is never reached; one with no in-edges neither.
    @Test func andNodeNeedsEveryInEdge() {
        var g = G()
        _ = g.node("t", .and)
        _ = g.node("lonely", .and)
        g.edge("x", "a", "t")
        g.edge("y", "a", "t", p: 0)
        let o = g.graph(entry: ["a"], targets: ["t", "lonely"]).simulate(trials: 1_000)
        #expect(o.targets[0].compromised == 0)
        #expect(o.targets[1].compromised == 0)
    }

    @Test(arguments: [
        (TimeDistribution.lognormal(medianHours: 24, sigma: 1), 48.0),
        (TimeDistribution.lognormal(medianHours: 168, sigma: 0.5), 100.0),
        (TimeDistribution.uniform(minHours: 10, maxHours: 50), 25.0),
        (TimeDistribution.exponential(meanHours: 24), 24.0),
    ])
    func singleStepAgainstCDF(ttc: TimeDistribution, horizon: Double) {
        var g = G()
        g.edge("e", "a", "t", p: 0.9, ttc)
        let exact = 0.9 * ttc.cdf(horizon)
        let o = g.graph(entry: ["a"], targets: ["t"], horizon: horizon).simulate(trials: Self.n, seed: 16)
        #expect(withinStandardErrors(o.targets[0].probability, exact: exact, trials: Self.n))
    }

    @Test func fixedStepsAgainstTheHorizon() {
        var g = G()
        g.edge("e1", "a", "t", .fixed(hours: 10))
        g.edge("e2", "a", "u", .fixed(hours: 10.5))
        let o = g.graph(entry: ["a"], targets: ["t", "u"], horizon: 10).simulate(trials: 2_000)
        #expect(o.targets[0].compromised == 2_000)  // T = horizon counts
        #expect(o.targets[1].compromised == 0)
        #expect(o.targets[0].percentile(50) == 10)
    }

    @Test func cycleIsHarmless() {
        var g = G()
        g.edge("ab", "a", "b", p: 0.5)
        g.edge("ba", "b", "a", p: 0.5)
        g.edge("bt", "b", "t", p: 0.5)
        g.edge("bb", "b", "b")
        let o = g.graph(entry: ["a"], targets: ["t"]).simulate(trials: Self.n, seed: 17)
        #expect(withinStandardErrors(o.targets[0].probability, exact: 0.25, trials: Self.n))
    }

    @Test func unreachableAndCertainTargets() {
        var g = G()
        g.edge("ab", "a", "b")
        _ = g.node("island")
        g.edge("ic", "island", "c")
        let o = g.graph(entry: ["a"], targets: ["b", "c", "a"]).simulate(trials: 5_000)
        #expect(o.targets[0].probability == 1)
        #expect(o.targets[1].probability == 0)
        #expect(o.targets[1].percentile(50) == nil)
        #expect(o.targets[2].probability == 1)  // an entry that is a target: T = 0, empty path
        #expect(o.targets[2].paths == [PathCount(edges: [], count: 5_000)])
        #expect(o.targets[2].percentile(90) == 0)
    }

    /// The median of an exponential step (no horizon in reach) is mean·ln 2, within 4 standard
    /// errors of the sample median (1 / (2 f(m) √n)).
    @Test func medianOfExponential() {
        let mean = 50.0
        var g = G()
        g.edge("e", "a", "t", .exponential(meanHours: mean))
        let o = g.graph(entry: ["a"], targets: ["t"]).simulate(trials: Self.n, seed: 18)
        let median = mean * log(2.0)
        let density = exp(-median / mean) / mean
        let se = 1 / (2 * density * Double(Self.n).squareRoot())
        #expect(abs(o.targets[0].percentile(50)! - median) <= 4 * se)
    }

    /// Two racing exponential routes: the faster-rate one wins with share λ1 / (λ1 + λ2).
    @Test func pathSharesOfRacingRoutes() {
        var g = G()
        g.edge("fast", "a", "t", .exponential(meanHours: 1))
        g.edge("slow", "a", "t", .exponential(meanHours: 2))
        let o = g.graph(entry: ["a"], targets: ["t"]).simulate(trials: Self.n, seed: 19)
        let top = o.targets[0].paths
        #expect(top.count == 2)
        #expect(top[0].edges == ["fast"])
        #expect(withinStandardErrors(Double(top[0].count) / Double(Self.n), exact: 2.0 / 3, trials: Self.n))
    }

    /// Equally fast routes: fewer steps win; among equal steps the smaller edge id (bytes).
    @Test func tiesGoToFewerStepsThenSmallerIDs() {
        var g = G()
        g.edge("z-direct", "a", "t")
        g.edge("b1", "a", "m")
        g.edge("b2", "m", "t")
        g.edge("B", "a", "u")
        g.edge("a", "a", "u")
        let o = g.graph(entry: ["a"], targets: ["t", "u"]).simulate(trials: 100)
        #expect(o.targets[0].paths == [PathCount(edges: ["z-direct"], count: 100)])
        #expect(o.targets[1].paths == [PathCount(edges: ["B"], count: 100)])  // "B" (0x42) < "a" (0x61)
    }

    /// Over 200 seeds of 2,000 trials, the 95% Wilson interval covers the exact P in 93–97% of runs.
    @Test func intervalCoverage() {
        var g = G()
        g.edge("e1", "a", "b", p: 0.6)
        g.edge("e2", "b", "t", p: 0.5)
        let graph = g.graph(entry: ["a"], targets: ["t"])
        var covered = 0
        for seed in 1...200 {
            let (lo, hi) = graph.simulate(trials: 2_000, seed: UInt64(seed)).targets[0].wilson95
            if lo <= 0.3 && 0.3 <= hi { covered += 1 }
        }
        #expect((186...194).contains(covered), "coverage \(covered)/200")
    }
}
