/// A distinct path and how many compromised trials took it.
public struct PathCount: Sendable, Hashable {
    /// Edge ids from the entry side to the target.
    public var edges: [String]
    public var count: Int

    public init(edges: [String], count: Int) {
        self.edges = edges
        self.count = count
    }

    /// SPEC 7 order: by count (frequency) descending, then edge-id sequences compared element
    /// by element as UTF-8 bytes, a prefix first.
    public static func sorted(_ paths: [PathCount]) -> [PathCount] {
        paths.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            return precedes(a.edges, b.edges)
        }
    }

    /// Element-by-element UTF-8 byte order, a prefix first.
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return a.count < b.count
    }
}

/// What the trials of one run say about one target.
public struct TargetOutcome: Sendable, Hashable {
    /// The target's node index.
    public var target: Int
    /// Trials run.
    public var trials: Int
    /// Times of compromise of the successful trials, ascending.
    public var times: [Double]
    /// Every distinct path taken, in SPEC 7 order.
    public var paths: [PathCount]
    /// Times of compromise ignoring the defender (SPEC 3.4's unopposed trials), ascending.
    public var unopposedTimes: [Double]
    /// Among the unopposed compromises: the campaign's first alarm where it fell at or before
    /// the time of compromise, ascending.
    public var detectionTimes: [Double]
    /// Among the unopposed compromises: the campaign's containment time where there was one,
    /// ascending.
    public var containmentTimes: [Double]

    /// `unopposedTimes` nil: the same as `times` (no defender).
    public init(
        target: Int, trials: Int, times: [Double], paths: [PathCount], unopposedTimes: [Double]? = nil,
        detectionTimes: [Double] = [], containmentTimes: [Double] = []
    ) {
        self.target = target
        self.trials = trials
        self.times = times
        self.paths = paths
        self.unopposedTimes = unopposedTimes ?? times
        self.detectionTimes = detectionTimes
        self.containmentTimes = containmentTimes
    }

    /// Trials in which the target fell within the horizon.
    public var compromised: Int { times.count }

    /// P(compromise within horizon).
    public var probability: Double { trials == 0 ? 0 : Double(compromised) / Double(trials) }

    /// The 95% Wilson score interval of the probability.
    public var wilson95: (lower: Double, upper: Double) {
        Statistics.wilsonInterval(successes: compromised, trials: trials)
    }

    /// Trials in which the target fell within the horizon, ignoring the defender.
    public var unopposed: Int { unopposedTimes.count }

    /// P(compromise within horizon) ignoring the defender (`p_unopposed`).
    public var unopposedProbability: Double { trials == 0 ? 0 : Double(unopposed) / Double(trials) }

    /// The 95% Wilson score interval of `unopposedProbability`.
    public var unopposedWilson95: (lower: Double, upper: Double) {
        Statistics.wilsonInterval(successes: unopposed, trials: trials)
    }

    /// Unopposed compromises with an alarm at or before the time of compromise.
    public var detected: Int { detectionTimes.count }

    /// The share of the unopposed compromises that were detected (0 when there were none).
    public var detectedShare: Double { unopposed == 0 ? 0 : Double(detected) / Double(unopposed) }

    /// The nearest-rank `k`-th percentile of the time to detect, nil when nothing was detected.
    public func detectionPercentile(_ k: Int) -> Double? {
        Statistics.nearestRankPercentile(sortedTimes: detectionTimes, k)
    }

    /// The nearest-rank `k`-th percentile of the successful times, nil when none.
    public func percentile(_ k: Int) -> Double? {
        Statistics.nearestRankPercentile(sortedTimes: times, k)
    }

    /// The `n` most frequent paths.
    public func topPaths(_ n: Int = 5) -> [PathCount] { Array(paths.prefix(n)) }

    /// This outcome and another shard's of the same target, combined.
    public func merged(with other: TargetOutcome) -> TargetOutcome {
        precondition(target == other.target)
        var counts: [[String]: Int] = [:]
        for p in paths + other.paths { counts[p.edges, default: 0] += p.count }
        return TargetOutcome(
            target: target, trials: trials + other.trials, times: (times + other.times).sorted(),
            paths: PathCount.sorted(counts.map { PathCount(edges: $0.key, count: $0.value) }),
            unopposedTimes: (unopposedTimes + other.unopposedTimes).sorted(),
            detectionTimes: (detectionTimes + other.detectionTimes).sorted(),
            containmentTimes: (containmentTimes + other.containmentTimes).sorted())
    }
}

/// The outcome of one simulation run: one attacker on one graph.
public struct SimulationOutcome: Sendable, Hashable {
    public var seed: UInt64
    public var trials: Int
    public var horizonHours: Double
    public var targets: [TargetOutcome]
    /// Edge relaxations sampled (throughput figures only; not part of results).
    public var relaxations: Int

    public init(seed: UInt64, trials: Int, horizonHours: Double, targets: [TargetOutcome], relaxations: Int = 0) {
        self.seed = seed
        self.trials = trials
        self.horizonHours = horizonHours
        self.targets = targets
        self.relaxations = relaxations
    }

    /// Two shards' outcomes combined into the outcome of their union of trials.
    public func merged(with other: SimulationOutcome) -> SimulationOutcome {
        precondition(seed == other.seed && targets.count == other.targets.count)
        return SimulationOutcome(
            seed: seed, trials: trials + other.trials, horizonHours: horizonHours,
            targets: zip(targets, other.targets).map { $0.merged(with: $1) },
            relaxations: relaxations + other.relaxations)
    }
}

/// Interval estimates and percentiles used across ZoneLab.
public enum Statistics {
    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// Wilson score interval (Wilson 1927) for `successes` of `trials` at 95%.
    public static func wilsonInterval(successes: Int, trials: Int) -> (lower: Double, upper: Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = z95
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return (max(0, center - half), min(1, center + half))
    }

    /// Half the width of the 95% Wilson interval.
    public static func wilsonHalfWidth(successes: Int, trials: Int) -> Double {
        let (lo, hi) = wilsonInterval(successes: successes, trials: trials)
        return (hi - lo) / 2
    }

    /// Half the width of the 95% interval of the mean of `count` paired per-trial differences,
    /// given their sum and the sum of their squares (sample variance, normal approximation).
    public static func pairedHalfWidth(sum: Double, sumOfSquares: Double, count: Int) -> Double {
        guard count > 1 else { return 0 }
        let n = Double(count)
        let mean = sum / n
        let variance = max(0, (sumOfSquares / n - mean * mean) * n / (n - 1))
        return z95 * (variance / n).squareRoot()
    }

    /// The nearest-rank percentile: the value at 1-based rank ceil(k·n/100) of the sorted times.
    public static func nearestRankPercentile(sortedTimes: [Double], _ k: Int) -> Double? {
        guard !sortedTimes.isEmpty else { return nil }
        let n = sortedTimes.count
        let rank = max(1, (k * n + 99) / 100)
        return sortedTimes[min(n, rank) - 1]
    }
}
