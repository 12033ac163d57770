import ZoneLabSource

extension ScenarioReader {
    /// An SL: a scalar 0–4 for every FR, or a map of FRs (the rest 0).
    mutating func slVector(_ node: DocumentNode, _ what: String) -> SLVector? {
        slOverrides(node, what).map { SLVector($0) }
    }

    /// An SL as the FRs it names: a scalar names every FR; a map only its keys.
    mutating func slOverrides(_ node: DocumentNode, _ what: String) -> [FR: Int]? {
        switch node.kind {
        case .scalar:
            guard let level = diagnostics.integer(node, what, in: 0...4) else { return nil }
            return Dictionary(uniqueKeysWithValues: FR.allCases.map { ($0, level) })
        case .sequence:
            diagnostics.error(
                "\(what) must be a level 0–4 or a map of FRs such as {IAC: 2, RDF: 3}, found a list", at: node.location)
            return nil
        case .mapping:
            return slLevels(node, what)
        }
    }

    /// A map of FRs to levels 0–4.
    mutating func slLevels(_ node: DocumentNode, _ what: String) -> [FR: Int]? {
        let names = FR.allCases.map(\.rawValue)
        guard let f = diagnostics.fields(of: node, what, allowed: names) else { return nil }
        var levels: [FR: Int] = [:]
        for fr in FR.allCases {
            if let value = f[fr.rawValue],
                let level = diagnostics.integer(value, "\(fr.rawValue) in \(what)", in: 0...4)
            {
                levels[fr] = level
            }
        }
        return levels
    }

    /// A duration: a number of hours, or digits with an optional fraction and a unit m h d w y.
    mutating func duration(_ node: DocumentNode, _ what: String, positive: Bool) -> TimeSpan? {
        guard let scalar = node.scalar, !node.isNull else {
            diagnostics.error(
                "\(what) must be a duration such as 90m, 12h, 1.5d, 2w, 1y or a number of hours, found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        var span: TimeSpan?
        if scalar.isPlain, let hours = Diagnostics.parseNumber(scalar.text) {
            span = TimeSpan(hours: hours)
        } else if let parsed = TimeSpan(parsing: scalar.text),
            scalar.text.last.map({ TimeSpan.unitHours[$0] != nil }) == true
        {
            span = parsed
        }
        guard let span, span.hours.isFinite else {
            var hint = ""
            if !scalar.isPlain, Diagnostics.parseNumber(scalar.text) != nil {
                hint = " (a number of hours is written without quotes; or give a unit, e.g. \(scalar.text)h)"
            } else if scalar.text.contains(" ") {
                hint = " (write the number and its unit without a space, e.g. 90m)"
            }
            diagnostics.error(
                "\(what) must be a duration such as 90m, 12h, 1.5d, 2w, 1y or a number of hours, found \(node.kindDescription)\(hint)",
                at: node.location)
            return nil
        }
        if span.hours < 0 || (positive && span.hours == 0) {
            diagnostics.error(
                "\(what) must be \(positive ? "positive" : "zero or more"), found \(scalar.text)", at: node.location)
            return nil
        }
        return span
    }

    /// A list of ids (or a single id), each recorded as a reference to check later.
    mutating func idList(
        _ node: DocumentNode, _ what: String, nonEmpty: Bool, kind: Reference.Kind, into references: inout [Reference]
    ) -> [String]? {
        let items: [DocumentNode]
        if node.scalar != nil {
            items = [node]
        } else if let list = diagnostics.list(node, what) {
            items = list
        } else {
            return nil
        }
        if nonEmpty && items.isEmpty {
            diagnostics.error("\(what) must name at least one zone or asset", at: node.location)
            return nil
        }
        var ids: [String] = []
        for item in items {
            if let id = diagnostics.identifier(item, "an item of \(what)") {
                ids.append(id)
                references.append(Reference(id: id, kind: kind, what: "\(what):", location: item.location))
            }
        }
        return ids
    }

    /// One of an enum's raw values.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: DocumentNode, _ what: String, _: T.Type) -> T?
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard let text = diagnostics.string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        diagnostics.error(
            "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'\(Suggestion.hint(for: text, among: allowed))",
            at: node.location)
        return nil
    }

    // MARK: - Calibration

    static let calibrationKeys = [
        "gap", "horizon", "conduit_frs", "asset_frs", "iacs_types", "iacs_capability", "iacs_penalty", "rate",
        "mfa_level",
    ]

    mutating func calibration(_ node: DocumentNode, _ what: String) -> CalibrationOverride? {
        guard
            let f = diagnostics.fields(
                of: node, what, allowed: Self.calibrationKeys + Self.detectionCalibrationKeys)
        else { return nil }
        var result = CalibrationOverride()
        detectionCalibration(f, what, into: &result)
        if let gapNode = f["gap"] {
            result.gap = integerKeyedTable(
                gapNode, what, keys: Calibration.gaps, keyName: "gap", mapsTo: "{p, ttc}", table: "'gap' of \(what)",
                badKey: {
                    "gap '\($0)' in \(what) is not a gap: keys are the integers -3 to 4 (capability minus protection)"
                },
                repeated: { "gap \($0)" },
                value: { reader, value, d, key in
                    reader.gapLocations[d] = key.location
                    let cwhat = "gap \(d) of \(what)"
                    guard let c = reader.diagnostics.fields(of: value, cwhat, allowed: ["p", "ttc"]) else { return nil }
                    var cell = CalibrationOverride.Cell()
                    cell.p = c["p"].flatMap { reader.diagnostics.number($0, "'p' of \(cwhat)", in: 0...1) }
                    cell.ttc = c["ttc"].flatMap { reader.ttc($0, "'ttc' of \(cwhat)") }
                    return cell
                })
        }
        if let horizonNode = f["horizon"] {
            result.horizonHours = integerKeyedTable(
                horizonNode, what, keys: Calibration.capabilities, keyName: "capability (1–4)",
                mapsTo: "a duration", table: "'horizon' of \(what)",
                badKey: { "horizon key '\($0)' in \(what) must be a capability 1 to 4" },
                repeated: { "the horizon of capability \($0)" },
                value: { reader, value, c, _ in
                    reader.duration(value, "the horizon of capability \(c) in \(what)", positive: true)?.hours
                })
        }
        result.conduitFRs = f["conduit_frs"].flatMap { frList($0, "'conduit_frs' of \(what)") }
        result.assetFRs = f["asset_frs"].flatMap { frList($0, "'asset_frs' of \(what)") }
        if let typesNode = f["iacs_types"], let items = diagnostics.list(typesNode, "'iacs_types' of \(what)") {
            result.iacsTypes = items.compactMap { diagnostics.string($0, "an item of 'iacs_types' of \(what)") }
        }
        result.iacsCapability = f["iacs_capability"].flatMap {
            diagnostics.integer($0, "'iacs_capability' of \(what)", in: 1...5)
        }
        result.iacsPenalty = f["iacs_penalty"].flatMap {
            diagnostics.integer($0, "'iacs_penalty' of \(what)", in: 0...4)
        }
        if let rateNode = f["rate"] { result.rate = rateTable(rateNode, "'rate' of \(what)") }
        result.mfaLevel = f["mfa_level"].flatMap {
            diagnostics.integer($0, "'mfa_level' of \(what) (the IAC SL-A from which MFA stops a password)", in: 1...5)
        }
        return result
    }

    /// A non-empty list of distinct FRs.
    mutating func frList(_ node: DocumentNode, _ what: String) -> [FR]? {
        guard let items = diagnostics.list(node, what) else { return nil }
        if items.isEmpty {
            diagnostics.error("\(what) must list at least one FR", at: node.location)
            return nil
        }
        var frs: [FR] = []
        for item in items {
            guard let text = diagnostics.string(item, "an item of \(what)") else { continue }
            guard let fr = FR(rawValue: text) else {
                diagnostics.error(
                    "'\(text)' in \(what) is not an FR: use IAC, UC, SI, DC, RDF, TRE, RA\(Suggestion.hint(for: text, among: FR.allCases.map(\.rawValue)))",
                    at: item.location)
                continue
            }
            if frs.contains(fr) {
                diagnostics.error("\(what) lists \(fr.rawValue) twice", at: item.location)
                continue
            }
            frs.append(fr)
        }
        return frs.count == items.count ? frs : nil
    }

    /// `{dist: instant}`, `{dist: fixed, time: D}`, `{dist: exponential, mean: D}`,
    /// `{dist: lognormal, median: D, sigma: X}`, `{dist: uniform, min: D, max: D}`.
    mutating func ttc(_ node: DocumentNode, _ what: String) -> TimeDistribution? {
        let keys = ["dist", "time", "mean", "median", "sigma", "min", "max"]
        guard let f = diagnostics.fields(of: node, what, allowed: keys, required: ["dist"]),
            let distNode = f["dist"], let dist = diagnostics.string(distNode, "'dist' of \(what)")
        else { return nil }
        let needed: [String: [String]] = [
            "instant": [], "fixed": ["time"], "exponential": ["mean"], "lognormal": ["median", "sigma"],
            "uniform": ["min", "max"],
        ]
        guard let required = needed[dist] else {
            diagnostics.error(
                "'dist' of \(what) must be one of instant, fixed, exponential, lognormal, uniform, found '\(dist)'\(Suggestion.hint(for: dist, among: needed.keys.sorted()))",
                at: distNode.location)
            return nil
        }
        for key in keys.dropFirst() where f.contains(key) && !required.contains(key) {
            diagnostics.error(
                "'\(key)' does not belong to \(dist.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(dist) distribution in \(what) (it takes \(required.isEmpty ? "no parameters" : required.joined(separator: ", ")))",
                at: f.location(of: key))
        }
        var ok = true
        for key in required where f[key] == nil {
            diagnostics.error("\(what) (\(dist)) is missing '\(key)'", at: node.location)
            ok = false
        }
        guard ok else { return nil }
        switch dist {
        case "instant":
            return .instant
        case "fixed":
            return duration(f["time"]!, "'time' of \(what)", positive: false).map { .fixed(hours: $0.hours) }
        case "exponential":
            return duration(f["mean"]!, "'mean' of \(what)", positive: true).map { .exponential(meanHours: $0.hours) }
        case "lognormal":
            let median = duration(f["median"]!, "'median' of \(what)", positive: true)
            let sigma = diagnostics.number(f["sigma"]!, "'sigma' of \(what)")
            if let sigma, sigma <= 0 {
                diagnostics.error(
                    "'sigma' of \(what) must be positive, found \(f["sigma"]!.text ?? "")", at: f["sigma"]!.location)
                return nil
            }
            guard let median, let sigma else { return nil }
            return .lognormal(medianHours: median.hours, sigma: sigma)
        default:
            let lo = duration(f["min"]!, "'min' of \(what)", positive: false)
            let hi = duration(f["max"]!, "'max' of \(what)", positive: false)
            guard let lo, let hi else { return nil }
            if lo.hours > hi.hours {
                diagnostics.error("'min' of \(what) must not exceed 'max'", at: f["min"]!.location)
                return nil
            }
            return .uniform(minHours: lo.hours, maxHours: hi.hours)
        }
    }
}
