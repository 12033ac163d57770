import ZoneLabSource

/// The defender's tables of SPEC 3.4: how often monitoring of level m sees a step of an attacker
/// of capability c (by the gap d = c − m), and how soon it contains the campaign after an alarm.
extension Calibration {
    /// The monitoring levels that have a response time (TRE SL-A 1–4; 0 is no monitoring).
    public static let monitoringLevels: ClosedRange<Int> = 1...4

    /// q by gap: d >= 3: 0.02, 2: 0.05, 1: 0.10, 0: 0.25, -1: 0.45, -2: 0.65, -3: 0.80
    /// (sources in docs/detection.md).
    public static let defaultDetect: [Int: Double] = [
        4: 0.02, 3: 0.02, 2: 0.05, 1: 0.10, 0: 0.25, -1: 0.45, -2: 0.65, -3: 0.80,
    ]

    /// Response by monitoring level: lognormal, sigma 1, median 1: 30d, 2: 7d, 3: 1d, 4: 4h.
    public static let defaultResponse: [Int: TimeDistribution] = [
        1: .lognormal(medianHours: 30 * 24, sigma: 1),
        2: .lognormal(medianHours: 7 * 24, sigma: 1),
        3: .lognormal(medianHours: 24, sigma: 1),
        4: .lognormal(medianHours: 4, sigma: 1),
    ]

    /// The detection of a step with monitoring level `monitoring` by an attacker of `capability`:
    /// nil when the level is 0 (not monitored, or TRE not assessed), else q and the response.
    public func detection(capability: Int, monitoring: Int) -> (q: Double, response: TimeDistribution)? {
        guard monitoring >= 1 else { return nil }
        let level = min(monitoring, Self.monitoringLevels.upperBound)
        let d = min(max(capability - level, Self.gaps.lowerBound), Self.gaps.upperBound)
        guard let q = detect[d], let response = response[level] else { return nil }
        return (q, response)
    }

    /// Where the defender's tables are not monotone: gaps d whose q is below that of d + 1
    /// (q must not fall as the gap falls), and levels m whose response is slower than at m − 1.
    public var detectionMonotonicityViolations: (detect: [Int], response: [Int]) {
        let gaps = Self.gaps.dropLast().filter { d in
            guard let lower = detect[d], let higher = detect[d + 1] else { return false }
            return lower < higher
        }
        let levels = Self.monitoringLevels.dropFirst().filter { m in
            guard let faster = response[m], let slower = response[m - 1] else { return false }
            return !slower.isStochasticallyAtLeast(faster)
        }
        return (gaps, levels)
    }
}
