import ZoneLabSource

/// The in-edges of every `and` node in edge-id byte order (SPEC 3.1: a derivation lists them in
/// that order). Immutable once built; owns its buffers. Empty for a graph without `and` nodes,
/// whose paths stay the chains of winning in-edges of v1.
final class DerivationTable: @unchecked Sendable {
    /// Whether the graph has an `and` node: only then are paths derivations with branches.
    let hasAnd: Bool
    /// In-edge slots of `and` node `v`, by rank: `inSlot[inStart[v] ..< inStart[v + 1]]`;
    /// empty for `or` nodes.
    let inStart: UnsafeMutableBufferPointer<Int32>
    let inSlot: UnsafeMutableBufferPointer<Int32>

    init(nodes: [AttackGraph.Node], edges: [AttackGraph.Edge], slotEdge: [Int32], rank: [Int32]) {
        let n = nodes.count
        hasAnd = nodes.contains { $0.kind == .and }
        inStart = .allocate(capacity: hasAnd ? n + 1 : 0)
        inStart.initialize(repeating: 0)
        var slots: [Int32] = []
        if hasAnd {
            var perNode = [[Int32]](repeating: [], count: n)
            for slot in slotEdge.indices {
                let edge = edges[Int(slotEdge[slot])]
                if nodes[edge.to].kind == .and { perNode[edge.to].append(Int32(slot)) }
            }
            for v in 0..<n {
                perNode[v].sort { rank[Int(slotEdge[Int($0)])] < rank[Int(slotEdge[Int($1)])] }
                slots += perNode[v]
                inStart[v + 1] = Int32(slots.count)
            }
        }
        inSlot = .allocate(capacity: slots.count)
        _ = inSlot.initialize(from: slots)
    }

    deinit {
        inStart.deallocate()
        inSlot.deallocate()
    }
}

/// A worker's scratch for derivation walks: per out-edge slot the walk that last listed it, and
/// a stack of frames. Allocated once per worker, only for graphs with `and` nodes.
final class DerivationScratch {
    struct Frame {
        var node: Int32
        /// The next child to visit (an in-edge of an `and` node, or the winning in-edge).
        var position: Int32
        /// The edge slot that led here, listed once this node's derivation is done (-1 at the root).
        var pending: Int32
    }

    let mark: UnsafeMutableBufferPointer<UInt32>
    let stack: UnsafeMutableBufferPointer<Frame>
    var stamp: UInt32 = 0

    init(edgeCount m: Int, active: Bool) {
        mark = .allocate(capacity: active ? m : 0)
        mark.initialize(repeating: 0)
        stack = .allocate(capacity: active ? m + 1 : 0)
        stack.initialize(repeating: Frame(node: 0, position: 0, pending: -1))
    }

    deinit {
        mark.deallocate()
        stack.deallocate()
    }
}

extension TrialWorkspace {
    /// The derivation of `target` in the trial just run (SPEC 3.1), as out-edge slots from the
    /// entry side: for an `or` node the derivation of its winning in-edge's tail, then that edge;
    /// for an `and` node the same for each in-edge in edge-id byte order; depth first, each edge
    /// listed once, at its first position. Calls `emit` for each slot; allocates nothing.
    ///
    /// Labels strictly grow along winning and `and` in-edges, so the walk meets no cycle and the
    /// stack never holds more frames than there are edges.
    @inline(__always)
    func derive(
        _ target: Int, andNodes table: DerivationTable, slotFrom: UnsafeBufferPointer<Int32>, emit: (Int) -> Void
    ) {
        let scratch = derivation
        scratch.stamp &+= 1
        if scratch.stamp == 0 {
            for i in scratch.mark.indices { scratch.mark[i] = 0 }
            scratch.stamp = 1
        }
        let walk = scratch.stamp
        let cur = currentStamp
        let state = nodes
        var depth = 1
        scratch.stack[0] = .init(node: Int32(target), position: 0, pending: -1)
        while depth > 0 {
            let frame = scratch.stack[depth - 1]
            let v = Int(frame.node)
            var child: Int32 = -1
            if state[v].stamp == cur, state[v].win >= 0 {
                let lo = Int(table.inStart.isEmpty ? 0 : table.inStart[v])
                let hi = Int(table.inStart.isEmpty ? 0 : table.inStart[v + 1])
                if hi > lo {  // an `and` node: every in-edge
                    if lo + Int(frame.position) < hi { child = table.inSlot[lo + Int(frame.position)] }
                } else if frame.position == 0 {
                    child = state[v].win
                }
            }
            if child >= 0 {
                scratch.stack[depth - 1].position += 1
                if scratch.mark[Int(child)] != walk {
                    scratch.stack[depth] = .init(node: slotFrom[Int(child)], position: 0, pending: child)
                    depth += 1
                }
                continue
            }
            depth -= 1
            let pending = Int(frame.pending)
            if pending >= 0 && scratch.mark[pending] != walk {
                scratch.mark[pending] = walk
                emit(pending)
            }
        }
    }
}
