import RealModule

/// The time an attack step takes when it is feasible, in hours (SPEC 2 and 3.1).
///
/// One type for the scenario model, the calibration and the engine. Its two file forms live
/// with the formats: the scenario YAML form (`{dist: lognormal, median: 4d, sigma: 1}`) in
/// ZoneLabModel, the graph JSON form (`{"dist": "lognormal", "median_hours": 96, …}`) in
/// ZoneLabEngine's `GraphFile`.
public enum TimeDistribution: Sendable, Hashable {
    case instant
    case fixed(hours: Double)
    case exponential(meanHours: Double)
    case lognormal(medianHours: Double, sigma: Double)
    case uniform(minHours: Double, maxHours: Double)

    /// The inverse CDF at `u` in (0, 1): monotone in `u`, so stronger controls (a larger median or
    /// mean) never give a shorter time for the same draw. The one quantile function: the engine's
    /// per-trial loop calls `time(kind:a:b:u:)`, the same computation on the packed form.
    @inlinable
    public func quantile(_ u: Double) -> Double {
        let (kind, a, b) = packed
        return Self.time(kind: kind, a: a, b: b, u: u)
    }

    /// The inverse CDF on the packed form (`kind`: 0 instant, 1 fixed, 2 exponential,
    /// 3 lognormal, 4 uniform; `a`, `b` its parameters, see `packed`), as the per-trial loop calls it.
    @inlinable @inline(__always)
    public static func time(kind: UInt8, a: Double, b: Double, u: Double) -> Double {
        switch kind {
        case 0: return 0
        case 1: return a
        case 2: return -a * Double.log(onePlus: -u)
        case 3: return a * Double.exp(b * NormalQuantile.value(u))
        default: return a + b * u
        }
    }

    /// The compact form the per-trial loop uses: `(kind, a, b)` for `time(kind:a:b:u:)`.
    @inlinable
    public var packed: (kind: UInt8, a: Double, b: Double) {
        switch self {
        case .instant: (0, 0, 0)
        case .fixed(let h): (1, h, 0)
        case .exponential(let m): (2, m, 0)
        case .lognormal(let m, let s): (3, m, s)
        case .uniform(let lo, let hi): (4, lo, hi - lo)
        }
    }

    /// The CDF at `hours`: the exact reference for tests and analyses.
    public func cdf(_ hours: Double) -> Double {
        switch self {
        case .instant: return hours >= 0 ? 1 : 0
        case .fixed(let h): return hours >= h ? 1 : 0
        case .exponential(let mean): return hours <= 0 ? 0 : -Double.expMinusOne(-hours / mean)
        case .lognormal(let median, let sigma):
            guard hours > 0 else { return 0 }
            return 0.5 * Double.erfc(-Double.log(hours / median) / (sigma * 2.0.squareRoot()))
        case .uniform(let lo, let hi):
            if hours < lo { return 0 }
            if hours >= hi { return 1 }
            return (hours - lo) / (hi - lo)
        }
    }

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

    /// Whether every quantile of `self` is at least that of `other` (a "slower or equal" step).
    /// Checked at a few quantiles, which is what the monotone-calibration warning needs.
    public func isStochasticallyAtLeast(_ other: TimeDistribution) -> Bool {
        [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99].allSatisfy { quantile($0) >= other.quantile($0) * (1 - 1e-12) }
    }
}

/// The standard normal inverse CDF by Acklam's rational approximation (relative error below
/// 1.15e-9 over (0, 1)), ample for Monte Carlo times and monotone within each region.
public enum NormalQuantile {
    @inlinable @inline(__always)
    public static func value(_ p: Double) -> Double {
        let pLow = 0.02425
        if p < pLow {
            let q = (-2 * Double.log(p)).squareRoot()
            return
                (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1)
        }
        if p > 1 - pLow {
            let q = (-2 * Double.log(onePlus: -p)).squareRoot()
            return
                -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return
            (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1)
    }
}
