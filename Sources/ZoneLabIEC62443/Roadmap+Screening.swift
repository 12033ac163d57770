import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// A roadmap candidate: the plan with one more change.
struct RoadmapCandidate {
    var change: RoadmapChange
    var cost: Double?
    var scenario: Scenario
    /// The tag bit its trials are marked with in the current plan's run (nil: measured on every trial).
    var bit: Int?
    /// A countermeasure's plant, compiled once to find what it changes.
    var model: PlantModel?
}

/// The mean and paired 95% interval of the per-trial score differences before − after.
struct PairedReduction {
    var mean: Double
    var lower: Double
    var upper: Double
}

/// The current plan of a roadmap step, run once with every trial's times and, per trial, which
/// candidates' changed steps its campaign took; every candidate is then measured paired against
/// it on those trials only (`Simulator.screen`, exact: the other trials' outcomes cannot change).
struct CurrentPlan {
    var set: RunSet
    var plan: TrialPlan
    var settings: SimulationSettings
    /// Per attacker: the plan's graph, and per trial the OR of the tags of its campaign's steps.
    var graphs: [AttackGraph]
    var campaignTags: [[UInt64]]
    /// Per attacker: per edge of its graph, the tag bits of the candidates that may change it.
    var edgeTags: [[UInt64]]

    /// Runs `current`, tagging each candidate's steps: a raise's are the steps acting in its zone
    /// or conduit (`EdgePlaces`), checked against its compiled graph when it is measured; a
    /// countermeasure's are found by compiling it now (none when it may make a step easier).
    static func run(
        _ current: PlantModel, settings: SimulationSettings, plan: TrialPlan, candidates: inout [RoadmapCandidate]
    ) -> CurrentPlan {
        let graphs = current.attackers.map { current.skeleton.graph(for: $0) }
        var zoneBits: [String: UInt64] = [:]
        var conduitBits: [String: UInt64] = [:]
        var changedBits: [[Int: UInt64]] = Array(repeating: [:], count: graphs.count)
        var nextBit = 0
        for i in candidates.indices where nextBit < 64 {
            switch candidates[i].change {
            case .raise(.zoneToTarget(let z)): zoneBits[z, default: 0] |= 1 << UInt64(nextBit)
            case .raise(.conduitToTarget(let c)): conduitBits[c, default: 0] |= 1 << UInt64(nextBit)
            case .countermeasure:
                let model = current.with(scenario: candidates[i].scenario)
                candidates[i].model = model
                let changed = zip(graphs, model.attackers).map { graph, attacker in
                    graph.slowedEdges(in: model.skeleton.graph(for: attacker, like: graph))
                }
                guard changed.allSatisfy({ $0 != nil }) else { continue }
                for (a, edges) in changed.enumerated() {
                    for e in edges! { changedBits[a][e, default: 0] |= 1 << UInt64(nextBit) }
                }
            }
            candidates[i].bit = nextBit
            nextBit += 1
        }
        let places = EdgePlaces(current.scenario)
        let edgeTags = graphs.enumerated().map { a, graph in
            graph.edges.enumerated().map { e, edge in
                places.tags(of: edge.id, zoneBits: zoneBits, conduitBits: conduitBits) | (changedBits[a][e] ?? 0)
            }
        }
        var outcomes: [[TargetOutcome]] = []
        var perTrial: [TrialTimes] = []
        var campaignTags: [[UInt64]] = []
        for (a, graph) in graphs.enumerated() {
            let simulator = Simulator(graph: graph, seed: settings.seed, threads: settings.threads)
            let run = simulator.runTagging(plan, tags: edgeTags[a], paths: false)
            outcomes.append(run.outcome.targets)
            perTrial.append(run.trials)
            campaignTags.append(run.campaignTags)
        }
        var set = current.runSet(settings: settings, plan: plan, outcomes: outcomes)
        set.perTrial = perTrial
        return CurrentPlan(
            set: set, plan: plan, settings: settings, graphs: graphs, campaignTags: campaignTags, edgeTags: edgeTags)
    }

    /// The candidate's reduction of the score, paired trial by trial, the trial's score being
    /// Σ_T w_T Σ_a rate_a · 1[T compromised by a] (SPEC 4). Nil when the candidate cannot be built.
    func reduction(by candidate: RoadmapCandidate, model: PlantModel, weights: [Double]) -> PairedReduction? {
        guard let before = set.perTrial else { return nil }
        let n = plan.shardCount
        guard n > 0 else { return PairedReduction(mean: 0, lower: 0, upper: 0) }
        let mask = candidate.bit.map { UInt64(1) << UInt64($0) }
        // A tagged candidate whose steps no campaign took changes no trial.
        if let mask, campaignTags.allSatisfy({ $0.allSatisfy { $0 & mask == 0 } }) {
            return PairedReduction(mean: 0, lower: 0, upper: 0)
        }
        let variant = candidate.model ?? model.with(scenario: candidate.scenario)
        var difference = [Double](repeating: 0, count: n)
        for (a, attacker) in set.attackers.enumerated() {
            let rate = attacker.rate ?? 0
            guard rate > 0 else { continue }
            let graph = variant.skeleton.graph(for: variant.attackers[a], like: graphs[a])
            // Only the trials whose campaign took a changed step, when the variant makes no step
            // easier and changes no step outside the candidate's tag; otherwise every trial.
            var rows = Array(0..<n)
            if let mask, let changed = graphs[a].slowedEdges(in: graph),
                changed.allSatisfy({ edgeTags[a][$0] & mask != 0 })
            {
                rows = rows.filter { campaignTags[a][$0] & mask != 0 }
            }
            let after = Simulator(graph: graph, seed: settings.seed, threads: settings.threads).screen(plan, rows: rows)
            let targetIDs = graphs[a].targets.map { graphs[a].nodes[$0].id }
            let slots = targetIDs.map { id in graph.targets.firstIndex { graph.nodes[$0].id == id } }
            for (k, row) in rows.enumerated() {
                for t in targetIDs.indices {
                    let was = before[a].compromised(row: row, target: t)
                    let isNow = slots[t].map { after.compromised(row: k, target: $0) } ?? false
                    if was != isNow { difference[row] += (was ? 1 : -1) * rate * weights[t] }
                }
            }
        }
        let sum = difference.reduce(0, +)
        let sumOfSquares = difference.reduce(0) { $0 + $1 * $1 }
        let mean = sum / Double(n)
        let half = Statistics.pairedHalfWidth(sum: sum, sumOfSquares: sumOfSquares, count: n)
        return PairedReduction(mean: mean, lower: mean - half, upper: mean + half)
    }
}

/// Where each step of a compiled plant acts: the zones and conduits whose raise may change it
/// (its barrier, its protection or its monitoring level, SPEC 3.2–3.5).
struct EdgePlaces {
    let scenario: Scenario

    init(_ scenario: Scenario) { self.scenario = scenario }

    func tags(of id: String, zoneBits: [String: UInt64], conduitBits: [String: UInt64]) -> UInt64 {
        guard !zoneBits.isEmpty || !conduitBits.isEmpty, let step = EdgeID(id) else { return 0 }
        var tags: UInt64 = 0
        func zone(ofAsset a: String?) {
            if let a, let z = scenario.assets[a]?.zone { tags |= zoneBits[z] ?? 0 }
        }
        if let c = step.conduit { tags |= conduitBits[c] ?? 0 }
        switch step {
        case .enter(let c, let cid): zone(ofAsset: scenario.conduits[c]?.channel(withCID: cid)?.to)
        case .visit(let a, let z):
            zone(ofAsset: a)
            tags |= zoneBits[z] ?? 0
        default: zone(ofAsset: step.asset)
        }
        return tags
    }
}
