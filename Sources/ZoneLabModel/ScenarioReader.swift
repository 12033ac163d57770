import ZoneLabSource

/// Turns a document tree into a `Scenario`, collecting every problem on the way.
struct ScenarioReader {
    var diagnostics: Diagnostics
    /// Where each calibration gap was written, to point the monotonicity warning at it.
    var gapLocations: [Int: SourceLocation] = [:]

    init(file: String) {
        diagnostics = Diagnostics(file: file)
    }

    static let topKeys = [
        "zonelab", "name", "description", "horizon", "tolerable", "entry", "targets", "zones", "assets",
        "conduits", "attackers", "calibration", "risk", "credentials",
    ]
    static let zoneKeys = ["id", "name", "level", "sl_target", "sl_achieved", "compensating", "upgrade_cost"]
    static let assetKeys = [
        "id", "name", "zone", "type", "critical", "sl_achieved", "vulnerabilities", "impact", "loss", "media",
        "transient", "inventory",
    ]
    static let vulnerabilityKeys = ["id", "severity", "exploit", "preauth"]
    static let conduitKeys = [
        "id", "name", "zones", "direction", "sl_achieved", "sl_target", "channels", "upgrade_cost",
    ]
    static let channelKeys = ["id", "from", "to", "protocol"]
    static let attackerKeys = ["id", "capability", "entry", "horizon", "rate", "media"]

    /// Where a channel's ends were written, and its place in the conduit's list.
    struct ChannelNodes {
        var index: Int
        var from: DocumentNode
        var to: DocumentNode
    }

    /// A reference to check once every id is known.
    struct Reference {
        enum Kind { case zone, zoneOrAsset }
        var id: String
        var kind: Kind
        var what: String
        var location: SourceLocation
    }

    mutating func read(_ root: DocumentNode) -> Scenario? {
        guard
            let top = diagnostics.fields(
                of: root, "the scenario", allowed: Self.topKeys, required: ["zonelab", "name", "zones"])
        else {
            return nil
        }
        if let version = top["zonelab"] {
            if let scalar = version.scalar, scalar.isPlain, let v = Int(scalar.text) {
                if v != 1 {
                    diagnostics.error(
                        "unsupported format version zonelab: \(v); this ZoneLab reads zonelab: 1", at: version.location)
                }
            } else {
                diagnostics.error(
                    "'zonelab' must be the format version 1, found \(version.kindDescription)", at: version.location)
            }
        }
        var name = top["name"].flatMap { diagnostics.string($0, "'name'") } ?? ""
        if let node = top["name"], node.scalar != nil, name.allSatisfy(\.isWhitespace) {
            diagnostics.error(
                "'name' must not be empty: it names the scenario and its report folder", at: node.location)
            name = ""
        }
        let description = top["description"].flatMap { diagnostics.string($0, "'description'") }
        let horizon = top["horizon"].flatMap { duration($0, "'horizon'", positive: true) }
        let tolerable = top["tolerable"].flatMap { diagnostics.number($0, "'tolerable'", in: 0...1) } ?? 0.05

        var references: [Reference] = []
        let entry = top["entry"].flatMap {
            idList($0, "'entry'", nonEmpty: true, kind: .zoneOrAsset, into: &references)
        }
        let targetList = top["targets"].flatMap { self.targets($0, into: &references) }
        let targets = targetList?.ids ?? []
        // Whether an item that might name a target could not be read: then "no target" is not reported.
        var targetsUncertain =
            (top["targets"] != nil && targetList == nil) || Self.misspells("targets", in: root, allowed: Self.topKeys)

        var ids = IDRegistry()
        var zones: [Zone] = []
        if let node = top["zones"], let items = diagnostics.list(node, "'zones'") {
            if items.isEmpty { diagnostics.error("'zones' must list at least one zone", at: node.location) }
            for (i, item) in items.enumerated() {
                if let zone = self.zone(item, index: i, ids: &ids) { zones.append(zone) }
            }
        }
        var assets: [Asset] = []
        if let node = top["assets"] {
            if let items = diagnostics.list(node, "'assets'") {
                for (i, item) in items.enumerated() {
                    if let asset = self.asset(item, index: i, ids: &ids, references: &references) {
                        assets.append(asset)
                    } else {
                        targetsUncertain = true
                    }
                    if let critical = item["critical"], !critical.isNull,
                        critical.scalar.map({
                            !$0.isPlain || !["true", "false", "True", "False", "TRUE", "FALSE"].contains($0.text)
                        }) ?? true
                    {
                        targetsUncertain = true  // `critical: yes` and the like, reported on their own
                    }
                    if Self.misspells("critical", in: item, allowed: Self.assetKeys) { targetsUncertain = true }
                }
            } else {
                targetsUncertain = true
            }
        }
        var conduits: [Conduit] = []
        var channelChecks: [(conduit: Conduit, nodes: [ChannelNodes])] = []
        if let node = top["conduits"], let items = diagnostics.list(node, "'conduits'") {
            for (i, item) in items.enumerated() {
                if let (conduit, nodes) = self.conduit(item, index: i, ids: &ids, references: &references) {
                    conduits.append(conduit)
                    channelChecks.append((conduit, nodes))
                }
            }
        }
        var credentials: [(Credential, CredentialNodes)] = []
        if let node = top["credentials"], let items = diagnostics.list(node, "'credentials'") {
            for (i, item) in items.enumerated() {
                if let credential = self.credential(item, index: i, ids: &ids) { credentials.append(credential) }
            }
        }
        var attackers: [Attacker]?
        if let node = top["attackers"], let items = diagnostics.list(node, "'attackers'") {
            if items.isEmpty {
                diagnostics.error(
                    "'attackers' must not be empty; leave it out for the default attackers SL1–SL4", at: node.location)
            }
            var seen: [String: SourceLocation] = [:]
            attackers = items.enumerated().compactMap { i, item in
                attacker(item, index: i, seen: &seen, references: &references)
            }
        }
        let calibration = top["calibration"].flatMap { self.calibration($0, "'calibration'") } ?? CalibrationOverride()

        // References, now that every id is known.
        let zoneIDs = Set(zones.map(\.id))
        // Assets whose zone is unknown are left out: their zone is reported once, at the asset.
        let assetZone = Dictionary(
            assets.filter { zoneIDs.contains($0.zone) }.map { ($0.id, $0.zone) }, uniquingKeysWith: { a, _ in a })
        let assetIDs = Set(assets.map(\.id))
        for reference in references {
            let known =
                reference.kind == .zone
                ? zoneIDs.contains(reference.id)
                : zoneIDs.contains(reference.id) || assetIDs.contains(reference.id)
            guard !known else { continue }
            if reference.kind == .zone, let asset = assets.first(where: { $0.id == reference.id }) {
                diagnostics.error(
                    "\(reference.what) '\(reference.id)' is an asset, not a zone\(zoneIDs.contains(asset.zone) ? " (it lies in zone '\(asset.zone)')" : "")",
                    at: reference.location)
                continue
            }
            let candidates = reference.kind == .zone ? Array(zoneIDs) : Array(zoneIDs) + Array(assetIDs)
            let noun = reference.kind == .zone ? "zone" : "zone or asset"
            diagnostics.error(
                "\(reference.what) '\(reference.id)' is not a known \(noun)\(Suggestion.hint(for: reference.id, among: candidates.sorted()))",
                at: reference.location)
        }
        for (conduit, nodes) in channelChecks {
            checkChannels(conduit, nodes, zoneIDs: zoneIDs, assetZone: assetZone)
        }
        let conduitIDs = Set(conduits.map(\.id))
        for (credential, nodes) in credentials {
            checkCredential(credential, nodes, zoneIDs: zoneIDs, assetIDs: assetIDs, conduitIDs: conduitIDs)
        }

        // Entries: required unless every attacker names its own.
        if top["entry"] == nil {
            let withoutEntry = (attackers ?? []).filter { $0.entry == nil }.map { "'\($0.id)'" }
            let why: String
            if attackers == nil {
                why = "the default attackers SL1–SL4 start there"
            } else if !withoutEntry.isEmpty {
                why =
                    "attacker\(withoutEntry.count == 1 ? "" : "s") \(withoutEntry.joined(separator: ", ")) name\(withoutEntry.count == 1 ? "s" : "") no 'entry' of \(withoutEntry.count == 1 ? "its" : "their") own"
            } else {
                why = ""  // every attacker names its own entry (or none could be read: reported there)
            }
            if !why.isEmpty {
                if top.contains("entry") {
                    diagnostics.error(
                        "'entry' of the scenario must have a value: \(why)", at: top.location(of: "entry"))
                } else {
                    diagnostics.error(
                        "the scenario is missing the required key 'entry' (the zones or assets where attackers start): \(why)",
                        at: root.location)
                }
            }
        }
        // At least one target.
        if !assets.contains(where: \.critical) && targets.isEmpty && !targetsUncertain {
            diagnostics.error(
                "the scenario has no target: mark an asset 'critical: true' or list zones or assets under 'targets'",
                at: root.location)
        }

        warnIfNotMonotone(Calibration.standard.applying(calibration), otherwise: top.location(of: "calibration"))

        let risk = top["risk"].flatMap { riskSettings($0) } ?? .standard
        guard !diagnostics.hasErrors else { return nil }
        var scenario = Scenario(
            name: name, description: description, horizon: horizon, tolerable: tolerable,
            entry: entry ?? [], extraTargets: targets, zones: zones, assets: assets, conduits: conduits,
            attackers: attackers, calibrationOverride: calibration)
        scenario.targetConsequences = targetList?.consequences ?? [:]
        scenario.risk = risk
        scenario.setCredentials(credentials.map(\.0))
        return scenario
    }

    /// Whether a mapping node has an unknown key that is likely a misspelt `key` (reported as such).
    static func misspells(_ key: String, in node: DocumentNode, allowed: [String]) -> Bool {
        guard case .mapping(let pairs) = node.kind else { return false }
        return pairs.contains { pair in
            guard let text = pair.key.text, !allowed.contains(text) else { return false }
            return Suggestion.closest(to: text, among: allowed) == key
        }
    }

    /// Warns once per gap where `calibration` is not monotone, at the gap's cell when one was given.
    mutating func warnIfNotMonotone(_ calibration: Calibration, otherwise location: SourceLocation) {
        for d in calibration.monotonicityViolations {
            diagnostics.warning(
                Self.monotonicityWarning(d, in: calibration), at: gapLocations[d] ?? gapLocations[d + 1] ?? location)
        }
        for message in Self.detectionMonotonicityWarnings(calibration) { diagnostics.warning(message, at: location) }
    }

    static func monotonicityWarning(_ d: Int, in calibration: Calibration) -> String {
        let lower = calibration.gap[d]!
        let higher = calibration.gap[d + 1]!
        var what: [String] = []
        if lower.p > higher.p { what.append("p is higher at gap \(d) (\(lower.p)) than at gap \(d + 1) (\(higher.p))") }
        if !lower.ttc.isStochasticallyAtLeast(higher.ttc) {
            what.append("the time at gap \(d) (\(lower.ttc)) is not at least that at gap \(d + 1) (\(higher.ttc))")
        }
        return
            "the calibration is not monotone: \(what.joined(separator: ", and ")); it is accepted, but a stronger control can then make a step easier in the same trial, so what-if differences are less sharp"
    }
}
