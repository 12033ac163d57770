/// The scratch state of one worker: per-node labels and a binary heap, allocated once and
/// reused for every trial the worker runs. Node state is invalidated lazily by a trial stamp,
/// so starting a trial costs nothing however large the graph.
@usableFromInline
struct TrialWorkspace {
    var stamp: [UInt32]
    var bestT: [Double]
    var bestH: [Int32]
    var bestRank: [Int32]
    /// Winning in-edge per node (-1 for entries).
    var win: [Int32]
    var settled: [Bool]
    /// `and` nodes: in-edges still to come; negative once the node cannot be reached.
    var remaining: [Int32]
    var heapT: [Double]
    var heapH: [Int32]
    var heapNode: [Int32]
    var heapCount = 0
    var currentStamp: UInt32 = 0
    /// Edge relaxations sampled, for throughput figures.
    var relaxations = 0

    init(nodeCount n: Int, edgeCount m: Int) {
        stamp = [UInt32](repeating: 0, count: n)
        bestT = [Double](repeating: .infinity, count: n)
        bestH = [Int32](repeating: .max, count: n)
        bestRank = [Int32](repeating: .max, count: n)
        win = [Int32](repeating: -1, count: n)
        settled = [Bool](repeating: false, count: n)
        remaining = [Int32](repeating: 0, count: n)
        let capacity = n + m + 1
        heapT = [Double](repeating: 0, count: capacity)
        heapH = [Int32](repeating: 0, count: capacity)
        heapNode = [Int32](repeating: 0, count: capacity)
    }

    /// Runs trial `trial` and writes, per target slot, the time of compromise (+inf if not
    /// within the horizon) and a 64-bit fingerprint of the path into `times` and `hashes`.
    ///
    /// - Complexity: O((V' + E') log E') for the V' nodes settled and E' edges relaxed before
    ///   every target is settled or the clock passes the horizon.
    mutating func run(
        _ g: CompactGraph, horizon: Double, seed: UInt64, trial: UInt64, targetCount: Int,
        times: UnsafeMutableBufferPointer<Double>, hashes: UnsafeMutableBufferPointer<UInt64>
    ) {
        for i in 0..<targetCount {
            times[i] = .infinity
            hashes[i] = 0
        }
        currentStamp &+= 1
        if currentStamp == 0 {  // wrapped: clear for real once every 4 billion trials
            for i in stamp.indices { stamp[i] = 0 }
            currentStamp = 1
        }
        let cur = currentStamp
        heapCount = 0
        var settledTargets = 0
        var localRelaxations = 0

        stamp.withUnsafeMutableBufferPointer { stamp in
        bestT.withUnsafeMutableBufferPointer { bestT in
        bestH.withUnsafeMutableBufferPointer { bestH in
        bestRank.withUnsafeMutableBufferPointer { bestRank in
        win.withUnsafeMutableBufferPointer { win in
        settled.withUnsafeMutableBufferPointer { settled in
        remaining.withUnsafeMutableBufferPointer { remaining in
        heapT.withUnsafeMutableBufferPointer { hT in
        heapH.withUnsafeMutableBufferPointer { hH in
        heapNode.withUnsafeMutableBufferPointer { hN in
        g.out.withUnsafeBufferPointer { out in
        g.outStart.withUnsafeBufferPointer { outStart in
        g.isAnd.withUnsafeBufferPointer { isAnd in
        g.isEntry.withUnsafeBufferPointer { isEntry in
        g.inDegree.withUnsafeBufferPointer { inDegree in
        g.targetSlot.withUnsafeBufferPointer { targetSlot in
        g.edgeFrom.withUnsafeBufferPointer { edgeFrom in
            var count = 0

            @inline(__always) func touch(_ v: Int) {
                if stamp[v] != cur {
                    stamp[v] = cur
                    bestT[v] = .infinity
                    bestH[v] = .max
                    bestRank[v] = .max
                    win[v] = -1
                    settled[v] = false
                    remaining[v] = inDegree[v]
                }
            }
            @inline(__always) func push(_ t: Double, _ h: Int32, _ v: Int32) {
                var i = count
                count += 1
                while i > 0 {
                    let parent = (i - 1) >> 1
                    let pt = hT[parent]
                    if pt < t || (pt == t && hH[parent] <= h) { break }
                    hT[i] = pt
                    hH[i] = hH[parent]
                    hN[i] = hN[parent]
                    i = parent
                }
                hT[i] = t
                hH[i] = h
                hN[i] = v
            }
            @inline(__always) func pop() -> (Double, Int32, Int32) {
                let top = (hT[0], hH[0], hN[0])
                count -= 1
                if count > 0 {
                    let t = hT[count], h = hH[count], v = hN[count]
                    var i = 0
                    while true {
                        let l = 2 * i + 1
                        if l >= count { break }
                        var c = l
                        let r = l + 1
                        if r < count && (hT[r] < hT[l] || (hT[r] == hT[l] && hH[r] < hH[l])) { c = r }
                        if t < hT[c] || (t == hT[c] && h <= hH[c]) { break }
                        hT[i] = hT[c]
                        hH[i] = hH[c]
                        hN[i] = hN[c]
                        i = c
                    }
                    hT[i] = t
                    hH[i] = h
                    hN[i] = v
                }
                return top
            }

            for e in g.entries {
                let v = Int(e)
                touch(v)
                bestT[v] = 0
                bestH[v] = 0
                push(0, 0, e)
            }

            while count > 0 {
                let (t, h, v32) = pop()
                let v = Int(v32)
                if settled[v] || t != bestT[v] || h != bestH[v] { continue }  // stale entry
                if t > horizon { break }
                settled[v] = true
                let slot = Int(targetSlot[v])
                if slot >= 0 {
                    times[slot] = t
                    // Fingerprint of the winning path, walked back from the target.
                    var fingerprint: UInt64 = 0x9E37_79B9_7F4A_7C15
                    var node = v
                    while win[node] >= 0 {
                        let e = Int(win[node])
                        fingerprint = SplitMix64.mix(fingerprint ^ UInt64(e))
                        node = Int(edgeFrom[e])
                    }
                    hashes[slot] = fingerprint
                    settledTargets += 1
                    if settledTargets == targetCount { break }
                }
                let nextH = h + 1
                for k in Int(outStart[v])..<Int(outStart[v + 1]) {
                    let edge = out[k]
                    let w = Int(edge.to)
                    if isEntry[w] { continue }
                    touch(w)
                    if settled[w] { continue }
                    if isAnd[w] {
                        if remaining[w] < 0 { continue }
                    } else {
                        // A candidate is at least (t, h + 1): skip the draw when that cannot win.
                        let bt = bestT[w]
                        if t > bt || (t == bt && (nextH > bestH[w] || (nextH == bestH[w] && edge.rank > bestRank[w]))) {
                            continue
                        }
                    }
                    localRelaxations += 1
                    let (u1, u2) = EdgeDraws.uniforms(seed: seed, trial: trial, edgeKey: edge.key)
                    var candidate = Double.infinity
                    if u1 <= edge.p {
                        let dt = TimeDistribution.time(kind: edge.kind, a: edge.a, b: edge.b, u: u2)
                        candidate = t + dt
                    }
                    if isAnd[w] {
                        if candidate > horizon {  // infeasible, or too late: the node is lost
                            remaining[w] = -1
                            continue
                        }
                        let bt = bestT[w]
                        if bestH[w] == .max || candidate > bt
                            || (candidate == bt && (nextH > bestH[w] || (nextH == bestH[w] && edge.rank < bestRank[w])))
                        {
                            bestT[w] = candidate
                            bestH[w] = nextH
                            bestRank[w] = edge.rank
                            win[w] = edge.edge
                        }
                        remaining[w] -= 1
                        if remaining[w] == 0 { push(bestT[w], bestH[w], edge.to) }
                    } else {
                        if candidate > horizon { continue }
                        let bt = bestT[w]
                        if candidate < bt
                            || (candidate == bt && (nextH < bestH[w] || (nextH == bestH[w] && edge.rank < bestRank[w])))
                        {
                            bestT[w] = candidate
                            bestH[w] = nextH
                            bestRank[w] = edge.rank
                            win[w] = edge.edge
                            push(candidate, nextH, edge.to)
                        }
                    }
                }
            }
            heapCount = count
        }}}}}}}}}}}}}}}}}
        relaxations &+= localRelaxations
    }

    /// The winning path to `node` after a `run`, as edge indices from the entry side.
    func path(to node: Int, in g: CompactGraph) -> [Int] {
        var edges: [Int] = []
        var v = node
        while stamp[v] == currentStamp, win[v] >= 0 {
            let e = Int(win[v])
            edges.append(e)
            v = Int(g.edgeFrom[e])
        }
        return edges.reversed()
    }
}
