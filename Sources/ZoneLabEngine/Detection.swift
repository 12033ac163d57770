import ZoneLabSource

/// What a defender sees of a step: the step raises an alarm with probability `p` (at the time
/// its head is reached), and containment follows the alarm after a time drawn from `response`.
public struct Detection: Sendable, Hashable {
    /// Probability that the step raises an alarm when the campaign takes it.
    public var p: Double
    /// Time from the alarm to containment.
    public var response: TimeDistribution

    public init(p: Double, response: TimeDistribution) {
        self.p = p
        self.response = response
    }
}

/// The detection data the per-trial post-filter reads, per out-edge slot (the in-edges of `and`
/// nodes it walks are the graph's `DerivationTable`). Immutable once built; owns its buffers.
final class DetectionTable: @unchecked Sendable {
    /// An alarm law: probability `q` and the packed response distribution.
    struct AlarmLaw {
        var q: Double
        var kind: UInt8
        var a: Double
        var b: Double
    }

    /// True when at least one edge carries `detect`; otherwise the post-filter never runs.
    let isActive: Bool
    /// Per out-edge slot: its alarm law, valid where `hasAlarm[slot]` is 1.
    let laws: UnsafeMutableBufferPointer<AlarmLaw>
    let hasAlarm: UnsafeMutableBufferPointer<UInt8>

    init(edges: [AttackGraph.Edge], slotEdge: [Int32]) {
        let m = slotEdge.count
        isActive = edges.contains { $0.detect != nil }
        let size = isActive ? m : 0
        laws = .allocate(capacity: size)
        laws.initialize(repeating: AlarmLaw(q: 0, kind: 0, a: 0, b: 0))
        hasAlarm = .allocate(capacity: size)
        hasAlarm.initialize(repeating: 0)
        guard isActive else { return }
        for slot in 0..<m {
            if let detect = edges[Int(slotEdge[slot])].detect {
                let packed = detect.response.packed
                laws[slot] = AlarmLaw(q: detect.p, kind: packed.kind, a: packed.a, b: packed.b)
                hasAlarm[slot] = 1
            }
        }
    }

    deinit {
        laws.deallocate()
        hasAlarm.deallocate()
    }
}
