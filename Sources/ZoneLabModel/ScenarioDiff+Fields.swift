import OrderedCollections
import ZoneLabSource

/// The fields each kind of item is compared on.
extension ScenarioDiff {
    static func scenarioChanges(_ old: Scenario, _ new: Scenario) -> [Change] {
        func fields(_ s: Scenario) -> [(String, JSONValue)] {
            [
                ("name", .string(s.name)), ("description", optional(s.description)),
                ("horizon", optional(s.horizon?.hours)), ("tolerable", .number(s.tolerable)),
                ("entry", idSet(s.entry)), ("targets", idSet(s.extraTargets)),
            ]
        }
        return fieldChanges(kind: "scenario", id: new.name, fields(old), fields(new))
    }

    static func zoneFields(_ zone: Zone) -> [(String, JSONValue)] {
        [
            ("name", .string(zone.name)), ("level", optional(zone.level)),
            ("compensating", optional(zone.compensating)), ("upgrade_cost", optional(zone.upgradeCost)),
        ] + slFields("sl_target", zone.slTarget) + slFields("sl_achieved", zone.slAchieved)
    }

    static func assetFields(_ asset: Asset) -> [(String, JSONValue)] {
        [
            ("name", .string(asset.name)), ("zone", .string(asset.zone)), ("type", optional(asset.type)),
            ("critical", .bool(asset.critical)), ("impact", impact(asset.consequence.impact)),
            ("loss", optional(asset.consequence.loss)),
        ]
            + FR.allCases.map { fr in
                ("sl_achieved.\(fr.rawValue)", asset.slAchievedOverrides[fr].map { .int($0) } ?? .null)
            } + assetToolkitFields(asset)
    }

    static func conduitFields(_ conduit: Conduit) -> [(String, JSONValue)] {
        // A forward conduit's zone order is its direction; a both-ways one's is no change.
        let zones: JSONValue =
            conduit.direction == .forward ? .array(conduit.zones.map { .string($0) }) : idSet(conduit.zones)
        return [
            ("name", .string(conduit.name)), ("zones", zones), ("direction", .string(conduit.direction.rawValue)),
            ("upgrade_cost", optional(conduit.upgradeCost)),
            ("channels", conduit.channels == nil ? "any flow" : "listed"),
        ] + slFields("sl_target", conduit.slTarget) + slFields("sl_achieved", conduit.slAchieved)
    }

    static func attackerFields(_ attacker: Attacker) -> [(String, JSONValue)] {
        [
            ("capability", .int(attacker.capability)), ("entry", attacker.entry.map(idSet) ?? .null),
            ("horizon", optional(attacker.horizon?.hours)), ("rate", optional(attacker.rate)),
            ("media", .bool(attacker.media)),
        ]
    }

    static func vulnerabilityChanges(asset: String, _ old: Asset?, _ new: Asset?) -> [Change] {
        func keyed(_ asset: Asset?) -> OrderedDictionary<String, Vulnerability> {
            var result: OrderedDictionary<String, Vulnerability> = [:]
            for v in asset?.vulnerabilities ?? [] where result[v.id] == nil { result[v.id] = v }
            return result
        }
        let changes = compare(keyed(old), keyed(new), kind: "vulnerability") { v in
            [
                ("severity", .string(v.severity.rawValue)), ("exploit", .string(v.exploit.rawValue)),
                ("preauth", .bool(v.preauth)),
            ]
        }
        return changes.map { change in
            var change = change
            change.id = "\(asset)/\(change.id)"
            return change
        }
    }

    static func channelChanges(conduit: String, _ old: Conduit?, _ new: Conduit?) -> [Change] {
        func keyed(_ conduit: Conduit?) -> OrderedDictionary<String, Channel> {
            var result: OrderedDictionary<String, Channel> = [:]
            for c in conduit?.channels ?? [] where result[c.cid] == nil { result[c.cid] = c }
            return result
        }
        let changes = compare(keyed(old), keyed(new), kind: "channel") { c in
            [("from", .string(c.from)), ("to", .string(c.to)), ("protocol", optional(c.protocol))]
        }
        return changes.map { change in
            var change = change
            change.id = "\(conduit)/\(change.id)"
            return change
        }
    }
}
