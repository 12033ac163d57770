import ZoneLabSource

/// The calibration keys of SPEC 3.4: `detect` (q by gap -3..4) and `response` (a time
/// distribution by monitoring level 1–4).
extension ScenarioReader {
    static let detectionCalibrationKeys = ["detect", "response"]

    /// Reads `detect` and `response` of a calibration mapping into `result`.
    mutating func detectionCalibration(_ f: Fields, _ what: String, into result: inout CalibrationOverride) {
        if let node = f["detect"] { result.detect = detectTable(node, "'detect' of \(what)") }
        if let node = f["response"] { result.response = responseTable(node, "'response' of \(what)") }
    }

    mutating func detectTable(_ node: DocumentNode, _ what: String) -> [Int: Double] {
        integerKeyedTable(
            node, what, keys: Calibration.gaps, keyName: "a gap -3 to 4 (capability minus monitoring level)",
            mapsTo: "a probability"
        ) { reader, value, d, _ in
            reader.diagnostics.number(value, "q of gap \(d) in \(what)", in: 0...1)
        }
    }

    mutating func responseTable(_ node: DocumentNode, _ what: String) -> [Int: TimeDistribution] {
        integerKeyedTable(
            node, what, keys: Calibration.monitoringLevels, keyName: "a monitoring level (TRE SL-A) 1 to 4",
            mapsTo: "a time distribution"
        ) { reader, value, m, _ in
            reader.ttc(value, "the response of level \(m) in \(what)")
        }
    }

    /// The warning of SPEC 2 for defender tables that are not monotone.
    static func detectionMonotonicityWarnings(_ calibration: Calibration) -> [String] {
        let (gaps, levels) = calibration.detectionMonotonicityViolations
        let tail =
            "it is accepted, but more monitoring can then see less or respond later in the same trial, so what-if differences are less sharp"
        return gaps.map { d in
            "the calibration is not monotone: detect q is lower at gap \(d) (\(calibration.detect[d]!)) than at gap \(d + 1) (\(calibration.detect[d + 1]!)); \(tail)"
        }
            + levels.map { m in
                "the calibration is not monotone: the response at monitoring level \(m) (\(calibration.response[m]!)) is slower than at level \(m - 1) (\(calibration.response[m - 1]!)); \(tail)"
            }
    }
}
