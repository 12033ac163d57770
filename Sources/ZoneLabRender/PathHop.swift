import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel

/// Where a drawn hop starts or ends: a zone (network presence) or an asset (control of it).
public enum PathEnd: Sendable, Hashable {
    case zone(String)
    case asset(String)
}

/// One drawn arrow of an attack path: a conduit traversal (its per-FR barriers collapsed into
/// one hop, landing on the asset taken next when there is one) or a move inside a zone.
public struct PathHop: Sendable, Hashable {
    public var from: PathEnd
    public var to: PathEnd
    /// The conduit crossed; nil for a step inside a zone.
    public var conduit: String?

    public init(from: PathEnd, to: PathEnd, conduit: String?) {
        self.from = from
        self.to = to
        self.conduit = conduit
    }

    /// The hops of a path of edge ids, in order, and how many of its ids could not be placed
    /// in `scenario` (unknown forms or model ids).
    ///
    /// `exploit:A` lands on A (from the zone, or from the asset held in that zone: lateral
    /// movement); `pivot:A` keeps A as the foothold in its zone; `cross:C:Z1>Z2/…` goes from the
    /// foothold (or zone Z1) into zone Z2, drawn straight onto the asset exploited next in Z2;
    /// `channel:C:i/…` with its `enter:C:i…` goes from the foothold (or the channel's `from`)
    /// to the channel's `to`.
    public static func trace(_ edges: [String], in scenario: Scenario) -> (hops: [PathHop], unplaced: Int) {
        var tracer = Tracer(scenario: scenario)
        for id in edges { tracer.step(id) }
        tracer.flush()
        return (tracer.hops, tracer.unplaced)
    }

    struct Tracer {
        let scenario: Scenario
        var hops: [PathHop] = []
        var unplaced = 0
        var position: PathEnd?
        /// A traversal that arrived in a zone, waiting to see whether an asset there is taken next.
        var pending: (from: PathEnd, conduit: String, zone: String)?
        /// The traversal whose later barriers are part of the hop already drawn.
        var traversal: String?

        init(scenario: Scenario) {
            self.scenario = scenario
        }

        func end(_ id: String) -> PathEnd? {
            if scenario.assets[id] != nil { return .asset(id) }
            if scenario.zones[id] != nil { return .zone(id) }
            return nil
        }

        mutating func add(_ hop: PathHop) {
            if hop.from != hop.to { hops.append(hop) }
        }

        mutating func flush() {
            if let p = pending {
                add(PathHop(from: p.from, to: .zone(p.zone), conduit: p.conduit))
                pending = nil
            }
        }

        /// Control of asset `a` without a hop drawn (a pivot, a harvest, a USB stick): the next
        /// hop starts there. An asset the scenario does not have is counted as unplaced.
        mutating func standOn(_ a: String) {
            guard scenario.assets[a] != nil else {
                unplaced += 1
                return
            }
            flush()
            position = .asset(a)
            traversal = nil
        }

        mutating func step(_ id: String) {
            guard let step = EdgeID(id) else {
                unplaced += 1
                return
            }
            self.step(step)
        }

        mutating func step(_ step: EdgeID) {
            switch step {
            case .exploit(let a):
                guard let zone = scenario.assets[a]?.zone else {
                    unplaced += 1
                    return
                }
                if let p = pending, p.zone == zone {
                    add(PathHop(from: p.from, to: .asset(a), conduit: p.conduit))
                    pending = nil
                } else {
                    flush()
                    add(PathHop(from: position ?? .zone(zone), to: .asset(a), conduit: nil))
                }
                position = .asset(a)
                traversal = nil
            case .pivot(let a):
                standOn(a)
            case .cross(let c, let z1, let z2, _):
                let key = EdgeID.traversal(conduit: c, from: z1, to: z2)
                if traversal == key { return }
                guard scenario.zones[z1] != nil, scenario.zones[z2] != nil else {
                    unplaced += 1
                    return
                }
                flush()
                pending = (position ?? .zone(z1), c, z2)
                position = .zone(z2)
                traversal = key
            case .channel(let c, let cid, _), .enter(let c, let cid):
                let key = EdgeID.traversal(conduit: c, channel: cid)
                if traversal == key { return }
                guard let channel = scenario.conduits[c]?.channel(withCID: cid),
                    let from = end(channel.from), let to = end(channel.to)
                else {
                    unplaced += 1
                    return
                }
                flush()
                let start = position ?? from
                if case .zone(let z) = to {
                    pending = (start, c, z)
                } else {
                    add(PathHop(from: start, to: to, conduit: c))
                }
                position = to
                traversal = key
            case .harvest, .login, .media, .visit, .preauth:
                toolkitStep(step)
            }
        }
    }
}
