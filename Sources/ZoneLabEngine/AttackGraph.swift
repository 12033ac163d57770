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

        public init(
            id: String, from: Int, to: Int, p: Double = 1, ttc: TimeDistribution = .instant,
            technique: String? = nil, label: String? = nil
        ) {
            self.id = id
            self.from = from
            self.to = to
            self.p = p
            self.ttc = ttc
            self.technique = technique
            self.label = label
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
        precondition(Set(nodes.map(\.id)).count == nodes.count, "duplicate node id")
        precondition(Set(edges.map(\.id)).count == edges.count, "duplicate edge id")
        precondition(edges.allSatisfy { nodes.indices.contains($0.from) && nodes.indices.contains($0.to) })
        precondition(entries.allSatisfy(nodes.indices.contains) && targets.allSatisfy(nodes.indices.contains))
        precondition(horizonHours > 0 && horizonHours.isFinite)
        self.nodes = nodes
        self.edges = edges
        self.entries = entries
        self.targets = targets
        self.horizonHours = horizonHours
        compact = CompactGraph(nodes: nodes, edges: edges, entries: entries, targets: targets)
    }

    /// The same graph with another horizon.
    public func with(horizonHours: Double) -> AttackGraph {
        AttackGraph(nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizonHours)
    }

    /// The index of the node with this id.
    public func nodeIndex(of id: String) -> Int? { compact.nodeIndex[id] }

    /// The index of the edge with this id.
    public func edgeIndex(of id: String) -> Int? { compact.edgeIndex[id] }
}

/// One out-edge as the per-trial loop reads it: everything in 48 contiguous bytes.
@usableFromInline
struct PackedEdge: Sendable {
    @usableFromInline var key: UInt64
    @usableFromInline var p: Double
    @usableFromInline var a: Double
    @usableFromInline var b: Double
    @usableFromInline var to: Int32
    @usableFromInline var edge: Int32
    @usableFromInline var rank: Int32
    @usableFromInline var kind: UInt8
}

/// CSR adjacency and per-node flags, built once per graph.
struct CompactGraph: Sendable {
    /// Out-edges of node `v` are `out[outStart[v] ..< outStart[v + 1]]`.
    let outStart: [Int32]
    let out: [PackedEdge]
    /// Source node of each edge (by edge index), to walk winning edges back.
    let edgeFrom: [Int32]
    /// Position of each edge's id in UTF-8 byte order: ties between equal candidates go to the
    /// smaller id, and paths sort by these ranks.
    let edgeRank: [Int32]
    let isAnd: [Bool]
    let inDegree: [Int32]
    let isEntry: [Bool]
    /// For each node, its position among the targets, or -1.
    let targetSlot: [Int32]
    let entries: [Int32]
    let nodeIndex: [String: Int]
    let edgeIndex: [String: Int]

    init(nodes: [AttackGraph.Node], edges: [AttackGraph.Edge], entries: [Int], targets: [Int]) {
        let n = nodes.count
        let order = edges.indices.sorted { edges[$0].id.utf8.lexicographicallyPrecedes(edges[$1].id.utf8) }
        var rank = [Int32](repeating: 0, count: edges.count)
        for (position, e) in order.enumerated() { rank[e] = Int32(position) }
        edgeRank = rank

        var counts = [Int32](repeating: 0, count: n + 1)
        var inDegree = [Int32](repeating: 0, count: n)
        for edge in edges {
            counts[edge.from + 1] += 1
            inDegree[edge.to] += 1
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        outStart = counts
        var cursor = Array(counts.dropLast())
        let blank = PackedEdge(key: 0, p: 0, a: 0, b: 0, to: 0, edge: 0, rank: 0, kind: 0)
        var out = [PackedEdge](repeating: blank, count: edges.count)
        // Within a node, out-edges in id order: any order gives the same labels; this one is stable.
        for e in order {
            let edge = edges[e]
            let packed = edge.ttc.packed
            out[Int(cursor[edge.from])] = PackedEdge(
                key: EdgeDraws.key(forEdgeID: edge.id), p: edge.p, a: packed.a, b: packed.b,
                to: Int32(edge.to), edge: Int32(e), rank: rank[e], kind: packed.kind)
            cursor[edge.from] += 1
        }
        self.out = out
        edgeFrom = edges.map { Int32($0.from) }
        isAnd = nodes.map { $0.kind == .and }
        self.inDegree = inDegree
        var isEntry = [Bool](repeating: false, count: n)
        for e in entries { isEntry[e] = true }
        self.isEntry = isEntry
        var slot = [Int32](repeating: -1, count: n)
        for (i, t) in targets.enumerated() where slot[t] < 0 { slot[t] = Int32(i) }
        targetSlot = slot
        self.entries = Array(Set(entries)).sorted().map(Int32.init)
        nodeIndex = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        edgeIndex = Dictionary(uniqueKeysWithValues: edges.enumerated().map { ($1.id, $0) })
    }
}
