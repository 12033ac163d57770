import Foundation
import ZoneLabSource

/// `zonelab import inventory FILE.csv` (SPEC 8): an asset inventory as OT monitoring products
/// export it, turned into a scenario skeleton whose guessed values are marked `# guessed`.
public enum InventoryImport {
    /// Asset types that are controllers or safety systems: guessed `critical: true`.
    static let criticalTypes: Set<String> = ["plc", "sis", "rtu", "dcs", "controller", "ied"]
    /// Zone names that fit as where attackers start.
    static let entryWords = ["internet", "wan", "external", "outside"]

    struct Row {
        var line: Int
        var id: String
        var name: String
        var zone: String
        var type: String?
        var typeGuessed: Bool
        var inventory: Inventory
    }

    /// Builds the skeleton; `name` is the scenario's name (default: from the file's name, guessed).
    public static func run(
        records: [CSVRecord], file: String, name: String? = nil, skipBadRows: Bool = false
    ) throws(DiagnosticError) -> ImportOutcome {
        var checker = RowChecker(file: file, skipBadRows: skipBadRows)
        guard let table = checker.table(records, required: [["name", "hostname"], ["ip"]], what: "an inventory")
        else {
            try checker.diagnostics.throwIfErrors()
            return ImportOutcome(yaml: "", notes: [], warnings: [])
        }
        let col = (
            name: table.column("name", "hostname"), ip: table.column("ip"), mac: table.column("mac"),
            vendor: table.column("vendor"), model: table.column("model"), firmware: table.column("firmware"),
            type: table.column("type"), zone: table.column("zone"), vlan: table.column("vlan"),
            subnet: table.column("subnet")
        )
        var zones: [(id: String, name: String)] = []
        var rows: [Row] = []
        var notes: [String] = []
        var used = Set<String>()
        var seen: [String: Int] = [:]  // name|ip|mac of a row already read, to its line
        for record in table.rows {
            guard checker.fits(record, header: table.header) else { continue }
            guard let rawName = record.value(col.name) else {
                checker.bad(
                    "the row has no name (column '\(table.header.fields[col.name ?? 0].text)')",
                    at: record.location(col.name))
                continue
            }
            let ip = record.value(col.ip)
            if let ip, ImportIDs.ipv4(ip) == nil {
                checker.bad(
                    "'\(ip)' is not an IPv4 address (four numbers 0-255 with dots)", at: record.location(col.ip))
                continue
            }
            let zone: (id: String, name: String)
            if let value = record.value(col.zone) {
                zone = (ImportIDs.slug(value, otherwise: "zone"), value)
            } else if let value = record.value(col.vlan) {
                zone =
                    value.allSatisfy(\.isNumber)
                    ? ("vlan-\(value)", "VLAN \(value)") : (ImportIDs.slug(value, otherwise: "vlan"), value)
            } else if let value = record.value(col.subnet) {
                zone = (subnetZone(value), value)
            } else if let ip, let n = ImportIDs.ipv4(ip) {
                zone = ("net-\(n[0])-\(n[1])-\(n[2])", "\(n[0]).\(n[1]).\(n[2]).0/24")
            } else {
                checker.bad(
                    "the row names no zone, vlan or subnet and has no ip to place it in a zone", at: record.location)
                continue
            }
            let key = [rawName, ip ?? "", record.value(col.mac) ?? ""].joined(separator: "|")
            if let first = seen[key] {
                checker.diagnostics.warning(
                    "'\(rawName)' is listed again (first on line \(first)); the row adds nothing", at: record.location)
                continue
            }
            seen[key] = record.location.line
            if !zones.contains(where: { $0.id == zone.id }) {
                zones.append(zone)
                used.insert(zone.id)
            }
            let rawType = record.value(col.type)
            let type = rawType.map(normalizedType) ?? guessedType(model: record.value(col.model), name: rawName)
            rows.append(
                Row(
                    line: record.location.line, id: rawName, name: rawName, zone: zone.id, type: type,
                    typeGuessed: type != nil && type != rawType?.lowercased(),
                    inventory: Inventory(
                        ip: ip, mac: record.value(col.mac), vendor: record.value(col.vendor),
                        model: record.value(col.model), firmware: record.value(col.firmware))))
        }
        if rows.isEmpty && !checker.diagnostics.hasErrors {
            let skipped = checker.diagnostics.warnings.count
            checker.diagnostics.error(
                "the inventory lists no asset that could be read\(skipped > 0 ? " (\(skipped) row\(skipped == 1 ? "" : "s") skipped)" : "")",
                at: table.header.location)
        }
        try checker.diagnostics.throwIfErrors()
        for i in rows.indices {
            rows[i].id = ImportIDs.unique(ImportIDs.slug(rows[i].name, otherwise: "asset"), in: &used)
            notes.append("\(file):\(rows[i].line): asset '\(rows[i].id)' in zone '\(rows[i].zone)'")
        }
        let text = yaml(
            file: file, name: name, zones: zones, rows: rows, used: &used)
        return ImportOutcome(yaml: text, notes: notes, warnings: checker.diagnostics.warnings)
    }

    static func subnetZone(_ value: String) -> String {
        let parts = value.split(separator: "/")
        if parts.count == 2, let n = ImportIDs.ipv4(String(parts[0])), let prefix = Int(parts[1]) {
            return prefix == 24
                ? "net-\(n[0])-\(n[1])-\(n[2])" : "net-\(n.map(String.init).joined(separator: "-"))-\(prefix)"
        }
        return ImportIDs.slug(value, otherwise: "subnet")
    }

    /// An exported type in ZoneLab's words (plc, sis, hmi, ews, …), else as exported in lower case.
    static func normalizedType(_ raw: String) -> String {
        let t = raw.lowercased()
        let table: [(String, String)] = [
            ("safety", "sis"), ("sis", "sis"), ("engineering", "ews"), ("ews", "ews"), ("hmi", "hmi"),
            ("historian", "historian"), ("rtu", "rtu"), ("plc", "plc"), ("dcs", "dcs"), ("ied", "ied"),
            ("controller", "plc"), ("firewall", "firewall"), ("switch", "switch"), ("router", "router"),
            ("server", "server"), ("workstation", "workstation"),
        ]
        return table.first { t.contains($0.0) }?.1 ?? ImportIDs.slug(t, otherwise: t)
    }

    /// A type guessed from a model or host name, when the export has none.
    static func guessedType(model: String?, name: String) -> String? {
        let text = "\(model ?? "") \(name)".lowercased()
        let table: [(String, String)] = [
            ("triconex", "sis"), ("safety", "sis"), ("s7-1500", "plc"), ("s7-1200", "plc"), ("s7-300", "plc"),
            ("s7-400", "plc"), ("controllogix", "plc"), ("compactlogix", "plc"), ("modicon", "plc"), ("plc", "plc"),
            ("hmi", "hmi"), ("panel", "hmi"), ("historian", "historian"), ("rtu", "rtu"), ("ews", "ews"),
        ]
        return table.first { text.contains($0.0) }?.1
    }

    static func yaml(
        file: String, name: String?, zones: [(id: String, name: String)], rows: [Row], used: inout Set<String>
    )
        -> String
    {
        let guessed = "  # guessed"
        let defaultName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var out = [
            "# A scenario skeleton imported by `zonelab import inventory` from \(file).",
            "# Review every value marked \"# guessed\", then add conduits (zonelab import firewall).",
            "zonelab: 1",
            "name: \(YAMLText.scalar(name ?? defaultName))\(name == nil ? guessed : "")",
        ]
        var allZones = zones
        let entry: String
        var addedInternet = false
        if let fit = zones.first(where: { z in
            entryWords.contains { z.id.lowercased().contains($0) || z.name.lowercased().contains($0) }
        }) {
            entry = fit.id
        } else {
            entry = ImportIDs.unique("internet", in: &used)
            allZones.insert((entry, "Internet"), at: 0)
            addedInternet = true
        }
        out.append("entry: [\(entry)]\(guessed)")
        if !rows.contains(where: { $0.type.map(criticalTypes.contains) ?? false }),
            let target = zones.first(where: { $0.id != entry }) ?? zones.first
        {
            out.append("targets: [\(target.id)]\(guessed)")
        }
        out.append("zones:")
        for zone in allZones {
            let isAdded = addedInternet && zone.id == entry
            out.append("  - id: \(zone.id)\(isAdded ? guessed : "")")
            if zone.name != zone.id { out.append("    name: \(YAMLText.scalar(zone.name))") }
            if isAdded { out.append("    sl_target: 0") }
        }
        out.append(rows.isEmpty ? "assets: []" : "assets:")
        for row in rows {
            out.append("  - id: \(row.id)")
            if row.name != row.id { out.append("    name: \(YAMLText.scalar(row.name))") }
            out.append("    zone: \(row.zone)")
            if let type = row.type { out.append("    type: \(YAMLText.scalar(type))\(row.typeGuessed ? guessed : "")") }
            if let type = row.type, criticalTypes.contains(type) { out.append("    critical: true\(guessed)") }
            let inv = row.inventory
            let fields = [
                ("ip", inv.ip), ("mac", inv.mac), ("vendor", inv.vendor), ("model", inv.model),
                ("firmware", inv.firmware),
            ]
            .compactMap { key, value in value.map { "\(key): \(YAMLText.scalar($0))" } }
            if !fields.isEmpty { out.append("    inventory: {\(fields.joined(separator: ", "))}") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
