import ZoneLabSource

/// The items of a scenario: zones, assets, vulnerabilities, conduits and their channels, attackers.
extension ScenarioReader {
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
        var asset = Asset(
            id: id?.id ?? "",
            name: f["name"].flatMap { diagnostics.string($0, "'name' of \(what)") },
            zone: zone,
            type: f["type"].flatMap { diagnostics.string($0, "'type' of \(what)") },
            critical: f["critical"].flatMap { diagnostics.boolean($0, "'critical' of \(what)") } ?? false,
            slAchievedOverrides: f["sl_achieved"].flatMap { slOverrides($0, "'sl_achieved' of \(what)") } ?? [:],
            vulnerabilities: vulnerabilities)
        asset.consequence = consequence(f, what)
        asset.media = f["media"].flatMap { diagnostics.boolean($0, "'media' of \(what)") } ?? false
        asset.inventory = f["inventory"].flatMap { inventory($0, what) }
        if let node = f["transient"] {
            asset.transient = transientVisits(node, of: what, assetZone: zone, references: &references)
        }
        return id == nil ? nil : asset
    }

    /// Records an id among those seen in its list; a repeat is `message` with the first place.
    mutating func noteUnique(
        _ id: (id: String, node: DocumentNode), in seen: inout [String: SourceLocation], _ message: String
    ) {
        if let first = seen[id.id] {
            diagnostics.error("\(message) (first at line \(first.line), column \(first.column))", at: id.node.location)
        } else {
            seen[id.id] = id.node.location
        }
    }

    mutating func vulnerability(
        _ node: DocumentNode, index: Int, of owner: String, seen: inout [String: SourceLocation]
    ) -> Vulnerability? {
        let label = Self.label("vulnerability", index, node) + " of \(owner)"
        guard
            let f = diagnostics.fields(of: node, label, allowed: Self.vulnerabilityKeys, required: ["id", "severity"])
        else { return nil }
        let id = itemID(f, label)
        if let id { noteUnique(id, in: &seen, "duplicate vulnerability id '\(id.id)' in \(owner)") }
        let what = label
        let severity = f["severity"].flatMap { choice($0, "'severity' of \(what)", Severity.self) }
        let exploit =
            f["exploit"].flatMap { choice($0, "'exploit' of \(what)", ExploitAvailability.self) }
            ?? ExploitAvailability.none
        let preauth = f["preauth"].flatMap { diagnostics.boolean($0, "'preauth' of \(what)") } ?? false
        guard let id, let severity else { return nil }
        return Vulnerability(id: id.id, severity: severity, exploit: exploit, preauth: preauth)
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
        if let id { noteUnique(id, in: &seen, "duplicate attacker id '\(id.id)'") }
        let what = label
        let capability = f["capability"].flatMap { diagnostics.integer($0, "'capability' of \(what)", in: 1...4) }
        let entry = f["entry"].flatMap {
            idList($0, "'entry' of \(what)", nonEmpty: true, kind: .zoneOrAsset, into: &references)
        }
        let horizon = f["horizon"].flatMap { duration($0, "'horizon' of \(what)", positive: true) }
        guard let id, let capability else { return nil }
        let rate = f["rate"].flatMap { positive($0, "'rate' of \(what) (attempts per year)") }
        var attacker = Attacker(id: id.id, capability: capability, entry: entry, horizon: horizon, rate: rate)
        attacker.media = f["media"].flatMap { diagnostics.boolean($0, "'media' of \(what)") } ?? false
        return attacker
    }
}
