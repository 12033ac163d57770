import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel

/// One attack path to one target, told as a short chain of stages for a card a manager can read
/// on a slide: where the attack starts, each conduit it passes, each asset it takes, with what
/// each step used (a CVE, a stolen credential, removable media, a transient asset) and its
/// MITRE ATT&CK for ICS technique.
public struct PathCard: Sendable, Hashable {
    /// An attacker that took the path, with the share of its compromises of the target.
    public struct Taker: Sendable, Hashable {
        public var attacker: String
        /// Compromised trials of the target by this attacker whose path this was.
        public var count: Int
        /// `count` over all the attacker's compromises of the target.
        public var share: Double
    }

    /// The target's id (an asset or a zone).
    public var target: String
    /// The path's edge ids, from the entry side.
    public var edges: [String]
    /// The attackers that took it, the largest share first.
    public var takers: [Taker]
    /// The compromises of the target by every attacker given, counted per trial and attacker.
    public var compromises: Int
    public var stages: [PathStage]

    /// The share of the target's compromises, all attackers together, that took this path.
    public var share: Double {
        compromises > 0 ? Double(takers.reduce(0) { $0 + $1.count }) / Double(compromises) : 0
    }
}

/// One box of a path card.
public struct PathStage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Where the attack (or a login's second branch) starts: a zone or an asset.
        case start
        /// A conduit (or a channel of one) passed, with the FR barriers overcome.
        case conduit
        /// A zone reached without taking an asset there.
        case zone
        /// An asset taken.
        case asset
        /// A credential harvested.
        case credential
        /// Removable media, an entry of its own.
        case media
    }

    public var kind: Kind
    /// The model id the stage stands for (zone, conduit, asset or credential).
    public var id: String
    /// The plant's name for it.
    public var title: String
    /// A second line: the zone of an asset, the barriers of a conduit.
    public var detail: String?
    /// What the steps of this stage used: `CVE-2024-1234`, `credential Vendor VPN accounts`,
    /// `removable media`, `transient asset Engineering laptop`.
    public var used: [String]
    /// The ATT&CK for ICS technique ids of its steps, in order, each once.
    public var techniques: [String]
    /// The stage does not follow the one before it: a login's second branch starts here.
    public var startsBranch = false
    /// An earlier stage (a harvested credential) that also leads here.
    public var joins: Int?

    public init(
        kind: Kind, id: String, title: String, detail: String? = nil, used: [String] = [], techniques: [String] = []
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.detail = detail
        self.used = used
        self.techniques = techniques
    }
}

/// Makes path cards from the compiled plant: the step and technique of every edge id come
/// from the attack skeleton, the words from the scenario.
public struct PathCardMaker: Sendable {
    let scenario: Scenario
    let steps: [String: (step: AttackStep, technique: String)]

    public init(scenario: Scenario, skeleton: AttackSkeleton) {
        self.scenario = scenario
        steps = Dictionary(
            skeleton.edges.map { ($0.id, (step: $0.step, technique: $0.technique.id)) }, uniquingKeysWith: { a, _ in a }
        )
    }

    /// The cards of one target: the distinct paths among every attacker's top paths, the one
    /// most compromises took first (all attackers together; then by edge ids), at most `limit`.
    /// - Complexity: O(attackers · paths · path length).
    public func cards(target: String, evidence: [AttackEvidence], limit: Int) -> [PathCard] {
        var takers: OrderedDictionary<[String], [PathCard.Taker]> = [:]
        var compromises = 0
        for attacker in evidence {
            guard let line = attacker.targets.first(where: { $0.id == target }), line.compromised > 0 else { continue }
            compromises += line.compromised
            for path in line.paths where path.count > 0 {
                takers[path.edges, default: []].append(
                    PathCard.Taker(
                        attacker: attacker.attacker, count: path.count,
                        share: Double(path.count) / Double(line.compromised)))
            }
        }
        let cards = takers.map { edges, list in
            PathCard(
                target: target, edges: edges, takers: list.sorted { $0.share > $1.share }, compromises: compromises,
                stages: stages(of: edges))
        }
        return Array(
            cards.sorted { a, b in
                a.share != b.share ? a.share > b.share : a.edges.lexicographicallyPrecedes(b.edges)
            }.prefix(max(0, limit)))
    }

    func name(ofAsset id: String) -> String { scenario.assets[id]?.name ?? id }
    func name(ofZone id: String) -> String { scenario.zones[id]?.name ?? id }
    func name(ofConduit id: String) -> String { scenario.conduits[id]?.name ?? id }
    func name(ofCredential id: String) -> String { scenario.credentials[id]?.name ?? id }

    /// A zone or an asset as a stage.
    func place(_ id: String, kind: PathStage.Kind) -> PathStage {
        if let asset = scenario.assets[id] {
            return PathStage(kind: kind, id: id, title: asset.name, detail: name(ofZone: asset.zone))
        }
        let level = scenario.zones[id]?.levelText.map { "Purdue level \($0)" }
        return PathStage(kind: kind == .asset ? .zone : kind, id: id, title: name(ofZone: id), detail: level)
    }

    /// Where a path (or a login's second branch) whose first step is `step` starts.
    func start(of step: AttackStep) -> PathStage {
        switch step {
        case .exploit(let asset, _):
            return place(scenario.assets[asset]?.zone ?? asset, kind: .start)
        case .cross(_, let from, _, _, _):
            return place(from, kind: .start)
        case .channel(let c, let cid, _, _), .enter(let c, let cid, _, _):
            return place(scenario.conduits[c]?.channel(withCID: cid)?.from ?? c, kind: .start)
        case .pivot(let asset, _), .harvest(_, let asset), .visit(let asset, _):
            return place(asset, kind: .start)
        case .media:
            return PathStage(
                kind: .media, id: EdgeID.mediaNode, title: "Removable media", detail: "USB, portable devices")
        case .login(_, let through, _), .preauth(_, let through, _):
            if let asset = scenario.assets[through] { return place(asset.zone, kind: .start) }
            switch EdgeID(through + "/IAC") {
            case .cross(_, let from, _, _)?: return place(from, kind: .start)
            case .channel(let c, let cid, _)?:
                return place(scenario.conduits[c]?.channel(withCID: cid)?.from ?? c, kind: .start)
            default: return place(through, kind: .start)
            }
        }
    }
}
