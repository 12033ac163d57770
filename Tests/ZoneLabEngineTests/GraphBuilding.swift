import ZoneLabEngine
import ZoneLabSource

/// Builds small graphs by node name for tests.
struct G {
    var nodes: [AttackGraph.Node] = []
    var edges: [AttackGraph.Edge] = []

    mutating func node(_ id: String, _ kind: AttackGraph.NodeKind = .or) -> Int {
        if let i = nodes.firstIndex(where: { $0.id == id }) { return i }
        nodes.append(.init(id: id, kind: kind))
        return nodes.count - 1
    }

    mutating func edge(_ id: String, _ from: String, _ to: String, p: Double = 1, _ ttc: TimeDistribution = .instant) {
        let f = node(from)
        let t = node(to)
        edges.append(.init(id: id, from: f, to: t, p: p, ttc: ttc))
    }

    func graph(entry: [String], targets: [String], horizon: Double = 1e9) -> AttackGraph {
        AttackGraph(
            nodes: nodes, edges: edges,
            entries: entry.map { id in nodes.firstIndex { $0.id == id }! },
            targets: targets.map { id in nodes.firstIndex { $0.id == id }! },
            horizonHours: horizon)
    }
}

extension AttackGraph {
    func simulate(trials: Int, seed: UInt64 = 1, threads: Int? = 1) -> SimulationOutcome {
        Simulator(graph: self, seed: seed, threads: threads).run(TrialPlan(count: trials))
    }
}

/// Within `k` standard errors of a binomial proportion at `n` trials (at least one part in n).
func withinStandardErrors(_ observed: Double, exact: Double, trials n: Int, k: Double = 4) -> Bool {
    let se = (exact * (1 - exact) / Double(n)).squareRoot()
    return abs(observed - exact) <= max(k * se, 1 / Double(n))
}
