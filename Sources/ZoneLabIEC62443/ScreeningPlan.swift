import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// A candidate change measured against a plan (a roadmap step, a hardening raise): the plan with
/// one more change.
struct PlanCandidate: Sendable {
    var change: RoadmapChange
    var cost: Double?
    var scenario: Scenario
    /// The tag bit its trials are marked with in the current plan's run (nil: measured on every trial).
    var bit: Int?
    /// A countermeasure's plant, compiled once to find what it changes.
    var model: PlantModel?
}

/// The mean and paired 95% interval of the per-trial score differences before − after.
struct PairedReduction: Sendable {
    var mean: Double
    var lower: Double
    var upper: Double
}

/// A plan (a roadmap step's current plan, the plant whose hardening gains are measured), run once
/// with every trial's times and, per trial, which candidates' changed steps its campaign took;
/// every candidate is then measured paired against it on those trials only (`Simulator.screen`,
/// exact: the other trials' outcomes cannot change).
struct ScreeningPlan: Sendable {
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
        _ current: PlantModel, settings: SimulationSettings, plan: TrialPlan, candidates: inout [PlanCandidate],
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> ScreeningPlan {
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
        // Every attacker's graph has the plant's steps in the same order: their places are read once.
        let places = EdgePlaces(current.scenario)
        func placeTags(_ graph: AttackGraph) -> [UInt64] {
            graph.edges.map { places.tags(of: $0.id, zoneBits: zoneBits, conduitBits: conduitBits) }
        }
        let shared = graphs.first.map(placeTags) ?? []
        let edgeTags = graphs.enumerated().map { a, graph in
            let sameSteps =
                graph.edges.count == shared.count && zip(graph.edges, graphs[0].edges).allSatisfy { $0.id == $1.id }
            return (sameSteps ? shared : placeTags(graph)).enumerated().map { e, tags in
                tags | (changedBits[a][e] ?? 0)
            }
        }
        var outcomes: [[TargetOutcome]] = []
        var perTrial: [TrialTimes] = []
        var campaignTags: [[UInt64]] = []
        for (a, graph) in graphs.enumerated() {
            let simulator = Simulator(graph: graph, seed: settings.seed, threads: settings.threads)
            let run = simulator.runTagging(plan, tags: edgeTags[a], paths: false, progress: progress)
            outcomes.append(run.outcome.targets)
            perTrial.append(run.trials)
            campaignTags.append(run.campaignTags)
        }
        var set = current.runSet(settings: settings, plan: plan, outcomes: outcomes)
        set.perTrial = perTrial
        return ScreeningPlan(
            set: set, plan: plan, settings: settings, graphs: graphs, campaignTags: campaignTags, edgeTags: edgeTags)
    }

    /// What the candidate changes, attacker by attacker (those `measured` says; nil entries for
    /// the others): the plan's rows it may change, their times in the candidate's plant, and each
    /// target's slot there (nil when the candidate has no such target).
    func screened(
        _ candidate: PlanCandidate, model: PlantModel, measured: (Int) -> Bool = { _ in true }
    ) -> [(rows: [Int], after: TrialTimes, slots: [Int?])?] {
        let n = plan.shardCount
        let mask = candidate.bit.map { UInt64(1) << UInt64($0) }
        // A tagged candidate whose steps no campaign took changes no trial.
        if let mask, campaignTags.allSatisfy({ $0.allSatisfy { $0 & mask == 0 } }) {
            return graphs.indices.map { a in
                measured(a) ? ([], .none(targets: graphs[a].targets.count), []) : nil
            }
        }
        let variant = candidate.model ?? model.with(scenario: candidate.scenario)
        return graphs.indices.map { a in
            guard measured(a) else { return nil }
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
            let slots = graphs[a].targets.map { node in
                graph.targets.firstIndex { graph.nodes[$0].id == graphs[a].nodes[node].id }
            }
            return (rows, after, slots)
        }
    }

    /// The candidate's reduction of the score, paired trial by trial, the trial's score being
    /// Σ_T w_T Σ_a rate_a · 1[T compromised by a] (SPEC 4). Nil when the plan kept no trials.
    func reduction(by candidate: PlanCandidate, model: PlantModel, weights: [Double]) -> PairedReduction? {
        guard let before = set.perTrial else { return nil }
        let n = plan.shardCount
        guard n > 0 else { return PairedReduction(mean: 0, lower: 0, upper: 0) }
        let rates = set.attackers.map { $0.rate ?? 0 }
        var difference = [Double](repeating: 0, count: n)
        for (a, screen) in screened(candidate, model: model, measured: { rates[$0] > 0 }).enumerated() {
            guard let (rows, after, slots) = screen else { continue }
            for (k, row) in rows.enumerated() {
                for t in slots.indices {
                    let was = before[a].compromised(row: row, target: t)
                    let isNow = slots[t].map { after.compromised(row: k, target: $0) } ?? false
                    if was != isNow { difference[row] += (was ? 1 : -1) * rates[a] * weights[t] }
                }
            }
        }
        let sum = difference.reduce(0, +)
        let sumOfSquares = difference.reduce(0) { $0 + $1 * $1 }
        let mean = sum / Double(n)
        let half = Statistics.pairedHalfWidth(sum: sum, sumOfSquares: sumOfSquares, count: n)
        return PairedReduction(mean: mean, lower: mean - half, upper: mean + half)
    }

    /// `reduction(by:model:weights:)` of every candidate, the candidates spread over the cores
    /// (each screened on one thread); the same values as one after the other.
    func reductions(by candidates: [PlanCandidate], model: PlantModel, weights: [Double]) -> [PairedReduction?] {
        let alone = oneThreadEach(candidates.count)
        return ParallelMap.map(count: candidates.count, threads: settings.threads) { i in
            alone.reduction(by: candidates[i], model: model, weights: weights)
        }
    }

    /// This plan, its screens on one thread when `count` candidates share the cores.
    private func oneThreadEach(_ count: Int) -> ScreeningPlan {
        var plan = self
        if count > 1 { plan.settings.threads = 1 }
        return plan
    }

    /// `compromisesRemoved(by:model:)` of every candidate, spread over the cores.
    func compromisesRemoved(by candidates: [PlanCandidate], model: PlantModel) -> [[Int]] {
        let alone = oneThreadEach(candidates.count)
        return ParallelMap.map(count: candidates.count, threads: settings.threads) { i in
            alone.compromisesRemoved(by: candidates[i], model: model)
        }
    }

    /// Per attacker: the compromises (trials × targets) the candidate removes, net of those it adds.
    func compromisesRemoved(by candidate: PlanCandidate, model: PlantModel) -> [Int] {
        guard let before = set.perTrial else { return [] }
        return screened(candidate, model: model).enumerated().map { a, screen in
            guard let (rows, after, slots) = screen else { return 0 }
            var removed = 0
            for (k, row) in rows.enumerated() {
                for t in slots.indices {
                    let was = before[a].compromised(row: row, target: t)
                    let isNow = slots[t].map { after.compromised(row: k, target: $0) } ?? false
                    if was != isNow { removed += was ? 1 : -1 }
                }
            }
            return removed
        }
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
