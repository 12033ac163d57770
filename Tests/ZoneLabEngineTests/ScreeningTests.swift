import Testing
import ZoneLabSource

@testable import ZoneLabEngine

/// Paired screening (SPEC 4's roadmap): a variant that makes no step easier changes only the
/// trials whose campaign took one of its changed steps, so running those trials alone is exact.
@Suite struct ScreeningTests {
    /// Two routes from `in` to `t`, through `a` or `b`, with monitoring on the first hop of each
    /// and an `and` node `both` needing both routes, so campaigns, alarms and derivations all
    /// play a part. `slow` multiplies the route through `a`; `pa` is its first step's p.
    static func plant(slow: Double = 1, pa: Double = 0.7, extra: Bool = false, watched: Bool = true) -> AttackGraph {
        var nodes = ["in", "a", "b", "t", "both", "u"].map { AttackGraph.Node(id: $0) }
        nodes[4].kind = .and
        let watch = watched ? Detection(p: 0.2, response: .lognormal(medianHours: 30, sigma: 1)) : nil
        var edges: [AttackGraph.Edge] = [
            .init(id: "in>a", from: 0, to: 1, p: pa, ttc: .exponential(meanHours: 20 * slow), detect: watch),
            .init(id: "a>t", from: 1, to: 3, p: 0.9, ttc: .lognormal(medianHours: 10 * slow, sigma: 1)),
            .init(id: "in>b", from: 0, to: 2, p: 0.5, ttc: .exponential(meanHours: 30), detect: watch),
            .init(id: "b>t", from: 2, to: 3, p: 0.8, ttc: .uniform(minHours: 5, maxHours: 50)),
            .init(id: "a>both", from: 1, to: 4, ttc: .fixed(hours: 2)),
            .init(id: "b>both", from: 2, to: 4, ttc: .fixed(hours: 3)),
            .init(id: "t>u", from: 3, to: 5, p: 0.6, ttc: .exponential(meanHours: 15)),
        ]
        if extra { edges.append(.init(id: "in>t", from: 0, to: 3, p: 0.1, ttc: .fixed(hours: 1))) }
        return AttackGraph(nodes: nodes, edges: edges, entries: [0], targets: [3, 4, 5], horizonHours: 200)
    }

    @Test func aSlowerVariantNamesTheStepsItChanges() throws {
        let base = Self.plant()
        let slower = try #require(base.slowedEdges(in: Self.plant(slow: 3, pa: 0.4)))
        #expect(slower.map { base.edges[$0].id } == ["in>a", "a>t"])
        #expect(base.slowedEdges(in: base) == [])
        // Easier (higher p, faster) or a new step: only a full run compares them.
        #expect(base.slowedEdges(in: Self.plant(pa: 0.9)) == nil)
        #expect(base.slowedEdges(in: Self.plant(slow: 0.5)) == nil)
        #expect(base.slowedEdges(in: Self.plant(extra: true)) == nil)
        // A dropped step is a change (the step became impossible).
        let dropped = Self.plant(extra: true).slowedEdges(in: base)
        #expect(dropped == [7])
    }

    @Test func timeOrderAcrossLaws() {
        #expect(TimeDistribution.fixed(hours: 3).isNeverFaster(than: .instant))
        #expect(TimeDistribution.uniform(minHours: 4, maxHours: 9).isNeverFaster(than: .fixed(hours: 4)))
        #expect(!TimeDistribution.uniform(minHours: 3, maxHours: 9).isNeverFaster(than: .fixed(hours: 4)))
        #expect(
            TimeDistribution.lognormal(medianHours: 9, sigma: 1).isNeverFaster(
                than: .lognormal(medianHours: 3, sigma: 1)))
        // Quantiles of lognormals with different sigmas cross: not ordered.
        #expect(
            !TimeDistribution.lognormal(medianHours: 9, sigma: 2).isNeverFaster(
                than: .lognormal(medianHours: 3, sigma: 1)))
        #expect(!TimeDistribution.exponential(meanHours: 9).isNeverFaster(than: .fixed(hours: 1)))
        #expect(!TimeDistribution.instant.isNeverFaster(than: .fixed(hours: 1)))
    }

    /// The variant run on the tagged trials alone equals the variant run on every trial, trial by
    /// trial; every other trial equals the base's.
    @Test(arguments: [1, 2]) func screeningTheTaggedTrialsIsExact(threads: Int) throws {
        let base = Self.plant()
        let variant = Self.plant(slow: 2.5, pa: 0.5)
        let changed = try #require(base.slowedEdges(in: variant))
        var tags = [UInt64](repeating: 0, count: base.edges.count)
        for e in changed { tags[e] = 0b100 }
        let plan = TrialPlan(count: 3_000)
        let tagged = Simulator(graph: base, seed: 9, threads: threads).runTagging(plan, tags: tags)
        let full = Simulator(graph: variant, seed: 9, threads: threads).runKeepingTrials(plan).trials
        let rows = (0..<plan.count).filter { tagged.campaignTags[$0] & 0b100 != 0 }
        #expect(rows.count > 300 && rows.count < 2_700, "the tag should split the trials: \(rows.count)")
        let screened = Simulator(graph: variant, seed: 9, threads: threads).screen(plan, rows: rows)
        #expect(screened.trials == rows.count)
        var differing = 0
        for row in 0..<plan.count {
            for t in 0..<3 {
                if let k = rows.firstIndex(of: row) {
                    #expect(screened[k, t] == full[row, t])
                    if full[row, t] != tagged.trials[row, t] { differing += 1 }
                } else {
                    #expect(full[row, t] == tagged.trials[row, t], "untagged trial \(row) changed")
                }
            }
        }
        #expect(differing > 0, "the variant should change some tagged trials")
    }

    /// Each step tagged with its own bit: a trial's tags are exactly the steps of the paths to the
    /// targets it reached (SPEC 3.1 derivations; the `and` node lists both of its branches).
    @Test func tagsAreTheUnionOverTheCampaign() {
        let base = Self.plant(watched: false)
        let tags = base.edges.indices.map { UInt64(1) << UInt64($0) }
        let run = Simulator(graph: base, seed: 3, threads: 1).runTagging(TrialPlan(count: 2_000), tags: tags)
        var seen = Set<UInt64>()
        for row in 0..<2_000 {
            let tag = run.campaignTags[row]
            seen.insert(tag)
            let (t, both, u) = (run.trials[row, 0].isFinite, run.trials[row, 1].isFinite, run.trials[row, 2].isFinite)
            var expected: UInt64 = 0
            if both { expected |= 0b11_0101 }
            if u { expected |= 1 << 6 }
            if t {
                // One route to t: through a (steps 0, 1) or through b (steps 2, 3).
                let route = tag & 0b1111
                #expect(route & 0b11 == 0b11 || route & 0b1100 == 0b1100, "row \(row): \(String(tag, radix: 2))")
                expected |= route
            }
            #expect(tag == expected, "row \(row): \(String(tag, radix: 2)) ≠ \(String(expected, radix: 2))")
            if !t && !both && !u { #expect(tag == 0) }
        }
        #expect(seen.count >= 4, "the trials should take several campaigns")
    }
}
