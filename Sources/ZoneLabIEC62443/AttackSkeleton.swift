import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// The attack graph of a plant before an attacker is chosen: nodes, and edges with the
/// protection (SL 0–4) each step meets. `graph(for:)` turns protection into `p` and `ttc`.
public struct AttackSkeleton: Sendable {
    /// One step: its stable id, ends, and either a protection level or "instant, certain".
    public struct Edge: Sendable, Hashable {
        public var id: String
        public var from: Int
        public var to: Int
        /// Nil for certain, instant steps (pivots, arriving in a zone).
        public var protection: Int?
        /// Whether attackers without IACS-specific skill meet raised protection here.
        public var needsIACSSkill: Bool
        public var step: AttackStep
        public var technique: AttackTechnique
        public var label: String
        /// The monitoring level (TRE SL-A) where the step acts, 0 for none (SPEC 3.4).
        public var monitoring: Int = 0
        /// A time law of its own, whatever the attacker (a transient visit's exponential, SPEC
        /// 3.5); only for steps without protection (p = 1).
        public var fixedTTC: TimeDistribution?
    }

    public let nodes: [AttackGraph.Node]
    public let edges: [Edge]
    /// Node index by id (`zone:`, `asset:`, `reach:`, `gate:`).
    public let nodeIndex: [String: Int]
    /// The targets' model ids (asset or zone) in order, and their nodes.
    public let targetIDs: [String]
    public let targetNodes: [Int]
    public let calibration: Calibration

    init(nodes: [AttackGraph.Node], edges: [Edge], targetIDs: [String], calibration: Calibration) {
        self.nodes = nodes
        self.edges = edges
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        nodeIndex = index
        self.targetIDs = targetIDs
        targetNodes = targetIDs.map { index["asset:\($0)"] ?? index["zone:\($0)"]! }
        self.calibration = calibration
    }

    /// The node of a zone or asset id used as an entry or target.
    public func node(ofModelID id: String) -> Int? {
        nodeIndex["asset:\(id)"] ?? nodeIndex["zone:\(id)"]
    }

    /// The protection an attacker of `capability` meets on edge `e`, after the IACS-skill rule.
    public func protection(of e: Edge, capability: Int) -> Int? {
        guard var level = e.protection else { return nil }
        if e.needsIACSSkill && capability < calibration.iacsCapability {
            level = min(4, level + calibration.iacsPenalty)
        }
        return level
    }

    /// The engine graph for one attacker: its capability sets `p` and `ttc` of every step,
    /// its entries are the graph's entries and its horizon applies. With `model` (the graph of
    /// another version of the plant), its compiled structure is shared when the shapes agree.
    public func graph(for attacker: ResolvedAttacker, like model: AttackGraph? = nil) -> AttackGraph {
        let graphEdges = edges.map { e -> AttackGraph.Edge in
            var p = 1.0
            var ttc = TimeDistribution.instant
            let detect = calibration.detection(capability: attacker.capability, monitoring: e.monitoring).map {
                Detection(p: $0.q, response: $0.response)
            }
            if let fixed = e.fixedTTC { ttc = fixed }
            if let level = protection(of: e, capability: attacker.capability) {
                let cell = calibration.cell(capability: attacker.capability, protection: level)
                p = cell.p
                ttc = cell.ttc
            }
            return AttackGraph.Edge(
                id: e.id, from: e.from, to: e.to, p: p, ttc: ttc, technique: e.technique.id, label: e.label,
                vulnerability: e.step.vulnerability, detect: detect)
        }
        var entries = attacker.entry.compactMap(node(ofModelID:))
        // SPEC 3.5: an attacker with removable media also starts at `media`.
        if attacker.media, let media = nodeIndex[EdgeID.mediaNode] { entries.append(media) }
        if let model {
            return AttackGraph(
                nodes: nodes, edges: graphEdges, entries: entries, targets: targetNodes,
                horizonHours: attacker.horizonHours, like: model)
        }
        return AttackGraph(
            nodes: nodes, edges: graphEdges, entries: entries, targets: targetNodes,
            horizonHours: attacker.horizonHours)
    }
}
