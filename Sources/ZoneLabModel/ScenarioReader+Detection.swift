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
        guard case .mapping(let pairs) = node.kind else {
            diagnostics.error(
                "\(what) must be a mapping from gap (-3 to 4, capability minus monitoring level) to a probability, found \(node.kindDescription)",
                at: node.location)
            return [:]
        }
        var table: [Int: Double] = [:]
        for pair in pairs {
            let keyText = pair.key.text ?? ""
            guard let d = Int(keyText), Calibration.gaps.contains(d) else {
                diagnostics.error(
                    "gap '\(keyText)' in \(what) is not a gap: keys are the integers -3 to 4 (capability minus monitoring level)",
                    at: pair.key.location)
                continue
            }
            if table[d] != nil {
                diagnostics.error("gap \(d) is given twice in \(what)", at: pair.key.location)
                continue
            }
            if let q = diagnostics.number(pair.value, "q of gap \(d) in \(what)", in: 0...1) { table[d] = q }
        }
        return table
    }

    mutating func responseTable(_ node: DocumentNode, _ what: String) -> [Int: TimeDistribution] {
        guard case .mapping(let pairs) = node.kind else {
            diagnostics.error(
                "\(what) must be a mapping from monitoring level (1–4) to a time distribution, found \(node.kindDescription)",
                at: node.location)
            return [:]
        }
        var table: [Int: TimeDistribution] = [:]
        for pair in pairs {
            let keyText = pair.key.text ?? ""
            guard let m = Int(keyText), Calibration.monitoringLevels.contains(m) else {
                diagnostics.error(
                    "key '\(keyText)' of \(what) must be a monitoring level (TRE SL-A) 1 to 4", at: pair.key.location)
                continue
            }
            if table[m] != nil {
                diagnostics.error("the response of level \(m) is given twice in \(what)", at: pair.key.location)
                continue
            }
            if let ttc = ttc(pair.value, "the response of level \(m) in \(what)") { table[m] = ttc }
        }
        return table
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
