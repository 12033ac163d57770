import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel

/// The top paths of one attacker over all targets, as hops with the share of compromises
/// (counted per trial and target) that took each: what the paths picture draws.
public struct PathFlow: Sendable {
    public struct WeightedHop: Sendable, Hashable {
        public var hop: PathHop
        /// Compromised trials (summed over targets) whose drawn path has this hop.
        public var count: Int
        /// `count` over all compromises of the attacker.
        public var share: Double
    }

    /// Heaviest first.
    public var hops: [WeightedHop]
    /// Assets and zones the drawn paths touch: the ends of their hops, and the assets a step
    /// takes or uses without a hop of its own (removable media into an asset, a harvest).
    public var assets: Set<String>
    public var zones: Set<String>
    public var conduits: Set<String>
    /// Per conduit: compromised trials whose drawn path crosses it.
    public var conduitCounts: [String: Int]
    /// All compromises of the attacker over the targets (the denominator of every share).
    public var total: Int
    /// Edge ids that could not be placed in the scenario (e.g. results of another version).
    public var unplacedEdges: Int

    /// The share of all compromises that `count` stands for.
    public func share(_ count: Int) -> Double {
        total > 0 ? Double(count) / Double(total) : 0
    }

    public init(_ evidence: AttackEvidence, scenario: Scenario) {
        var counts: [PathHop: Int] = [:]
        var order: [PathHop] = []
        var unplaced = 0
        var conduitCounts: [String: Int] = [:]
        for target in evidence.targets {
            for path in target.paths where path.count > 0 {
                let (pathHops, missing) = PathHop.trace(path.edges, in: scenario)
                unplaced += missing
                var seen = Set<PathHop>()
                for hop in pathHops where seen.insert(hop).inserted {
                    if counts[hop] == nil { order.append(hop) }
                    counts[hop, default: 0] += path.count
                }
                for c in Set(pathHops.compactMap(\.conduit)) {
                    conduitCounts[c, default: 0] += path.count
                }
            }
        }
        total = evidence.totalCompromised
        let denominator = Double(max(1, total))
        var hops = order.map { WeightedHop(hop: $0, count: counts[$0]!, share: Double(counts[$0]!) / denominator) }
        // Stable: heaviest first, then first seen.
        hops = hops.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        self.hops = hops
        var assets = Set<String>()
        var zones = Set<String>()
        var conduits = Set<String>()
        for h in hops {
            for end in [h.hop.from, h.hop.to] {
                switch end {
                case .asset(let a):
                    assets.insert(a)
                    if let z = scenario.assets[a]?.zone { zones.insert(z) }
                case .zone(let z):
                    zones.insert(z)
                }
            }
            if let c = h.hop.conduit { conduits.insert(c) }
        }
        for target in evidence.targets {
            for path in target.paths where path.count > 0 {
                for id in path.edges {
                    guard let a = EdgeID(id)?.asset, let zone = scenario.assets[a]?.zone else { continue }
                    assets.insert(a)
                    zones.insert(zone)
                }
            }
        }
        self.assets = assets
        self.zones = zones
        self.conduits = conduits
        self.conduitCounts = conduitCounts
        unplacedEdges = unplaced
    }
}
