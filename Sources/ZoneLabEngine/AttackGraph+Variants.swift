import ZoneLabSource

extension AttackGraph {
    /// The edges of this graph (indices into `edges`) that `variant` changes, when `variant` is
    /// this graph with some steps made no easier: the same nodes (ids and kinds, in order),
    /// entries, targets and horizon; every edge of `variant` is an edge of this graph with the same
    /// id and ends, whose feasibility `p` is no higher and whose time is no shorter for any draw
    /// (`TimeDistribution.isNeverFaster(than:)`), or which became infeasible; an edge `variant`
    /// drops counts as changed, and so does any change of `detect`. Nil when `variant` is not such
    /// a graph (a step made easier, a new step, another structure): then only a full run compares
    /// them.
    ///
    /// Under common random numbers (SPEC 3.1) a trial whose campaign takes none of these edges
    /// has the same outcome in both graphs (see `Simulator.screen`).
    public func slowedEdges(in variant: AttackGraph) -> [Int]? {
        guard nodes == variant.nodes, entries == variant.entries, targets == variant.targets,
            horizonHours == variant.horizonHours, variant.edges.count <= edges.count
        else { return nil }
        var kept = [Bool](repeating: false, count: edges.count)
        var changed: [Int] = []
        for (i, edge) in variant.edges.enumerated() {
            let index: Int
            if i < edges.count, edges[i].id == edge.id {
                index = i
            } else if let found = compact.edgeIndex[edge.id] {
                index = found
            } else {
                return nil  // a new step
            }
            let old = edges[index]
            guard !kept[index], old.from == edge.from, old.to == edge.to else { return nil }
            kept[index] = true
            if old.p == edge.p && old.ttc == edge.ttc && old.detect == edge.detect { continue }
            let noEasier = edge.p == 0 || (edge.p <= old.p && edge.ttc.isNeverFaster(than: old.ttc))
            guard noEasier else { return nil }
            changed.append(index)
        }
        for index in edges.indices where !kept[index] { changed.append(index) }
        return changed.sorted()
    }
}

extension TimeDistribution {
    /// Whether, drawn with the same uniform (inverse CDF), this time is never shorter than
    /// `other`'s: the quantile functions are ordered for every u. Conservative across families:
    /// only an instant `other`, or the same family with ordered parameters (a lognormal with the
    /// same sigma), counts.
    public func isNeverFaster(than other: TimeDistribution) -> Bool {
        switch (other, self) {
        case (.instant, _): true
        case (.fixed(let a), .fixed(let b)): b >= a
        case (.fixed(let a), .uniform(let lo, _)): lo >= a
        case (.exponential(let a), .exponential(let b)): b >= a
        case (.lognormal(let a, let s), .lognormal(let b, let t)): s == t && b >= a
        case (.uniform(let lo, let hi), .uniform(let lo2, let hi2)): lo2 >= lo && hi2 >= hi
        default: false
        }
    }
}
