import ZoneLabSource

extension TrialWorkspace {
    /// Walks the campaign of the trial just `run` (SPEC 3.4: the union of the derivations of
    /// every target reached within the horizon, `times` non-infinite). With a detection `table`,
    /// draws each of its steps' alarm on stream 1 of the counter generator and returns the
    /// earliest containment and the earliest alarm (+inf without alarm); with `tags` (one word
    /// per out-edge slot), also the OR of the tags of the campaign's steps.
    ///
    /// Allocates nothing: the walk's marks and stack belong to the workspace.
    ///
    /// - Complexity: O(campaign edges + their heads' in-degrees for `and` nodes).
    func campaign(
        _ g: CompactGraph.View, _ table: DetectionTable?, tags: UnsafeBufferPointer<UInt64>?, seed: UInt64,
        trial: UInt64, times: UnsafeMutableBufferPointer<Double>, targets: UnsafeBufferPointer<Int32>
    ) -> (containment: Double, firstAlarm: Double, tags: UInt64) {
        let cur = currentStamp
        let state = nodes
        let mark = campaignMark
        let stack = campaignStack
        var depth = 0
        var containment = Double.infinity
        var firstAlarm = Double.infinity
        var tagged: UInt64 = 0

        @inline(__always) func list(_ slot: Int) {
            if mark[slot] == cur { return }
            mark[slot] = cur
            stack[depth] = g.slotFrom[slot]
            depth += 1
            if let tags { tagged |= tags[slot] }
            guard let table, table.isActive, table.hasAlarm[slot] != 0 else { return }
            let law = table.laws[slot]
            let (u3, u4) = EdgeDraws.uniforms(seed: seed, trial: trial, edgeKey: g.out[slot].key, stream: 1)
            guard u3 <= law.q else { return }
            let alarm = state[Int(g.out[slot].to)].t
            firstAlarm = min(firstAlarm, alarm)
            containment = min(containment, alarm + TimeDistribution.time(kind: law.kind, a: law.a, b: law.b, u: u4))
        }

        for (slot, target) in targets.enumerated() where times[slot].isFinite {
            stack[depth] = target
            depth += 1
            while depth > 0 {
                depth -= 1
                let v = Int(stack[depth])
                guard state[v].stamp == cur, state[v].win >= 0 else { continue }  // an entry
                // An `and` node lists every in-edge (the graph's derivation table has them; an `or`
                // node's range there is empty), an `or` node its winning in-edge.
                let and = g.derivation
                if and.hasAnd, and.inStart[v] < and.inStart[v + 1] {
                    for i in Int(and.inStart[v])..<Int(and.inStart[v + 1]) { list(Int(and.inSlot[i])) }
                } else {
                    list(Int(state[v].win))
                }
            }
        }
        return (containment, firstAlarm, tagged)
    }
}
