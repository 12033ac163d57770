import Foundation
import OrderedCollections
import ZoneLabSource

/// `zonelab import firewall FILE.csv --into SCENARIO` (SPEC 8): allow rules become conduits (one
/// per zone pair) and channels (one per rule) of the scenario, added to its text as it stands.
public enum FirewallImport {
    static let allowWords: Set<String> = ["allow", "accept", "permit", "pass"]
    static let denyWords: Set<String> = ["deny", "drop", "reject", "block"]

    /// A channel to add, from a rule.
    struct NewChannel {
        var id: String
        var from: String
        var to: String
        var `protocol`: String?

        var yaml: String {
            "{id: \(id), from: \(from), to: \(to)\(`protocol`.map { ", protocol: \(YAMLText.scalar($0))" } ?? "")}"
        }
    }

    public static func run(
        records: [CSVRecord], file: String, scenario data: Data, scenarioFile: String, skipBadRows: Bool = false
    ) throws(DiagnosticError) -> ImportOutcome {
        let base = try EditableScenario(data: data, file: scenarioFile)
        let scenario = base.scenario
        var checker = RowChecker(file: file, skipBadRows: skipBadRows)
        guard
            let table = checker.table(records, required: [["source"], ["destination"]], what: "a firewall rule export")
        else {
            try checker.diagnostics.throwIfErrors()
            return ImportOutcome(yaml: base.text, notes: [], warnings: [])
        }
        let col = (
            source: table.column("source"), destination: table.column("destination"),
            protocol: table.column("protocol"), port: table.column("port"), action: table.column("action"),
            id: table.column("id", "rule", "rule_id", "rule id", "name")
        )
        // Hosts: an asset id, an asset name, or an inventory ip.
        var hosts: [String: String] = [:]
        for asset in scenario.assets.values.reversed() {
            if let ip = asset.inventory?.ip { hosts[ip] = asset.id }
            hosts[asset.name] = asset.id
        }
        for asset in scenario.assets.values { hosts[asset.id] = asset.id }

        var used = base.usedIDs
        var conduitOrder: [String] = []  // conduits that get channels, existing or new, in order
        var newConduits: [String: [String]] = [:]  // new conduit id to its zones
        var added: [String: [NewChannel]] = [:]
        var notes: [String] = []
        for record in table.rows {
            guard checker.fits(record, header: table.header) else { continue }
            let line = record.location.line
            let action = record.value(col.action)?.lowercased() ?? "allow"
            if denyWords.contains(action) {
                checker.diagnostics.warning("a '\(action)' rule adds nothing", at: record.location(col.action))
                continue
            }
            guard allowWords.contains(action) else {
                checker.bad(
                    "unknown action '\(action)': expected allow, accept, permit or pass (or deny, drop, reject, block)",
                    at: record.location(col.action))
                continue
            }
            guard let source = record.value(col.source) else {
                checker.bad("the rule has no source", at: record.location(col.source))
                continue
            }
            guard let destination = record.value(col.destination) else {
                checker.bad("the rule has no destination", at: record.location(col.destination))
                continue
            }
            let port = record.value(col.port)
            if let port, port.lowercased() != "any", !isPort(port) {
                checker.bad(
                    "'\(port)' is not a port (a number 0-65535, a range such as 5000-5010, or any)",
                    at: record.location(col.port))
                continue
            }
            guard let from = hosts[source] else {
                checker.diagnostics.warning(
                    "source '\(source)' is no asset id, asset name or inventory ip of \(scenarioFile); the rule adds nothing",
                    at: record.location(col.source))
                continue
            }
            guard let to = hosts[destination] else {
                checker.diagnostics.warning(
                    "destination '\(destination)' is no asset id, asset name or inventory ip of \(scenarioFile); the rule adds nothing",
                    at: record.location(col.destination))
                continue
            }
            guard let fromZone = scenario.assets[from]?.zone, let toZone = scenario.assets[to]?.zone, fromZone != toZone
            else {
                checker.diagnostics.warning(
                    "'\(from)' and '\(to)' are both in zone '\(scenario.assets[from]?.zone ?? "")': a rule inside one zone adds nothing",
                    at: record.location)
                continue
            }
            var proto = record.value(col.protocol)?.lowercased()
            if let port, port.lowercased() != "any" { proto = "\(proto ?? "tcp")/\(port)" }
            let rawID = record.value(col.id) ?? "\(line)"
            let ruleID = ImportIDs.slug(
                rawID.allSatisfy(\.isNumber) ? "rule-\(rawID)" : rawID, otherwise: "rule-\(line)")
            let channel = NewChannel(id: ruleID, from: from, to: to, protocol: proto)

            // The conduit of the zone pair: an existing one, else one added by this import.
            let pair = Set([fromZone, toZone])
            var conduitID: String
            var existing: [Channel] = []
            if let conduit = scenario.conduits.values.first(where: { Set($0.zones) == pair }) {
                conduitID = conduit.id
                existing = conduit.channels ?? []
                if conduit.direction == .forward && conduit.zones[0] != fromZone {
                    checker.diagnostics.warning(
                        "conduit '\(conduit.id)' is forward-only (from '\(conduit.zones[0])'); a rule from '\(from)' in '\(fromZone)' against it adds nothing",
                        at: record.location)
                    continue
                }
            } else if let id = newConduits.first(where: { Set($0.value) == pair })?.key {
                conduitID = id
            } else {
                conduitID = ImportIDs.unique("\(fromZone)-\(toZone)", in: &used)
                newConduits[conduitID] = [fromZone, toZone]
            }
            let already =
                existing.contains { $0.cid == ruleID || ($0.from == from && $0.to == to && $0.protocol == proto) }
            if already {
                notes.append("\(file):\(line): rule '\(ruleID)' is already channel of conduit '\(conduitID)'")
                continue
            }
            let pending = added[conduitID] ?? []
            if pending.contains(where: { $0.id == ruleID }) {
                checker.diagnostics.warning(
                    "rule id '\(ruleID)' appears twice for conduit '\(conduitID)'; this row adds nothing",
                    at: record.location(col.id))
                continue
            }
            if pending.isEmpty && !conduitOrder.contains(conduitID) { conduitOrder.append(conduitID) }
            added[conduitID, default: []].append(channel)
            notes.append(
                "\(file):\(line): channel '\(ruleID)' \(from) → \(to)\(proto.map { " (\($0))" } ?? "") on conduit '\(conduitID)'\(newConduits[conduitID] != nil ? " (new)" : "")"
            )
        }
        try checker.diagnostics.throwIfErrors()

        var editor = YAMLEditor(base.text)
        var newItems: [String] = []
        for conduitID in conduitOrder {
            let channels = (added[conduitID] ?? []).map(\.yaml)
            if let zones = newConduits[conduitID] {
                newItems.append(
                    "{id: \(conduitID), name: \(YAMLText.scalar("Firewall \(zones[0]) - \(zones[1])")), zones: [\(zones[0]), \(zones[1])], channels: [\(channels.joined(separator: ", "))]}"
                )
            } else if let node = base.item("conduits", id: conduitID) {
                if let list = node["channels"], case .sequence = list.kind {
                    editor.append(items: channels, to: list)
                } else if node["channels"] == nil {
                    notes.append(
                        "conduit '\(conduitID)' had no channel list (any flow): it now lists the flows the firewall allows"
                    )
                    editor.add(key: "channels", value: "[\(channels.joined(separator: ", "))]", to: node)
                } else {
                    throw DiagnosticError([
                        Diagnostic(
                            .error, file: scenarioFile, at: node["channels"]?.location ?? node.location,
                            "'channels' of conduit '\(conduitID)' has no list to add the firewall's rules to")
                    ])
                }
            }
        }
        if !newItems.isEmpty {
            if let list = base.root["conduits"], case .sequence = list.kind {
                editor.append(items: newItems, to: list)
            } else if base.root["conduits"] == nil {
                editor.appendTopLevel(["conduits:"] + newItems.map { "  - \($0)" })
            } else {
                throw DiagnosticError([
                    Diagnostic(
                        .error, file: scenarioFile, at: base.root["conduits"]?.location ?? .start,
                        "'conduits' has no list to add the firewall's conduits to: write 'conduits: []'")
                ])
            }
        }
        let text = try EditableScenario.checked(editor.text, file: scenarioFile)
        return ImportOutcome(yaml: text, notes: notes, warnings: checker.diagnostics.warnings)
    }

    static func isPort(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { p in p.allSatisfy(\.isASCII) && Int(p).map { (0...65535).contains($0) } ?? false }
    }
}
