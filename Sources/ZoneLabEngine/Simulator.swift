import Dispatch
import Foundation

/// Which trials to run: `0..<count`, or the shard `i mod N == I` of them.
public struct TrialPlan: Sendable, Hashable {
    /// The first trial index of the run (blocks of a `--precision` run start later).
    public var first: Int
    /// Trials of the whole run.
    public var count: Int
    /// Shard `index` of `shards` (0 of 1: everything).
    public var shardIndex: Int
    public var shards: Int

    public init(count: Int, shardIndex: Int = 0, shards: Int = 1, first: Int = 0) {
        precondition(count >= 0 && first >= 0 && shards >= 1 && (0..<shards).contains(shardIndex))
        self.first = first
        self.count = count
        self.shardIndex = shardIndex
        self.shards = shards
    }

    /// How many trials this shard runs.
    public var shardCount: Int {
        count > shardIndex ? (count - shardIndex + shards - 1) / shards : 0
    }

    /// The `k`-th trial index of this shard.
    @inline(__always) func trial(_ k: Int) -> Int { first + shardIndex + k * shards }
}

/// Runs Monte Carlo trials on an `AttackGraph`, on every core, with results independent of
/// the number of threads: trial `i`'s outcome is a pure function of (seed, i, graph).
public struct Simulator: Sendable {
    public let graph: AttackGraph
    public let seed: UInt64
    /// Worker threads (at least 1).
    public let threads: Int

    public init(graph: AttackGraph, seed: UInt64, threads: Int? = nil) {
        self.graph = graph
        self.seed = seed
        self.threads = max(1, threads ?? ProcessInfo.activeCores)
    }

    /// Runs the plan and returns the per-target outcome; without `paths`, the outcome's paths are
    /// left empty (no trial is re-run to recover them). `progress` is called from worker threads
    /// with the number of trials just finished.
    public func run(
        _ plan: TrialPlan, paths: Bool = true, progress: (@Sendable (Int) -> Void)? = nil
    ) -> SimulationOutcome {
        let table = runTable(plan, progress: progress, recordingPaths: paths)
        return outcome(of: table, plan: plan, paths: paths)
    }

    /// Runs the plan and also returns every trial's time of compromise per target, for paired
    /// comparisons (what-if with common random numbers).
    public func runKeepingTrials(
        _ plan: TrialPlan, progress: (@Sendable (Int) -> Void)? = nil
    ) -> (outcome: SimulationOutcome, trials: TrialTimes) {
        let table = runTable(plan, progress: progress, recordingPaths: true)
        return (outcome(of: table, plan: plan), TrialTimes(table: table))
    }

    /// Runs the plan's trials without aggregating them and returns how many edges were relaxed
    /// (examined from a settled node) and how many of those drew random numbers (the others
    /// could not win): the per-trial loop alone, for throughput and allocation benchmarks.
    public func throughput(_ plan: TrialPlan) -> (relaxations: Int, draws: Int) {
        let table = runTable(plan)
        return (table.relaxations, table.draws)
    }

    /// Runs the plan's trials into a table: row k holds trial `plan.trial(k)`, or with `subset`
    /// trial `plan.trial(subset[k])`. With `tags` (one word per edge of the graph), each row also
    /// gets the OR of the tags of its campaign's steps (`TrialTable.campaignTags`). With
    /// `recordingPaths`, each worker records the paths its trials took (`TrialTable.recorders`).
    func runTable(
        _ plan: TrialPlan, subset: [Int]? = nil, tags: [UInt64]? = nil, progress: (@Sendable (Int) -> Void)? = nil,
        recordingPaths: Bool = false
    ) -> TrialTable {
        let targets = graph.targets.count
        let rows = subset?.count ?? plan.shardCount
        var table = TrialTable(rows: rows, targets: targets, tagged: tags != nil)
        let g = graph.compact
        let horizon = graph.horizonHours
        let seed = self.seed
        let workers = min(threads, max(1, rows / 64))
        let nodeCount = graph.nodes.count
        let edgeCount = graph.edges.count
        let detection = g.detection
        let walks = detection.isActive || tags != nil
        let targetNodes = graph.targets.map(Int32.init)
        let slotTags = tags.map { tags in g.slotEdge.map { tags[Int($0)] } } ?? []
        let subset = subset ?? []
        table.times.withUnsafeMutableBufferPointer { times in
            table.hashes.withUnsafeMutableBufferPointer { hashes in
                table.containment.withUnsafeMutableBufferPointer { containment in
                    table.firstAlarm.withUnsafeMutableBufferPointer { firstAlarm in
                        table.campaignTags.withUnsafeMutableBufferPointer { campaignTags in
                            let out = SharedBuffers(
                                times: times, hashes: hashes, containment: containment, firstAlarm: firstAlarm,
                                campaignTags: campaignTags)
                            let chunk = 256
                            let chunks = (rows + chunk - 1) / chunk
                            let next = AtomicCounter()
                            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                                let workspace = TrialWorkspace(
                                    nodeCount: nodeCount, edgeCount: edgeCount, campaign: walks,
                                    derivations: g.derivation.hasAnd)
                                let recorder = recordingPaths ? PathRecorder(cells: rows * targets) : nil
                                g.withUnsafeView { view in
                                    targetNodes.withUnsafeBufferPointer { targetNodes in
                                        slotTags.withUnsafeBufferPointer { slotTags in
                                            while true {
                                                let c = next.increment()
                                                if c >= chunks { break }
                                                let lo = c * chunk
                                                let hi = min(rows, lo + chunk)
                                                for row in lo..<hi {
                                                    let base = row * targets
                                                    let trial = UInt64(plan.trial(subset.isEmpty ? row : subset[row]))
                                                    let rowTimes = UnsafeMutableBufferPointer(
                                                        rebasing: out.times[base..<(base + targets)])
                                                    workspace.run(
                                                        view, horizon: horizon, seed: seed, trial: trial,
                                                        targetCount: targets, times: rowTimes,
                                                        hashes: UnsafeMutableBufferPointer(
                                                            rebasing: out.hashes[base..<(base + targets)]))
                                                    if let recorder, !recorder.isFull {
                                                        for slot in 0..<targets where rowTimes[slot].isFinite {
                                                            recorder.record(slot: slot, hash: out.hashes[base + slot]) {
                                                                workspace.walkPath(
                                                                    to: Int(targetNodes[slot]), view, emit: $0)
                                                            }
                                                        }
                                                    }
                                                    if walks {
                                                        let walk = workspace.campaign(
                                                            view, detection.isActive ? detection : nil,
                                                            tags: slotTags.isEmpty ? nil : slotTags, seed: seed,
                                                            trial: trial, times: rowTimes, targets: targetNodes)
                                                        out.containment[row] = walk.containment
                                                        out.firstAlarm[row] = walk.firstAlarm
                                                        if !slotTags.isEmpty { out.campaignTags[row] = walk.tags }
                                                    }
                                                }
                                                progress?(hi - lo)
                                            }
                                        }
                                    }
                                }
                                next.add(
                                    relaxations: workspace.relaxations, draws: workspace.draws, recorder: recorder)
                            }
                            table.relaxations = next.relaxations
                            table.draws = next.draws
                            table.recorders = next.recorders
                        }
                    }
                }
            }
        }
        return table
    }

    /// Turns a trial table into per-target statistics, re-running one representative trial per
    /// distinct path to recover its edges (trials are pure functions, so this is exact); without
    /// `paths`, the statistics alone.
    func outcome(of table: TrialTable, plan: TrialPlan, paths recovering: Bool = true) -> SimulationOutcome {
        let targets = graph.targets.count
        var perTarget: [TargetOutcome] = []
        var representatives: [(row: Int, slot: Int, hash: UInt64)] = []
        var countsPerTarget: [[UInt64: (count: Int, representative: Int)]] = []
        for slot in 0..<targets {
            var times: [Double] = []
            var unopposed: [Double] = []
            var detections: [Double] = []
            var containments: [Double] = []
            var counts: [UInt64: (count: Int, representative: Int)] = [:]
            for row in 0..<table.rows {
                let t = table.times[row * targets + slot]
                guard t.isFinite else { continue }
                unopposed.append(t)
                let alarm = table.firstAlarm[row]
                if alarm <= t { detections.append(alarm) }
                let c = table.containment[row]
                if c.isFinite { containments.append(c) }
                guard t <= c else { continue }  // contained first: no compromise
                times.append(t)
                guard recovering else { continue }
                let h = table.hashes[row * targets + slot]
                if let existing = counts[h] {
                    counts[h] = (existing.count + 1, existing.representative)
                } else {
                    counts[h] = (1, representatives.count)
                    representatives.append((row, slot, h))
                }
            }
            TimeSort.sort(&times)
            // `times` is a subsequence of `unopposed`: of the same length, it is the same.
            if unopposed.count == times.count { unopposed = times } else { TimeSort.sort(&unopposed) }
            TimeSort.sort(&detections)
            TimeSort.sort(&containments)
            countsPerTarget.append(counts)
            perTarget.append(
                TargetOutcome(
                    target: graph.targets[slot], trials: plan.shardCount, times: times, paths: [],
                    unopposedTimes: unopposed, detectionTimes: detections, containmentTimes: containments))
        }
        // Recover the edges of each distinct path from a trial that took it.
        let workspace = TrialWorkspace(
            nodeCount: graph.nodes.count, edgeCount: graph.edges.count, derivations: graph.compact.derivation.hasAnd)
        var scratchTimes = [Double](repeating: 0, count: max(1, targets))
        var scratchHashes = [UInt64](repeating: 0, count: max(1, targets))
        var needed = [Bool](repeating: false, count: targets)
        var paths: [[PathCount]] = Array(repeating: [], count: targets)
        // Paths the workers recorded need no re-run.
        var recorded = [Bool](repeating: false, count: representatives.count)
        if !table.recorders.isEmpty {
            let hasAnd = graph.compact.derivation.hasAnd
            for (i, rep) in representatives.enumerated() {
                guard let slots = table.recorders.lazy.compactMap({ $0.path(slot: rep.slot, hash: rep.hash) }).first
                else { continue }
                let ordered = hasAnd ? slots : slots.reversed()
                paths[rep.slot].append(
                    PathCount(
                        edges: ordered.map { graph.edges[Int(graph.compact.slotEdge[Int($0)])].id },
                        count: countsPerTarget[rep.slot][rep.hash]!.count))
                recorded[i] = true
            }
        }
        let recoveryRow = Self.recoveryRows(
            representatives, counts: countsPerTarget, table: table, recorded: recorded)
        let byRow = Dictionary(
            grouping: representatives.indices.filter { recoveryRow[$0] >= 0 }, by: { recoveryRow[$0] })
        for row in byRow.keys.sorted() {
            for rep in byRow[row]! { needed[representatives[rep].slot] = true }
            graph.compact.withUnsafeView { view in
                scratchTimes.withUnsafeMutableBufferPointer { t in
                    scratchHashes.withUnsafeMutableBufferPointer { h in
                        needed.withUnsafeBufferPointer { needed in
                            workspace.run(
                                view, horizon: graph.horizonHours, seed: seed, trial: UInt64(plan.trial(row)),
                                targetCount: targets, times: t, hashes: h, needed: needed)
                        }
                    }
                }
            }
            for rep in byRow[row]!.map({ representatives[$0] }) {
                let edges = workspace.path(to: graph.targets[rep.slot], in: graph.compact)
                paths[rep.slot].append(
                    PathCount(
                        edges: edges.map { graph.edges[$0].id }, count: countsPerTarget[rep.slot][rep.hash]!.count))
                needed[rep.slot] = false
            }
        }
        for slot in 0..<targets {
            perTarget[slot].paths = PathCount.sorted(paths[slot])
        }
        return SimulationOutcome(
            seed: seed, trials: plan.shardCount, horizonHours: graph.horizonHours, targets: perTarget,
            relaxations: table.relaxations)
    }
}

/// Per-trial results: row = trial of the plan, column = target slot.
struct TrialTable {
    let rows: Int
    let targets: Int
    var times: [Double]
    var hashes: [UInt64]
    /// Per row: the campaign's containment time and first alarm (+inf: none; SPEC 3.4).
    var containment: [Double]
    var firstAlarm: [Double]
    /// Per row: the OR of the tags of the campaign's steps (empty unless the run was tagged).
    var campaignTags: [UInt64]
    var relaxations = 0
    var draws = 0
    /// The workers' recorded paths, when the run recorded them.
    var recorders: [PathRecorder] = []

    init(rows: Int, targets: Int, tagged: Bool = false) {
        self.rows = rows
        self.targets = targets
        times = [Double](repeating: .infinity, count: rows * targets)
        hashes = [UInt64](repeating: 0, count: rows * targets)
        containment = [Double](repeating: .infinity, count: rows)
        firstAlarm = [Double](repeating: .infinity, count: rows)
        campaignTags = [UInt64](repeating: 0, count: tagged ? rows : 0)
    }
}

/// Output buffers shared by the workers; each writes only the rows of its own trials.
struct SharedBuffers: @unchecked Sendable {
    let times: UnsafeMutableBufferPointer<Double>
    let hashes: UnsafeMutableBufferPointer<UInt64>
    let containment: UnsafeMutableBufferPointer<Double>
    let firstAlarm: UnsafeMutableBufferPointer<Double>
    let campaignTags: UnsafeMutableBufferPointer<UInt64>
}
