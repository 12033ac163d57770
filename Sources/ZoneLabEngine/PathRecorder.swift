import ZoneLabSource

/// The paths a worker's trials took, each (target slot, fingerprint) recorded the first time the
/// worker meets it, as the out-edge slots its fingerprint hashed, in that order: the outcome
/// reads a path's edges here instead of re-running a trial that took it. A path is a function of
/// its fingerprint, so which worker or trial recorded it does not matter.
///
/// Allocated once per worker with a fixed capacity; once full it records nothing more (those
/// paths are recovered by re-running trials, as without a recorder).
final class PathRecorder {
    private let capacity: Int
    private let hashes: UnsafeMutableBufferPointer<UInt64>
    /// Target slot + 1 of each entry; 0 for an empty one.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let starts: UnsafeMutableBufferPointer<Int32>
    private let lengths: UnsafeMutableBufferPointer<Int32>
    private let arena: UnsafeMutableBufferPointer<Int32>
    private var entries = 0
    private var used = 0
    private(set) var isFull = false

    /// Room for the paths of `cells` (trial, target) pairs, within 2^15 paths and 32 steps
    /// each on average. Only the table's slot tags are cleared: the other buffers are read only
    /// where written (plain integers), so untouched pages cost nothing.
    init(cells: Int) {
        var capacity = 64
        while capacity < 2 * cells && capacity < 1 << 16 { capacity <<= 1 }
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        hashes = .allocate(capacity: capacity)
        starts = .allocate(capacity: capacity)
        lengths = .allocate(capacity: capacity)
        arena = .allocate(capacity: 32 * capacity)
    }

    deinit {
        hashes.deallocate()
        slots.deallocate()
        starts.deallocate()
        lengths.deallocate()
        arena.deallocate()
    }

    /// The entry of (slot, hash), or the empty entry where it would go.
    @inline(__always)
    private func find(_ slot: Int, _ hash: UInt64) -> (index: Int, found: Bool) {
        let tag = Int32(slot + 1)
        var i = Int(truncatingIfNeeded: SplitMix64.mix(hash &+ UInt64(slot))) & (capacity - 1)
        while slots[i] != 0 {
            if slots[i] == tag && hashes[i] == hash { return (i, true) }
            i = (i + 1) & (capacity - 1)
        }
        return (i, false)
    }

    /// Records the path of target `slot` with fingerprint `hash` unless it is known (or the
    /// recorder is full): `walk` emits its out-edge slots in fingerprint order.
    @inline(__always)
    func record(slot: Int, hash: UInt64, walk: ((Int) -> Void) -> Void) {
        if isFull { return }
        let (index, found) = find(slot, hash)
        if found { return }
        let start = used
        var overflow = false
        walk { k in
            if used < arena.count {
                arena[used] = Int32(k)
                used += 1
            } else {
                overflow = true
            }
        }
        if overflow || 2 * (entries + 1) > capacity {
            used = start
            isFull = true
            return
        }
        slots[index] = Int32(slot + 1)
        hashes[index] = hash
        starts[index] = Int32(start)
        lengths[index] = Int32(used - start)
        entries += 1
    }

    /// The out-edge slots of the recorded path of (slot, hash), in fingerprint order.
    func path(slot: Int, hash: UInt64) -> [Int32]? {
        let (index, found) = find(slot, hash)
        guard found else { return nil }
        let start = Int(starts[index])
        return Array(arena[start..<(start + Int(lengths[index]))])
    }
}

/// Records are read by the thread that runs the outcome once every worker is done.
extension PathRecorder: @unchecked Sendable {}

extension TrialWorkspace {
    /// Emits the out-edge slots of the path to `node` after a `run` that settled it, in the order
    /// its fingerprint hashed them: the winning chain from the target back, or the derivation.
    func walkPath(to node: Int, _ g: CompactGraph.View, emit: (Int) -> Void) {
        if g.derivation.hasAnd {
            guard nodes[node].stamp == currentStamp else { return }
            derive(node, andNodes: g.derivation, slotFrom: g.slotFrom, emit: emit)
            return
        }
        var v = node
        while nodes[v].stamp == currentStamp, nodes[v].win >= 0 {
            let k = Int(nodes[v].win)
            emit(k)
            v = Int(g.slotFrom[k])
        }
    }
}
