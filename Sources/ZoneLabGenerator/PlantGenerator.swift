import ZoneLabModel
import ZoneLabSource

/// Generates realistic multi-site plants: shared internet, enterprise and vendor-access zones,
/// and per site a Purdue stack (DMZ, operations, cells of supervisory and field zones, a safety
/// zone, a legacy zone), with some data diodes, vendor shortcuts, legacy and vulnerable assets.
/// Deterministic for a seed; used by `zonelab generate` and the benchmarks.
public struct PlantGenerator: Sendable {
    public var sites: Int
    /// Assets per zone, on average.
    public var assetsPerZone: Int
    public var seed: UInt64
    /// Cells (supervisory + field zone pairs) per site.
    public var cellsPerSite: Int

    public init(sites: Int, assetsPerZone: Int = 12, seed: UInt64 = 1, cellsPerSite: Int = 3) {
        precondition(sites >= 1 && assetsPerZone >= 1 && cellsPerSite >= 1)
        self.sites = sites
        self.assetsPerZone = assetsPerZone
        self.seed = seed
        self.cellsPerSite = cellsPerSite
    }

    /// The plant.
    ///
    /// - Complexity: O(sites · cells · assetsPerZone).
    public func generate() -> Scenario {
        var rng = SplitMix64(seed: seed)
        var zones: [Zone] = []
        var assets: [Asset] = []
        var conduits: [Conduit] = []
        func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) * 0x1.0p-53 < p }
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
        func sl(_ base: Int, spread: Int = 1) -> SLVector {
            var v = SLVector(uniform: base)
            for fr in FR.allCases where chance(0.3) { v[fr] = max(0, min(4, base - pick(0...spread))) }
            return v
        }
        var cveCounter = 0
        func vulnerabilities(_ likelihood: Double) -> [Vulnerability] {
            guard chance(likelihood) else { return [] }
            return (0..<pick(1...2)).map { _ in
                cveCounter += 1
                let severity = Severity.allCases[pick(0...3)]
                return Vulnerability(
                    id: "CVE-2024-\(10000 + cveCounter)", severity: severity, exploit: chance(0.35) ? .public : .none)
            }
        }
        func addAssets(
            zone: String, count: Int, types: [String], criticalTypes: Set<String> = [], maxCritical: Int = 0,
            vulnerable: Double
        ) {
            var critical = 0
            for k in 0..<count {
                let type = types[k % types.count]
                let isCritical = criticalTypes.contains(type) && critical < maxCritical
                if isCritical { critical += 1 }
                var asset = Asset(
                    id: "\(zone).\(type)\(k + 1)", name: "\(type.uppercased()) \(k + 1) (\(zone))", zone: zone,
                    type: type,
                    critical: isCritical, slAchievedOverrides: chance(0.1) ? [.SI: pick(0...1)] : [:],
                    vulnerabilities: vulnerabilities(vulnerable))
                // Critical assets are risk-rated (SPEC 4.1), by type and without a draw, so the
                // plant's random layout does not depend on it: a safety system's compromise is a
                // safety matter, a controller's a production (and safety) one.
                if isCritical {
                    asset.consequence =
                        type == "sis"
                        ? Consequence(
                            impact: Impact(byCategory: [("safety", 5), ("environment", 4)]), loss: 10_000_000)
                        : Consequence(impact: Impact(byCategory: [("production", 4), ("safety", 3)]), loss: 1_000_000)
                }
                assets.append(asset)
            }
        }
        func conduit(_ id: String, _ a: String, _ b: String, sla: Int, forward: Bool = false, cost: Double) {
            // A conduit's SL-A is assessed on its barriers (RDF, IAC); the other FRs are not assessed.
            let rdf = max(0, min(4, sla + pick(-1...0)))
            let achieved = SLVector([.RDF: rdf, .IAC: max(0, min(4, sla + pick(-1...0)))])
            conduits.append(
                Conduit(
                    id: id, name: "\(a) ↔ \(b)", zones: [a, b], direction: forward ? .forward : .both,
                    slAchieved: achieved, upgradeCost: cost))
        }

        zones.append(Zone(id: "internet", name: "Internet", level: 5))
        zones.append(
            Zone(
                id: "enterprise", name: "Enterprise IT", level: 4, slTarget: SLVector(uniform: 2), slAchieved: sl(2),
                upgradeCost: 80_000))
        zones.append(
            Zone(
                id: "vendor", name: "Vendor remote access", level: 4, slTarget: SLVector(uniform: 2), slAchieved: sl(2),
                upgradeCost: 30_000))
        addAssets(
            zone: "enterprise", count: assetsPerZone, types: ["workstation", "server", "server", "workstation"],
            vulnerable: 0.3)
        addAssets(zone: "vendor", count: max(2, assetsPerZone / 4), types: ["gateway", "server"], vulnerable: 0.3)
        conduit("inet-ent", "internet", "enterprise", sla: 2, cost: 40_000)
        conduit("inet-vendor", "internet", "vendor", sla: 2, cost: 25_000)

        for s in 1...sites {
            let site = "s\(s)"
            let dmz = "\(site)-dmz"
            let ops = "\(site)-ops"
            let sis = "\(site)-sis"
            let legacy = "\(site)-legacy"
            zones.append(
                Zone(
                    id: dmz, name: "Site \(s) IT/OT DMZ", level: 3, slTarget: SLVector(uniform: 3), slAchieved: sl(2),
                    upgradeCost: 40_000))
            zones.append(
                Zone(
                    id: ops, name: "Site \(s) operations", level: 3, slTarget: SLVector(uniform: 3), slAchieved: sl(2),
                    upgradeCost: 60_000))
            zones.append(
                Zone(
                    id: sis, name: "Site \(s) safety", level: 1, slTarget: SLVector(uniform: 4), slAchieved: sl(3),
                    upgradeCost: 90_000))
            zones.append(
                Zone(
                    id: legacy, name: "Site \(s) legacy", level: 2, slTarget: SLVector(uniform: 2), slAchieved: sl(1),
                    compensating:
                        "Unpatchable legacy stations; jump host with session recording and application whitelisting.",
                    upgradeCost: 50_000))
            addAssets(
                zone: dmz, count: max(2, assetsPerZone / 2), types: ["historian", "server", "server"], vulnerable: 0.3)
            addAssets(zone: ops, count: assetsPerZone, types: ["server", "ews", "historian", "hmi"], vulnerable: 0.25)
            addAssets(
                zone: sis, count: max(1, assetsPerZone / 4), types: ["sis", "ews"], criticalTypes: ["sis"],
                maxCritical: 1, vulnerable: 0.1)
            addAssets(zone: legacy, count: max(1, assetsPerZone / 3), types: ["workstation", "hmi"], vulnerable: 0.8)
            conduit("\(site)-ent-dmz", "enterprise", dmz, sla: 2, cost: 35_000)
            conduit("\(site)-dmz-ops", ops, dmz, sla: 2, forward: s % 10 == 0, cost: 45_000)
            conduit("\(site)-ops-sis", ops, sis, sla: 3, cost: 60_000)
            conduit("\(site)-ops-legacy", ops, legacy, sla: 1, cost: 20_000)
            if s % 4 == 1 { conduit("\(site)-vendor-ops", "vendor", ops, sla: 2, cost: 15_000) }
            for c in 1...cellsPerSite {
                let sup = "\(site)-c\(c)-sup"
                let field = "\(site)-c\(c)-field"
                zones.append(
                    Zone(
                        id: sup, name: "Site \(s) cell \(c) supervisory", level: 2, slTarget: SLVector(uniform: 3),
                        slAchieved: sl(2), upgradeCost: 40_000))
                zones.append(
                    Zone(
                        id: field, name: "Site \(s) cell \(c) field", level: 1, slTarget: SLVector(uniform: 3),
                        slAchieved: sl(2), upgradeCost: 55_000))
                addAssets(
                    zone: sup, count: assetsPerZone, types: ["hmi", "hmi", "workstation", "ews"], vulnerable: 0.2)
                addAssets(
                    zone: field, count: assetsPerZone, types: ["plc", "plc", "rtu", "controller"],
                    criticalTypes: ["plc"], maxCritical: c == 1 ? 2 : 1, vulnerable: 0.15)
                conduit("\(site)-c\(c)-ops-sup", ops, sup, sla: 2, cost: 25_000)
                conduit("\(site)-c\(c)-sup-field", sup, field, sla: 2, cost: 30_000)
            }
        }
        return Scenario(
            name: "Synthetic plant \(sites) sites",
            description:
                "A synthetic plant of \(sites) sites, \(assetsPerZone) assets per zone, generated with seed \(seed).",
            entry: ["internet"], zones: zones, assets: assets, conduits: conduits)
    }
}
