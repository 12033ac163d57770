import Foundation

/// How long a feasible attack step takes, as the scenario format writes it (SPEC 2 and 3.1).
public enum TimeToCompromise: Sendable, Hashable, CustomStringConvertible {
    case instant
    case fixed(hours: Double)
    case exponential(meanHours: Double)
    case lognormal(medianHours: Double, sigma: Double)
    case uniform(minHours: Double, maxHours: Double)

    /// The distribution's median in hours: what "typical time" means in tables.
    public var medianHours: Double {
        switch self {
        case .instant: 0
        case .fixed(let h): h
        case .exponential(let mean): mean * 0.6931471805599453
        case .lognormal(let median, _): median
        case .uniform(let lo, let hi): (lo + hi) / 2
        }
    }

    /// The name written in files: `instant`, `fixed`, `exponential`, `lognormal`, `uniform`.
    public var distributionName: String {
        switch self {
        case .instant: "instant"
        case .fixed: "fixed"
        case .exponential: "exponential"
        case .lognormal: "lognormal"
        case .uniform: "uniform"
        }
    }

    public var description: String {
        switch self {
        case .instant: "instant"
        case .fixed(let h): "fixed \(TimeSpan.format(hours: h))"
        case .exponential(let m): "exponential(mean \(TimeSpan.format(hours: m)))"
        case .lognormal(let m, let s): "lognormal(median \(TimeSpan.format(hours: m)), sigma \(s))"
        case .uniform(let a, let b): "uniform(\(TimeSpan.format(hours: a))..\(TimeSpan.format(hours: b)))"
        }
    }

    /// Whether every quantile of `self` is at least that of `other` (a "slower or equal" step).
    /// Checked at a few quantiles, which is what the monotone-calibration warning needs.
    public func isStochasticallyAtLeast(_ other: TimeToCompromise) -> Bool {
        [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99].allSatisfy { quantile($0) >= other.quantile($0) * (1 - 1e-12) }
    }

    /// The inverse CDF at `u` in (0, 1).
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .instant: return 0
        case .fixed(let h): return h
        case .exponential(let mean): return -mean * log1p(-u)
        case .lognormal(let median, let sigma): return median * exp(sigma * normalQuantile(u))
        case .uniform(let lo, let hi): return lo + (hi - lo) * u
        }
    }
}

// The engine has the exact sampler; this coarse quantile only serves the monotonicity check.
private func normalQuantile(_ p: Double) -> Double {
    var lo = -10.0
    var hi = 10.0
    for _ in 0..<80 {
        let mid = (lo + hi) / 2
        if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}
