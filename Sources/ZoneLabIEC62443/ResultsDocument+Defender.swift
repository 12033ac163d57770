import ZoneLabEngine
import ZoneLabSource

extension ResultsDocument.Result {
    /// What a result row says of the defender (SPEC 3.4, 7).
    public struct Defender: Sendable, Hashable {
        /// P ignoring the defender, and its 95% Wilson interval.
        public var pUnopposed: Double
        public var ci95Unopposed: [Double]
        /// The share of the unopposed compromises in which an alarm fell at or before the compromise.
        public var detected: Double
        /// Time to detect p10, p50, p90 in hours; nil when nothing was detected.
        public var ttdHours: [Double]?
    }
}

extension ResultsDocument.Decoder {
    /// The v2 defender fields of a result row, when it has them (`p_unopposed` present).
    mutating func defender(_ node: DocumentNode, what: String) -> ResultsDocument.Result.Defender? {
        guard let pNode = node["p_unopposed"] else { return nil }
        let p = d.number(pNode, "'p_unopposed' of \(what)", in: 0...1) ?? 0
        let ci = (node["ci95_unopposed"].flatMap { d.list($0, "'ci95_unopposed' of \(what)") } ?? []).compactMap {
            d.number($0, "a bound of 'ci95_unopposed'", in: 0...1)
        }
        let detected = node["detected"].flatMap { d.number($0, "'detected' of \(what)", in: 0...1) } ?? 0
        var ttd: [Double]?
        if let ttdNode = node["ttd_hours"], !ttdNode.isNull {
            ttd = ["p10", "p50", "p90"].compactMap { key in
                require(ttdNode, key, in: "'ttd_hours' of \(what)").flatMap {
                    d.number($0, "'\(key)' of 'ttd_hours'", in: 0...Double.greatestFiniteMagnitude)
                }
            }
        }
        return .init(pUnopposed: p, ci95Unopposed: ci, detected: detected, ttdHours: ttd)
    }

    /// A shard's raw defender data: every unopposed time, detection time and containment time
    /// (absent in shard files written before them: then the run had no defender).
    mutating func shardDefender(_ data: DocumentNode, into outcome: inout TargetOutcome) {
        func times(_ key: String) -> [Double]? {
            data[key].map { node in
                (d.list(node, "'\(key)'") ?? []).compactMap {
                    d.number($0, "a time", in: 0...Double.greatestFiniteMagnitude)
                }
            }
        }
        if let unopposed = times("unopposed_times") { outcome.unopposedTimes = unopposed }
        outcome.detectionTimes = times("detection_times") ?? []
        outcome.containmentTimes = times("containment_times") ?? []
    }
}
