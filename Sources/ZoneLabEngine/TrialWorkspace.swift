import ZoneLabSource

/// One node's label and bookkeeping in the current trial: 24 bytes, one cache line access.
struct NodeState {
    /// Time of the best candidate so far (the label once settled).
    var t: Double
    /// Steps of the best candidate.
    var h: Int32
    /// Position in `CompactGraph.out` of the winning in-edge (-1 for entries and unreached nodes).
    var win: Int32
    /// `and` nodes: in-edges still to come; `lost` once the node cannot be reached in time;
    /// `settled` once its label is final (any node).
    var remaining: Int32
    /// The trial this state belongs to; any other value means "untouched this trial".
    var stamp: UInt32

    static let lost: Int32 = -1
    static let settled: Int32 = .min
}

/// A heap entry: a candidate label for a node.
struct HeapEntry {
    var t: Double
    var h: Int32
    var node: Int32
}

/// A binary min-heap of candidate labels, ordered by (t, h), over storage the workspace owns.
struct CandidateHeap {
    let storage: UnsafeMutableBufferPointer<HeapEntry>
    var count = 0

    var isEmpty: Bool {
        @inline(__always) get { count == 0 }
    }

    @inline(__always)
    mutating func push(_ t: Double, _ h: Int32, _ v: Int32) {
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = storage[parent]
            if p.t < t || (p.t == t && p.h <= h) { break }
            storage[i] = p
            i = parent
        }
        storage[i] = HeapEntry(t: t, h: h, node: v)
    }

    @inline(__always)
    mutating func pop() -> HeapEntry {
        let top = storage[0]
        count -= 1
        if count > 0 {
            let last = storage[count]
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= count { break }
                var c = l
                let r = l + 1
                if r < count
                    && (storage[r].t < storage[l].t || (storage[r].t == storage[l].t && storage[r].h < storage[l].h))
                {
                    c = r
                }
                if last.t < storage[c].t || (last.t == storage[c].t && last.h <= storage[c].h) { break }
                storage[i] = storage[c]
                i = c
            }
            storage[i] = last
        }
        return top
    }
}

/// The scratch state of one worker: per-node labels and a binary heap, allocated once when the
/// worker starts, reused for every trial it runs and freed when it ends. Node state is
/// invalidated lazily by a trial stamp, so starting a trial costs nothing however large the graph.
final class TrialWorkspace {
    let nodes: UnsafeMutableBufferPointer<NodeState>
    private let heap: UnsafeMutableBufferPointer<HeapEntry>
    /// Per out-edge slot: the trial in which the campaign walk last listed it (campaign walks only).
    let campaignMark: UnsafeMutableBufferPointer<UInt32>
    /// The campaign walk's stack of nodes (campaign walks only).
    let campaignStack: UnsafeMutableBufferPointer<Int32>
    /// Marks and frames of derivation walks (graphs with `and` nodes only).
    let derivation: DerivationScratch
    private(set) var currentStamp: UInt32 = 0
    /// Edges relaxed (examined from a settled node), for throughput figures.
    private(set) var relaxations = 0
    /// Edges whose random numbers were drawn (the rest could not win and were skipped).
    private(set) var draws = 0

    /// `campaign`: whether trials walk their campaign (alarms, or campaign tags), so that the walk
    /// needs its buffers;
    /// `derivations`: whether it has `and` nodes, so that paths are derivation walks (SPEC 3.1).
    init(nodeCount n: Int, edgeCount m: Int, campaign: Bool = false, derivations: Bool = false) {
        derivation = DerivationScratch(edgeCount: m, active: derivations)
        nodes = .allocate(capacity: n)
        nodes.initialize(repeating: NodeState(t: .infinity, h: .max, win: -1, remaining: 0, stamp: 0))
        heap = .allocate(capacity: n + m + 1)
        heap.initialize(repeating: HeapEntry(t: 0, h: 0, node: 0))
        campaignMark = .allocate(capacity: campaign ? m : 0)
        campaignMark.initialize(repeating: 0)
        campaignStack = .allocate(capacity: campaign ? n + m + 1 : 0)
        campaignStack.initialize(repeating: 0)
    }

    deinit {
        nodes.deallocate()
        heap.deallocate()
        campaignMark.deallocate()
        campaignStack.deallocate()
    }

    /// Runs trial `trial` and writes, per target slot, the time of compromise (+inf if not
    /// within the horizon) and a 64-bit fingerprint of the path into `times` and `hashes`.
    /// With `needed` (one flag per target slot), the trial stops once the flagged targets are
    /// settled (their labels and paths are final then; the other slots may be left unsettled).
    ///
    /// A label-setting (Dijkstra) search over (T, H) labels: `or` nodes take the smallest
    /// candidate, `and` nodes the largest once every in-edge is in; ties go to fewer steps, then
    /// the smaller edge id. Edges are sampled lazily, only when their candidate could matter.
    ///
    /// - Complexity: O((V' + E') log E') for the V' nodes settled and E' edges relaxed before
    ///   every target is settled or the clock passes the horizon.
    func run(
        _ g: CompactGraph.View, horizon: Double, seed: UInt64, trial: UInt64, targetCount: Int,
        times: UnsafeMutableBufferPointer<Double>, hashes: UnsafeMutableBufferPointer<UInt64>,
        needed: UnsafeBufferPointer<Bool>? = nil
    ) {
        for i in 0..<targetCount {
            times[i] = .infinity
            hashes[i] = 0
        }
        currentStamp &+= 1
        if currentStamp == 0 {  // wrapped: clear for real once every 4 billion trials
            for i in nodes.indices { nodes[i].stamp = 0 }
            for i in campaignMark.indices { campaignMark[i] = 0 }
            currentStamp = 1
        }
        let cur = currentStamp
        let state = nodes
        var heap = CandidateHeap(storage: self.heap)
        var relaxations = 0
        var draws = 0
        var targetsLeft = needed.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? targetCount
        defer {
            self.relaxations &+= relaxations
            self.draws &+= draws
        }

        @inline(__always) func touch(_ v: Int) {
            if state[v].stamp != cur {
                state[v] = NodeState(t: .infinity, h: .max, win: -1, remaining: g.inDegree[v], stamp: cur)
            }
        }

        for e in g.entries {
            let v = Int(e)
            touch(v)
            state[v].t = 0
            state[v].h = 0
            heap.push(0, 0, e)
        }

        while !heap.isEmpty {
            let top = heap.pop()
            let t = top.t
            let h = top.h
            let v = Int(top.node)
            if state[v].remaining == NodeState.settled || t != state[v].t || h != state[v].h { continue }  // stale
            if t > horizon { return }
            state[v].remaining = NodeState.settled
            let slot = Int(g.targetSlot[v])
            if slot >= 0 {
                times[slot] = t
                // Fingerprint of the path: the winning chain walked back from the target, or,
                // through `and` nodes, the derivation in its order (SPEC 3.1).
                var fingerprint: UInt64 = 0x9E37_79B9_7F4A_7C15
                if g.derivation.hasAnd {
                    derive(v, andNodes: g.derivation, slotFrom: g.slotFrom) { k in
                        fingerprint = SplitMix64.mix(fingerprint ^ UInt64(k))
                    }
                } else {
                    var node = v
                    while state[node].win >= 0 {
                        let k = Int(state[node].win)
                        fingerprint = SplitMix64.mix(fingerprint ^ UInt64(k))
                        node = Int(g.slotFrom[k])
                    }
                }
                hashes[slot] = fingerprint
                if needed?[slot] ?? true {
                    targetsLeft -= 1
                    if targetsLeft == 0 { return }
                }
            }
            let nextH = h + 1
            for k in Int(g.outStart[v])..<Int(g.outStart[v + 1]) {
                let edge = g.out[k]
                relaxations += 1
                if edge.flags & (PackedEdge.toEntry | PackedEdge.toDeadEnd) != 0 { continue }
                let w = Int(edge.to)
                touch(w)
                let target = state[w]
                if target.remaining == NodeState.settled { continue }
                let isAnd = edge.flags & PackedEdge.toAnd != 0
                // A node that is no target and leads only to settled nodes cannot change any
                // result: skip it without a draw (most assets, whose one way on is the pivot
                // back into the zone they were reached from).
                if g.targetSlot[w] < 0 {
                    var leadsOn = false
                    for j in Int(g.outStart[w])..<Int(g.outStart[w + 1]) {
                        let next = g.out[j]
                        let x = Int(next.to)
                        if next.flags & PackedEdge.toEntry == 0
                            && !(state[x].stamp == cur && state[x].remaining == NodeState.settled)
                        {
                            leadsOn = true
                            break
                        }
                    }
                    if !leadsOn { continue }
                }
                if isAnd {
                    if target.remaining == NodeState.lost { continue }
                } else if t > target.t
                    || (t == target.t
                        && (nextH > target.h || (nextH == target.h && edge.rank > g.rank(ofSlot: target.win))))
                {
                    continue  // a candidate is at least (t, h + 1): it cannot win, skip the draw
                }
                draws += 1
                let law = g.laws[Int(edge.law)]
                let (u1, u2) = EdgeDraws.uniforms(seed: seed, trial: trial, edgeKey: edge.key)
                var candidate = Double.infinity
                if u1 <= law.p {
                    candidate = t + TimeDistribution.time(kind: law.kind, a: law.a, b: law.b, u: u2)
                }
                if isAnd {
                    if candidate > horizon {  // infeasible, or too late: the node is lost
                        state[w].remaining = NodeState.lost
                        continue
                    }
                    if target.h == .max || candidate > target.t
                        || (candidate == target.t
                            && (nextH > target.h || (nextH == target.h && edge.rank < g.rank(ofSlot: target.win))))
                    {
                        state[w].t = candidate
                        state[w].h = nextH
                        state[w].win = Int32(k)
                    }
                    state[w].remaining -= 1
                    if state[w].remaining == 0 { heap.push(state[w].t, state[w].h, edge.to) }
                } else {
                    if candidate > horizon { continue }
                    if candidate < target.t
                        || (candidate == target.t
                            && (nextH < target.h || (nextH == target.h && edge.rank < g.rank(ofSlot: target.win))))
                    {
                        state[w].t = candidate
                        state[w].h = nextH
                        state[w].win = Int32(k)
                        heap.push(candidate, nextH, edge.to)
                    }
                }
            }
        }
    }

    /// The path to `node` after a `run` (SPEC 3.1), as edge indices from the entry side: the
    /// chain of winning in-edges, or through `and` nodes the derivation with every branch.
    func path(to node: Int, in g: CompactGraph) -> [Int] {
        if g.derivation.hasAnd {
            guard nodes[node].stamp == currentStamp else { return [] }
            var edges: [Int] = []
            g.slotFrom.withUnsafeBufferPointer { slotFrom in
                derive(node, andNodes: g.derivation, slotFrom: slotFrom) { edges.append(Int(g.slotEdge[$0])) }
            }
            return edges
        }
        var edges: [Int] = []
        var v = node
        while nodes[v].stamp == currentStamp, nodes[v].win >= 0 {
            let k = Int(nodes[v].win)
            edges.append(Int(g.slotEdge[k]))
            v = Int(g.slotFrom[k])
        }
        return edges.reversed()
    }
}
