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
        "conduits", "attackers", "calibration",
    ]
    static let zoneKeys = ["id", "name", "level", "sl_target", "sl_achieved", "compensating", "upgrade_cost"]
    static let assetKeys = ["id", "name", "zone", "type", "critical", "sl_achieved", "vulnerabilities"]
    static let vulnerabilityKeys = ["id", "severity", "exploit"]
    static let conduitKeys = [
        "id", "name", "zones", "direction", "sl_achieved", "sl_target", "channels", "upgrade_cost",
    ]
    static let channelKeys = ["id", "from", "to", "protocol"]
    static let attackerKeys = ["id", "capability", "entry", "horizon"]

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
        let targetList = top["targets"].flatMap {
            idList($0, "'targets'", nonEmpty: false, kind: .zoneOrAsset, into: &references)
        }
        let targets = targetList ?? []
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

        guard !diagnostics.hasErrors else { return nil }
        return Scenario(
            name: name, description: description, horizon: horizon, tolerable: tolerable,
            entry: entry ?? [], extraTargets: targets, zones: zones, assets: assets, conduits: conduits,
            attackers: attackers, calibrationOverride: calibration)
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

    // MARK: - Items

    /// How messages name a list item: `asset 'plc1'` by its id when that is valid, else `asset #2`.
    static func label(_ kind: String, _ index: Int, _ node: DocumentNode) -> String {
        if let id = node["id"]?.text, Diagnostics.isIdentifier(id) { return "\(kind) '\(id)'" }
        return "\(kind) #\(index + 1)"
    }

    /// An item's id, registered in `ids` when given; nil (reported) when missing or invalid.
    /// The item's other keys are checked either way, named by `label` when the id is unusable.
    mutating func itemID(_ f: Fields, _ label: String) -> (id: String, node: DocumentNode)? {
        guard let idNode = f["id"], let id = diagnostics.identifier(idNode, "the id of \(label)") else { return nil }
        return (id, idNode)
    }

    /// A Purdue level: a whole number from 0 to 5, or 3.5 (the IT/OT DMZ).
    mutating func purdueLevel(_ node: DocumentNode, _ what: String) -> Double? {
        let label = "'level' of \(what) (Purdue level)"
        guard let scalar = node.scalar, scalar.isPlain, let value = Double(scalar.text), value.isFinite else {
            diagnostics.error(
                "\(label) must be a whole number from 0 to 5, or 3.5, found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard (0...5).contains(value), value == value.rounded() || value == 3.5 else {
            diagnostics.error(
                "\(label) must be from 0 to 5 (a whole number, or 3.5), found \(scalar.text)", at: node.location)
            return nil
        }
        return value
    }

    mutating func zone(_ node: DocumentNode, index: Int, ids: inout IDRegistry) -> Zone? {
        let label = Self.label("zone", index, node)
        guard let f = diagnostics.fields(of: node, label, allowed: Self.zoneKeys, required: ["id"]) else { return nil }
        let id = itemID(f, label)
        if let id { ids.register(id.id, kind: "zone", at: id.node.location, diagnostics: &diagnostics) }
        let what = label
        let zone = Zone(
            id: id?.id ?? "",
            name: f["name"].flatMap { diagnostics.string($0, "'name' of \(what)") },
            level: f["level"].flatMap { purdueLevel($0, what) },
            slTarget: f["sl_target"].flatMap { slVector($0, "'sl_target' of \(what)")?.withEveryFR } ?? SLVector(),
            slAchieved: f["sl_achieved"].flatMap { slVector($0, "'sl_achieved' of \(what)") } ?? .notAssessed,
            compensating: f["compensating"].flatMap { diagnostics.string($0, "'compensating' of \(what)") },
            upgradeCost: f["upgrade_cost"].flatMap {
                diagnostics.number($0, "'upgrade_cost' of \(what)", in: 0...Double.greatestFiniteMagnitude)
            })
        return id == nil ? nil : zone
    }

    mutating func asset(_ node: DocumentNode, index: Int, ids: inout IDRegistry, references: inout [Reference])
        -> Asset?
    {
        let label = Self.label("asset", index, node)
        guard let f = diagnostics.fields(of: node, label, allowed: Self.assetKeys, required: ["id", "zone"]) else {
            return nil
        }
        let id = itemID(f, label)
        if let id { ids.register(id.id, kind: "asset", at: id.node.location, diagnostics: &diagnostics) }
        let what = label
        var zone = ""
        if let zoneNode = f["zone"], let z = diagnostics.identifier(zoneNode, "'zone' of \(what)") {
            zone = z
            references.append(Reference(id: z, kind: .zone, what: "'zone' of \(what):", location: zoneNode.location))
        }
        var vulnerabilities: [Vulnerability] = []
        if let list = f["vulnerabilities"].flatMap({ diagnostics.list($0, "'vulnerabilities' of \(what)") }) {
            var seen: [String: SourceLocation] = [:]
            for (i, item) in list.enumerated() {
                if let v = vulnerability(item, index: i, of: what, seen: &seen) { vulnerabilities.append(v) }
            }
        }
        let asset = Asset(
            id: id?.id ?? "",
            name: f["name"].flatMap { diagnostics.string($0, "'name' of \(what)") },
            zone: zone,
            type: f["type"].flatMap { diagnostics.string($0, "'type' of \(what)") },
            critical: f["critical"].flatMap { diagnostics.boolean($0, "'critical' of \(what)") } ?? false,
            slAchievedOverrides: f["sl_achieved"].flatMap { slOverrides($0, "'sl_achieved' of \(what)") } ?? [:],
            vulnerabilities: vulnerabilities)
        return id == nil ? nil : asset
    }

    mutating func vulnerability(
        _ node: DocumentNode, index: Int, of owner: String, seen: inout [String: SourceLocation]
    ) -> Vulnerability? {
        let label = Self.label("vulnerability", index, node) + " of \(owner)"
        guard
            let f = diagnostics.fields(of: node, label, allowed: Self.vulnerabilityKeys, required: ["id", "severity"])
        else { return nil }
        let id = itemID(f, label)
        if let id {
            if let first = seen[id.id] {
                diagnostics.error(
                    "duplicate vulnerability id '\(id.id)' in \(owner) (first at line \(first.line), column \(first.column))",
                    at: id.node.location)
            } else {
                seen[id.id] = id.node.location
            }
        }
        let what = label
        let severity = f["severity"].flatMap { choice($0, "'severity' of \(what)", Severity.self) }
        let exploit =
            f["exploit"].flatMap { choice($0, "'exploit' of \(what)", ExploitAvailability.self) }
            ?? ExploitAvailability.none
        guard let id, let severity else { return nil }
        return Vulnerability(id: id.id, severity: severity, exploit: exploit)
    }

    mutating func conduit(
        _ node: DocumentNode, index: Int, ids: inout IDRegistry, references: inout [Reference]
    ) -> (Conduit, [ChannelNodes])? {
        let label = Self.label("conduit", index, node)
        guard let f = diagnostics.fields(of: node, label, allowed: Self.conduitKeys, required: ["id", "zones"]) else {
            return nil
        }
        let id = itemID(f, label)
        if let id { ids.register(id.id, kind: "conduit", at: id.node.location, diagnostics: &diagnostics) }
        let what = label
        var zones: [String] = []
        if let zonesNode = f["zones"], let items = diagnostics.list(zonesNode, "'zones' of \(what)") {
            if items.count != 2 {
                diagnostics.error(
                    "'zones' of \(what) must name exactly two zones, found \(items.count)", at: zonesNode.location)
            } else {
                for item in items {
                    if let z = diagnostics.identifier(item, "a zone of \(what)") {
                        zones.append(z)
                        references.append(
                            Reference(id: z, kind: .zone, what: "'zones' of \(what):", location: item.location))
                    }
                }
                if zones.count == 2 && zones[0] == zones[1] {
                    diagnostics.error(
                        "'zones' of \(what) must be two different zones, found '\(zones[0])' twice",
                        at: zonesNode.location)
                }
            }
        }
        let direction = f["direction"].flatMap { choice($0, "'direction' of \(what)", ConduitDirection.self) } ?? .both
        var channels: [Channel]?
        var channelNodes: [ChannelNodes] = []
        if let channelsNode = f["channels"], let items = diagnostics.list(channelsNode, "'channels' of \(what)") {
            channels = []
            var seenCIDs: [String: (index: Int, location: SourceLocation)] = [:]
            for (i, item) in items.enumerated() {
                let cwhat = "channel #\(i + 1) of \(what)"
                guard let c = diagnostics.fields(of: item, cwhat, allowed: Self.channelKeys, required: ["from", "to"])
                else { continue }
                var ends: [(id: String, node: DocumentNode)] = []
                for key in ["from", "to"] {
                    if let endNode = c[key], let end = diagnostics.identifier(endNode, "'\(key)' of \(cwhat)") {
                        references.append(
                            Reference(
                                id: end, kind: .zoneOrAsset, what: "'\(key)' of \(cwhat):", location: endNode.location))
                        ends.append((end, endNode))
                    }
                }
                let `protocol` = c["protocol"].flatMap { diagnostics.string($0, "'protocol' of \(cwhat)") }
                let channelID = c["id"].flatMap { diagnostics.identifier($0, "the id of \(cwhat)") }
                if channelID == nil, c["id"] == nil, let `protocol`, let node = c["protocol"],
                    !Channel.isIDSafe(protocol: `protocol`)
                {
                    diagnostics.error(
                        "'protocol' of \(cwhat) is '\(`protocol`)': a channel's id is built from its ends and protocol, which may only use letters, digits and _ . + -; give the channel an 'id' (e.g. id: \(ends.first?.id ?? "a")-\(ends.last?.id ?? "b"))",
                        at: node.location)
                }
                guard ends.count == 2, c["id"] == nil || channelID != nil else { continue }
                let channel = Channel(id: channelID, from: ends[0].id, to: ends[1].id, protocol: `protocol`)
                let cidNode = c["id"] ?? item
                if let first = seenCIDs[channel.cid] {
                    diagnostics.error(
                        "\(cwhat) has the id '\(channel.cid)', like channel #\(first.index + 1) (line \(first.location.line), column \(first.location.column)): give the channels distinct 'id's",
                        at: cidNode.location)
                    continue
                }
                seenCIDs[channel.cid] = (i, cidNode.location)
                channels!.append(channel)
                channelNodes.append(ChannelNodes(index: i, from: ends[0].node, to: ends[1].node))
            }
        }
        let name = f["name"].flatMap { diagnostics.string($0, "'name' of \(what)") }
        let slAchieved = f["sl_achieved"].flatMap { slVector($0, "'sl_achieved' of \(what)") } ?? .notAssessed
        let slTarget = f["sl_target"].flatMap { slVector($0, "'sl_target' of \(what)")?.withEveryFR }
        let upgradeCost = f["upgrade_cost"].flatMap {
            diagnostics.number($0, "'upgrade_cost' of \(what)", in: 0...Double.greatestFiniteMagnitude)
        }
        guard let id, zones.count == 2 else { return nil }
        let conduit = Conduit(
            id: id.id, name: name, zones: zones, direction: direction, slAchieved: slAchieved, slTarget: slTarget,
            channels: channels, upgradeCost: upgradeCost)
        return (conduit, channelNodes)
    }

    /// A channel's ends lie in the conduit's two different zones; on `forward`, `from` on zones[0]'s side.
    mutating func checkChannels(
        _ conduit: Conduit, _ nodes: [ChannelNodes], zoneIDs: Set<String>, assetZone: [String: String]
    ) {
        // A conduit whose zones are unknown has that reported; its channels cannot be checked.
        guard let channels = conduit.channels, conduit.zones.allSatisfy(zoneIDs.contains) else { return }
        func zone(of id: String) -> String? { zoneIDs.contains(id) ? id : assetZone[id] }
        for (channel, node) in zip(channels, nodes) {
            let what = "channel #\(node.index + 1) of conduit '\(conduit.id)'"
            // An end that is not a known zone or asset was reported with the references.
            guard let fromZone = zone(of: channel.from), let toZone = zone(of: channel.to) else { continue }
            let sides = "'\(conduit.zones[0])' and '\(conduit.zones[1])'"
            if !conduit.zones.contains(fromZone) {
                diagnostics.error(
                    "'from' of \(what): '\(channel.from)' lies in zone '\(fromZone)', not on either side of the conduit (\(sides))",
                    at: node.from.location)
            }
            if !conduit.zones.contains(toZone) {
                diagnostics.error(
                    "'to' of \(what): '\(channel.to)' lies in zone '\(toZone)', not on either side of the conduit (\(sides))",
                    at: node.to.location)
            }
            guard conduit.zones.contains(fromZone), conduit.zones.contains(toZone) else { continue }
            if fromZone == toZone {
                diagnostics.error(
                    "\(what) runs from '\(channel.from)' to '\(channel.to)', both in zone '\(fromZone)': a channel crosses the conduit",
                    at: node.to.location)
            } else if conduit.direction == .forward && fromZone != conduit.zones[0] {
                diagnostics.error(
                    "\(what) runs against the conduit's direction: it is 'forward' (only from '\(conduit.zones[0])' to '\(conduit.zones[1])'), but '\(channel.from)' lies in '\(fromZone)'",
                    at: node.from.location)
            }
        }
    }

    mutating func attacker(
        _ node: DocumentNode, index: Int, seen: inout [String: SourceLocation], references: inout [Reference]
    ) -> Attacker? {
        let label = Self.label("attacker", index, node)
        guard let f = diagnostics.fields(of: node, label, allowed: Self.attackerKeys, required: ["id", "capability"])
        else { return nil }
        let id = itemID(f, label)
        if let id {
            if let first = seen[id.id] {
                diagnostics.error(
                    "duplicate attacker id '\(id.id)' (first at line \(first.line), column \(first.column))",
                    at: id.node.location)
            } else {
                seen[id.id] = id.node.location
            }
        }
        let what = label
        let capability = f["capability"].flatMap { diagnostics.integer($0, "'capability' of \(what)", in: 1...4) }
        let entry = f["entry"].flatMap {
            idList($0, "'entry' of \(what)", nonEmpty: true, kind: .zoneOrAsset, into: &references)
        }
        let horizon = f["horizon"].flatMap { duration($0, "'horizon' of \(what)", positive: true) }
        guard let id, let capability else { return nil }
        return Attacker(id: id.id, capability: capability, entry: entry, horizon: horizon)
    }
}

/// Ids are unique across zones, assets and conduits.
struct IDRegistry {
    private var seen: [String: (kind: String, location: SourceLocation)] = [:]

    mutating func register(_ id: String, kind: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        if let first = seen[id] {
            diagnostics.error(
                "duplicate id '\(id)': already the id of \(first.kind == "asset" ? "an" : "a") \(first.kind) at line \(first.location.line), column \(first.location.column) (ids are unique across zones, assets and conduits)",
                at: location)
        } else {
            seen[id] = (kind, location)
        }
    }
}
