import ZoneLabEngine
import ZoneLabSource

extension RunSet {
    /// SPEC 7's v2 result fields of the defender (3.4): `p_unopposed`, `ci95_unopposed`,
    /// `detected` (share of the unopposed compromises) and `ttd_hours` (p10/p50/p90, or null).
    static func defenderJSON(_ outcome: TargetOutcome) -> [(String, JSONValue)] {
        let (lo, hi) = outcome.unopposedWilson95
        var pairs: [(String, JSONValue)] = [
            ("p_unopposed", .number(outcome.unopposedProbability)),
            ("ci95_unopposed", [.number(lo), .number(hi)]),
            ("detected", .number(outcome.detectedShare)),
        ]
        if let p10 = outcome.detectionPercentile(10), let p50 = outcome.detectionPercentile(50),
            let p90 = outcome.detectionPercentile(90)
        {
            pairs.append(("ttd_hours", .object([("p10", .number(p10)), ("p50", .number(p50)), ("p90", .number(p90))])))
        } else {
            pairs.append(("ttd_hours", .null))
        }
        return pairs
    }
}
