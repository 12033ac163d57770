import ZoneLabSource

/// An attack graph: attacker states (nodes, `or` or `and`) and attack steps (edges with a
/// feasibility probability and a time to compromise), with entries, targets and a horizon.
///
/// Immutable once built; its compact form (CSR adjacency, packed edges) is shared by every
/// worker thread. Indices are dense `Int32`s; ids are kept for paths and output.
public struct AttackGraph: Sendable {
    /// How a node combines its in-edges.
    public enum NodeKind: String, Sendable, Hashable {
        /// Reached by the fastest in-edge.
        case or
        /// Reached when every in-edge is done, by the slowest.
        case and
    }

    public struct Node: Sendable, Hashable {
        public var id: String
        public var kind: NodeKind

        public init(id: String, kind: NodeKind = .or) {
            self.id = id
            self.kind = kind
        }
    }

    public struct Edge: Sendable, Hashable {
        public var id: String
        public var from: Int
        public var to: Int
        /// Probability that the step is feasible in a trial.
        public var p: Double
        public var ttc: TimeDistribution
        /// MITRE ATT&CK for ICS technique id, e.g. `T0886`.
        public var technique: String?
        /// Plain words for paths and pictures.
        public var label: String?
        /// The known weakness this step exploits, when one set its difficulty (a CVE id).
        public var vulnerability: String?
        /// The defender's chance to see this step and its response time (SPEC 3.4); nil: unseen.
        public var detect: Detection?

        public init(
            id: String, from: Int, to: Int, p: Double = 1, ttc: TimeDistribution = .instant,
            technique: String? = nil, label: String? = nil, vulnerability: String? = nil, detect: Detection? = nil
        ) {
            self.id = id
            self.from = from
            self.to = to
            self.p = p
            self.ttc = ttc
            self.technique = technique
            self.label = label
            self.vulnerability = vulnerability
            self.detect = detect
        }
    }

    public let nodes: [Node]
    public let edges: [Edge]
    public let entries: [Int]
    public let targets: [Int]
    public let horizonHours: Double
    /// The compact form the simulator runs on.
    let compact: CompactGraph

    /// Builds a graph; indices must be in range and ids unique (checked with `precondition`:
    /// callers validate input first, as `GraphFile` and the 62443 compiler do).
    public init(nodes: [Node], edges: [Edge], entries: [Int], targets: [Int], horizonHours: Double) {
        self.init(
            nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizonHours,
            nodeIndex: Self.index(nodes.indices.lazy.map { nodes[$0].id }, "duplicate node id"),
            edgeIndex: Self.index(edges.indices.lazy.map { edges[$0].id }, "duplicate edge id"))
    }

    /// The graph, given the index of its node ids and of its edge ids (each id to its position,
    /// as a reader that checked the ids for duplicates has built them).
    init(
        nodes: [Node], edges: [Edge], entries: [Int], targets: [Int], horizonHours: Double,
        nodeIndex: [String: Int], edgeIndex: [String: Int]
    ) {
        precondition(nodeIndex.count == nodes.count && edgeIndex.count == edges.count)
        precondition(
            edges.indices.allSatisfy { nodes.indices.contains(edges[$0].from) && nodes.indices.contains(edges[$0].to) })
        precondition(entries.allSatisfy(nodes.indices.contains) && targets.allSatisfy(nodes.indices.contains))
        precondition(horizonHours > 0 && horizonHours.isFinite)
        self.nodes = nodes
        self.edges = edges
        self.entries = entries
        self.targets = targets
        self.horizonHours = horizonHours
        compact = CompactGraph(
            nodes: nodes, edges: edges, entries: entries, targets: targets, nodeIndex: nodeIndex, edgeIndex: edgeIndex)
    }

    /// Each id to its position; traps with `duplicate` when an id repeats.
    private static func index(_ ids: some Collection<String>, _ duplicate: String) -> [String: Int] {
        var index: [String: Int] = Dictionary(minimumCapacity: ids.count)
        for (i, id) in ids.enumerated() { precondition(index.updateValue(i, forKey: id) == nil, duplicate) }
        return index
    }

    /// The same graph with another horizon.
    /// The graph of `nodes` and `edges`, sharing `model`'s compiled structure when they have the
    /// same shape (the same nodes, and edges with the same ids and ends in the same order), as
    /// variants of one plant do: only the steps' laws are packed again, without sorting or
    /// hashing the ids. Any other shape is compiled in full.
    public init(
        nodes: [Node], edges: [Edge], entries: [Int], targets: [Int], horizonHours: Double, like model: AttackGraph
    ) {
        guard nodes == model.nodes, entries == model.entries, targets == model.targets,
            edges.count == model.edges.count,
            zip(edges, model.edges).allSatisfy({ $0.from == $1.from && $0.to == $1.to && $0.id == $1.id })
        else {
            self.init(nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizonHours)
            return
        }
        precondition(horizonHours > 0 && horizonHours.isFinite)
        self.init(
            sharing: model.nodes, edges: edges, entries: model.entries, targets: model.targets,
            horizonHours: horizonHours, compact: model.compact.with(edges: edges))
    }

    private init(
        sharing nodes: [Node], edges: [Edge], entries: [Int], targets: [Int], horizonHours: Double,
        compact: CompactGraph
    ) {
        self.nodes = nodes
        self.edges = edges
        self.entries = entries
        self.targets = targets
        self.horizonHours = horizonHours
        self.compact = compact
    }

    public func with(horizonHours: Double) -> AttackGraph {
        AttackGraph(nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizonHours)
    }

    /// The index of the node with this id.
    public func nodeIndex(of id: String) -> Int? { compact.nodeIndex[id] }

    /// The index of the edge with this id.
    public func edgeIndex(of id: String) -> Int? { compact.edgeIndex[id] }
}

/// One out-edge as the per-trial loop reads it, in 24 bytes: the graph's out-edges stay in
/// the core's L2 cache for plants of 10,000 assets.
struct PackedEdge: Sendable {
    /// The edge's random-number key (from its id).
    var key: UInt64
    var to: Int32
    /// Position of the id in UTF-8 byte order.
    var rank: Int32
    /// Index into `CompactGraph.laws`.
    var law: UInt32
    /// `PackedEdge.toAnd` and `PackedEdge.toEntry` bits: the head node's flags, kept here so
    /// the loop does not look them up.
    var flags: UInt8

    static let toAnd: UInt8 = 1
    static let toEntry: UInt8 = 2
    /// The head is no target and every one of its out-edges leads back to this edge's tail:
    /// reaching it cannot change any result (an asset whose only way on is the pivot back into
    /// the zone it was taken from), so the loop skips it without touching its state.
    static let toDeadEnd: UInt8 = 4
}

/// A step's feasibility and time law, shared by every edge that has it (a compiled plant has
/// one per calibration cell in use).
struct StepLaw: Sendable, Hashable {
    var p: Double
    var kind: UInt8
    var a: Double
    var b: Double
}

/// The distinct step laws of a graph, each stored once; edges refer to them by index.
struct LawTable {
    private(set) var laws: [StepLaw] = []
    private var positions: [StepLaw: Int] = [:]

    /// The index of the law (`p`, `ttc`), added when new.
    mutating func index(p: Double, ttc: TimeDistribution) -> UInt32 {
        let packed = ttc.packed
        let law = StepLaw(p: p, kind: packed.kind, a: packed.a, b: packed.b)
        if let known = positions[law] { return UInt32(known) }
        positions[law] = laws.count
        laws.append(law)
        return UInt32(laws.count - 1)
    }
}

extension CompactGraph {
    /// The arrays the per-trial loop reads, as buffer pointers: no bounds checks beyond the
    /// buffers' own and no retain/release per access. Valid only inside `withUnsafeView`.
    struct View {
        let outStart: UnsafeBufferPointer<Int32>
        let out: UnsafeBufferPointer<PackedEdge>
        let laws: UnsafeBufferPointer<StepLaw>
        let slotFrom: UnsafeBufferPointer<Int32>
        let inDegree: UnsafeBufferPointer<Int32>
        let targetSlot: UnsafeBufferPointer<Int32>
        let entries: UnsafeBufferPointer<Int32>
        /// The in-edges of `and` nodes in id order, for paths as derivations (SPEC 3.1).
        let derivation: DerivationTable

        /// The id rank of the edge at `slot` of `out`; `Int32.max` for none (-1), so any edge beats it.
        @inline(__always)
        func rank(ofSlot slot: Int32) -> Int32 { slot < 0 ? .max : out[Int(slot)].rank }
    }

    /// Calls `body` with a view of the graph's arrays, which stay alive (and unchanged: they are
    /// constants) for the whole call. Meant to be taken once per worker, not per trial.
    func withUnsafeView<R>(_ body: (View) throws -> R) rethrows -> R {
        try outStart.withUnsafeBufferPointer { outStart in
            try out.withUnsafeBufferPointer { out in
                try laws.withUnsafeBufferPointer { laws in
                    try slotFrom.withUnsafeBufferPointer { slotFrom in
                        try inDegree.withUnsafeBufferPointer { inDegree in
                            try targetSlot.withUnsafeBufferPointer { targetSlot in
                                try entries.withUnsafeBufferPointer { entries in
                                    try body(
                                        View(
                                            outStart: outStart, out: out, laws: laws, slotFrom: slotFrom,
                                            inDegree: inDegree, targetSlot: targetSlot, entries: entries,
                                            derivation: derivation))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// CSR adjacency and per-node flags, built once per graph.
struct CompactGraph: Sendable {
    /// Out-edges of node `v` are `out[outStart[v] ..< outStart[v + 1]]`.
    let outStart: [Int32]
    let out: [PackedEdge]
    /// The distinct (p, ttc) laws of the edges.
    let laws: [StepLaw]
    /// For each position in `out`: the edge's index and its source node (to walk winning edges
    /// back; the loop records winners by position).
    let slotEdge: [Int32]
    let slotFrom: [Int32]
    let inDegree: [Int32]
    /// For each node, its position among the targets, or -1.
    let targetSlot: [Int32]
    let entries: [Int32]
    let nodeIndex: [String: Int]
    let edgeIndex: [String: Int]
    /// Alarm laws and in-edges for the containment post-filter (inactive without `detect`).
    let detection: DetectionTable
    /// The in-edges of `and` nodes in id order (SPEC 3.1 derivations).
    let derivation: DerivationTable

    private init(sharing base: CompactGraph, out: [PackedEdge], laws: [StepLaw], detection: DetectionTable) {
        outStart = base.outStart
        self.out = out
        self.laws = laws
        slotEdge = base.slotEdge
        slotFrom = base.slotFrom
        inDegree = base.inDegree
        targetSlot = base.targetSlot
        entries = base.entries
        nodeIndex = base.nodeIndex
        edgeIndex = base.edgeIndex
        self.detection = detection
        derivation = base.derivation
    }

    /// This structure with the laws and alarms of `edges` (the same edges, other `p`, `ttc`, `detect`).
    func with(edges: [AttackGraph.Edge]) -> CompactGraph {
        var laws = LawTable()
        var out = self.out
        for slot in out.indices {
            let e = Int(slotEdge[slot])
            out[slot].law = laws.index(p: edges[e].p, ttc: edges[e].ttc)
        }
        return CompactGraph(
            sharing: self, out: out, laws: laws.laws, detection: DetectionTable(edges: edges, slotEdge: slotEdge))
    }

    init(
        nodes: [AttackGraph.Node], edges: [AttackGraph.Edge], entries: [Int], targets: [Int],
        nodeIndex: [String: Int], edgeIndex: [String: Int]
    ) {
        let n = nodes.count
        // Edges are read field by field (`edges[e].to`), never copied whole: a copy retains
        // and releases each of its strings.
        let bytes = edges.indices.map { ContiguousArray(edges[$0].id.utf8) }
        let order = edges.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        var rank = [Int32](repeating: 0, count: edges.count)
        for (position, e) in order.enumerated() { rank[e] = Int32(position) }

        var counts = [Int32](repeating: 0, count: n + 1)
        var inDegree = [Int32](repeating: 0, count: n)
        for e in edges.indices {
            counts[edges[e].from + 1] += 1
            inDegree[edges[e].to] += 1
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        outStart = counts
        var cursor = Array(counts.dropLast())
        let blank = PackedEdge(key: 0, to: 0, rank: 0, law: 0, flags: 0)
        var slotEdge = [Int32](repeating: 0, count: edges.count)
        var slotFrom = [Int32](repeating: 0, count: edges.count)
        let entrySet = Set(entries)
        let targetSet = Set(targets)
        // For each node, its only out-neighbour when all its out-edges lead to one node
        // (-2: none at all, -1: several).
        var soleHead = [Int](repeating: -2, count: n)
        for e in edges.indices {
            let (from, to) = (edges[e].from, edges[e].to)
            let current = soleHead[from]
            soleHead[from] = current == -2 || current == to ? to : -1
        }
        var laws = LawTable()
        var out = [PackedEdge](repeating: blank, count: edges.count)
        // Within a node, out-edges in id order: any order gives the same labels; this one is stable.
        for e in order {
            let (from, to) = (edges[e].from, edges[e].to)
            let index = laws.index(p: edges[e].p, ttc: edges[e].ttc)
            let slot = Int(cursor[from])
            slotEdge[slot] = Int32(e)
            slotFrom[slot] = Int32(from)
            out[slot] = PackedEdge(
                key: EdgeDraws.key(forEdgeID: edges[e].id), to: Int32(to), rank: rank[e], law: index,
                flags: (nodes[to].kind == .and ? PackedEdge.toAnd : 0)
                    | (entrySet.contains(to) ? PackedEdge.toEntry : 0)
                    | (!targetSet.contains(to) && (soleHead[to] == -2 || soleHead[to] == from)
                        ? PackedEdge.toDeadEnd : 0))
            cursor[from] += 1
        }
        self.out = out
        self.laws = laws.laws
        self.slotEdge = slotEdge
        detection = DetectionTable(edges: edges, slotEdge: slotEdge)
        derivation = DerivationTable(nodes: nodes, edges: edges, slotEdge: slotEdge, rank: rank)
        self.slotFrom = slotFrom
        self.inDegree = inDegree
        var slot = [Int32](repeating: -1, count: n)
        for (i, t) in targets.enumerated() where slot[t] < 0 { slot[t] = Int32(i) }
        targetSlot = slot
        self.entries = Array(Set(entries)).sorted().map(Int32.init)
        self.nodeIndex = nodeIndex
        self.edgeIndex = edgeIndex
    }
}
