import ZoneLabSource

// The scenario form of a time distribution: read by `ScenarioReader.ttc(_:_:)`
// (`{dist: lognormal, median: 4d, sigma: 1}`), written in messages with the scenario's
// durations (`lognormal(median 4d, sigma 1.0)`).
extension TimeDistribution: CustomStringConvertible {
    public var description: String {
        switch self {
        case .instant: "instant"
        case .fixed(let h): "fixed \(TimeSpan.format(hours: h))"
        case .exponential(let m): "exponential(mean \(TimeSpan.format(hours: m)))"
        case .lognormal(let m, let s): "lognormal(median \(TimeSpan.format(hours: m)), sigma \(s))"
        case .uniform(let a, let b): "uniform(\(TimeSpan.format(hours: a))..\(TimeSpan.format(hours: b)))"
        }
    }
}
